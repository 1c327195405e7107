// Workspaces (tenants) and who belongs to them with which role.
import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DEFAULT_FALLBACK, type Fallback } from '../api/workspace.ts';
import { ROLES } from '../roles.ts';
import { createdAt, id } from './columns.ts';
import { users } from './users.ts';

export const roleEnum = pgEnum('role', ROLES);

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  /** Bot disclosure: appended to every bot-written message when set (never to agent replies). */
  botSignature: text('bot_signature'),
  /** What happens to a message no flow takes (DESIGN "Route"): keyword auto-replies, then a human. */
  fallback: jsonb('fallback').$type<Fallback>().notNull().default(DEFAULT_FALLBACK),
  /** Group activity grades over the last `days` days: ≥ `active` messages active, ≤ `lurker` a lurker. */
  activityGrades: jsonb('activity_grades')
    .$type<{ days: number; active: number; lurker: number }>()
    .notNull()
    .default({ days: 30, active: 20, lurker: 0 }),
  /** Bot-initiated messages one contact may get across all flows and campaigns (API "Segments and campaigns"). */
  messageBudget: jsonb('message_budget')
    .$type<{ perDay: number; perWeek: number }>()
    .notNull()
    .default({ perDay: 2, perWeek: 5 }),
  /** A campaign reply that is only one of these (trimmed, case-insensitive) is a simple reply. */
  simpleReplies: text('simple_replies')
    .array()
    .notNull()
    .default(sql`'{好的,好,嗯,嗯嗯,收到,谢谢,谢谢你,知道了,ok,okay,好滴,👍,thanks,thx}'::text[]`),
  /** A campaign reply containing one of these shows purchase intent. */
  intentKeywords: text('intent_keywords')
    .array()
    .notNull()
    .default(sql`'{多少钱,价格,怎么买,购买,下单,报名,链接,优惠,price,buy,how much}'::text[]`),
  createdAt: createdAt(),
});

/** The tenant column every customer-data table carries (DESIGN "Storage"). */
export const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const members = pgTable(
  'members',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    /** Takes conversations in the inbox (assignable, in the round robin): agents, and others who opt in. */
    agent: boolean('agent').notNull().default(false),
    /** The member's last request: "online" for the round robin is seen within a few minutes. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('members_workspace_user').on(t.workspaceId, t.userId)],
);
