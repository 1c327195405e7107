// Segments (saved audience rules), campaigns (a published `trigger.campaign` flow sent to a segment)
// and their members: the audience snapshotted at launch, one row per contact, each with its send
// time, its run, and the bucket it ends in (DESIGN "Campaigns and budgets").
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type {
  CampaignExclusions,
  CampaignSchedule,
  CampaignWindow,
  SegmentRules,
} from '../segments/rules.ts';
import { botAccounts } from './bots.ts';
import { at, createdAt, id } from './columns.ts';
import { contacts } from './contacts.ts';
import { flows } from './flows.ts';
import { users } from './users.ts';
import { workspaceId } from './workspaces.ts';

export const segments = pgTable(
  'segments',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    rules: jsonb('rules').$type<SegmentRules>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('segments_workspace_name').on(t.workspaceId, t.name)],
);

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'running',
  'paused',
  'finished',
  'cancelled',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    /** The saved segment it was made from (its rules are copied into `rules` at creation). */
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'set null' }),
    rules: jsonb('rules').$type<SegmentRules>().notNull(),
    exclusions: jsonb('exclusions').$type<CampaignExclusions>().notNull(),
    schedule: jsonb('schedule').$type<CampaignSchedule>().notNull().default({}),
    sendTime: text('send_time', { enum: ['fixed', 'best_hour'] })
      .notNull()
      .default('fixed'),
    /** best_hour: the hours (and days) of the week a send may land in, workspace time zone. */
    window: jsonb('window').$type<CampaignWindow | null>(),
    /** Where a reply goes: the flow's own wait_reply/ask, or the inbox (a conversation opened by the campaign). */
    replyTo: text('reply_to', { enum: ['flow', 'inbox'] })
      .notNull()
      .default('flow'),
    /** How long after its send a member's reply still counts (ISO duration); after it: no reply. */
    replyWindow: text('reply_window').notNull().default('P3D'),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    /** A monthly campaign's occurrences point at the first one. */
    parentId: uuid('parent_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    launchedAt: at('launched_at'),
    finishedAt: at('finished_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('campaigns_workspace').on(t.workspaceId, t.createdAt),
    index('campaigns_due').on(t.status).where(sql`status in ('scheduled', 'running')`),
  ],
);

/**
 * `scheduled`: waiting for its send; `sent`: its first message went out; `failed`: the send failed
 * (WeChat refused it; `deleted_us` when not a friend); `cancelled`: the campaign was cancelled before
 * its send; `skipped`: its run ended without sending (a condition said no) or the contact already ran
 * the flow at launch.
 */
export const MEMBER_STATUSES = ['scheduled', 'sent', 'failed', 'cancelled', 'skipped'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const BUCKETS = ['deleted_us', 'simple_reply', 'intent', 'other_reply', 'no_reply'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const campaignMembers = pgTable(
  'campaign_members',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    workspaceId: workspaceId(),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    /** When its run wakes to send (fixed, or the contact's best hour of the week). */
    sendAt: at('send_at').notNull(),
    runId: uuid('run_id'),
    status: text('status', { enum: MEMBER_STATUSES }).notNull().default('scheduled'),
    bucket: text('bucket', { enum: BUCKETS }),
    sentAt: at('sent_at'),
    repliedAt: at('replied_at'),
    /** The first reply's text (cut to 500 characters): what the report shows next to the bucket. */
    reply: text('reply'),
    /** The index in `[text, ...variants]` of the first message it got. */
    variant: smallint('variant'),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.contactId] }),
    index('campaign_members_bucket').on(t.campaignId, t.bucket),
    index('campaign_members_run').on(t.runId),
    // A contact's campaign buckets (`campaign.*` facts and rules): 4.6 ms → 0.26 ms on 35k members.
    index('campaign_members_contact').on(t.contactId),
    // A reply finds the contact's latest sent member still waiting for one.
    index('campaign_members_awaiting')
      .on(t.contactId, t.sentAt)
      .where(sql`status = 'sent' and replied_at is null`),
  ],
);
