// Website leads (API.md "Leads"): a phone or weixin handle a website collected; the bot searches
// the person and sends a friend request through the outbox (paced as friend adds); when they
// accept, flows with `trigger.lead` start with the lead's attributes.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { botAccounts } from './bots.ts';
import { channels } from './channels.ts';
import { at, createdAt, id } from './columns.ts';
import { contacts } from './contacts.ts';
import { workspaceId } from './workspaces.ts';

export const LEAD_STATUSES = ['queued', 'requested', 'accepted', 'failed', 'not_found'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const leads = pgTable(
  'leads',
  {
    id: id(),
    workspaceId: workspaceId(),
    /** The account that adds the lead (chosen at creation: the workspace's account with most room). */
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    /** Mainland-China mobile as 11 digits, or null when the lead came with a weixin handle only. */
    phone: text('phone'),
    weixin: text('weixin'),
    name: text('name').notNull().default(''),
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean>>().notNull().default({}),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('queued'),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    error: text('error'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    acceptedAt: at('accepted_at'),
    /** The acquisition channel whose page took the lead: its contact is attributed on accept. */
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
  },
  (t) => [
    // The same phone (or handle) twice is one lead.
    uniqueIndex('leads_workspace_phone').on(t.workspaceId, t.phone).where(sql`phone is not null`),
    uniqueIndex('leads_workspace_weixin').on(t.workspaceId, t.weixin).where(sql`phone is null`),
    index('leads_workspace_created').on(t.workspaceId, t.createdAt),
  ],
);
