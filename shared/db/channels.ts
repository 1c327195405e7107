// Acquisition channels (渠道活码, API "Analytics"): a named source of new friends — a public friend
// page `/c/<slug>` that shows the QR code of the account with the most room today, a hello code, or
// a lead form — the page views that say which account a visitor was shown, and each account's friend
// QR code. New contacts carry their channel (contacts.channel_id) and get its tags.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { botAccounts } from './bots.ts';
import { at, createdAt, id } from './columns.ts';
import { mediaFiles } from './media.ts';
import { workspaceId } from './workspaces.ts';

export const CHANNEL_KINDS = ['qr', 'hello', 'lead'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const channels = pgTable(
  'channels',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
    /** The public page `/c/<slug>`: unique across workspaces, since the address is. */
    slug: text('slug').notNull(),
    /** A friend request whose hello contains this code is the channel's (the strongest signal). */
    helloCode: text('hello_code'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** What the marketer spent on the channel, in cents (cost per goal = spend / goals). */
    spend: integer('spend').notNull().default(0),
    /** The accounts the page rotates across; empty: every account with a friend QR code. */
    botAccountIds: uuid('bot_account_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    /** An archived channel keeps its contacts and counts; its page answers 404. */
    archivedAt: at('archived_at'),
  },
  (t) => [
    uniqueIndex('channels_slug').on(t.slug),
    uniqueIndex('channels_workspace_name').on(t.workspaceId, t.name),
    uniqueIndex('channels_workspace_hello')
      .on(t.workspaceId, sql`lower(${t.helloCode})`)
      .where(sql`hello_code is not null`),
  ],
);

/**
 * A view of a channel's page and the account it showed: a friend request at that account soon after
 * is the visitor's (claimed once, by `contact_id`). Times are on the account's clock.
 */
export const channelScans = pgTable(
  'channel_scans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    at: at('at').notNull(),
    /** The contact whose friend request this view explained; null while unclaimed. */
    contactId: uuid('contact_id'),
  },
  (t) => [
    index('channel_scans_unclaimed').on(t.botAccountId, t.at).where(sql`contact_id is null`),
    index('channel_scans_channel').on(t.channelId, t.at),
  ],
);

/** The QR code people scan to add an account as a friend (WeChat's "My QR code", WeCom's 联系我). */
export const friendQrs = pgTable('friend_qrs', {
  botAccountId: uuid('bot_account_id')
    .primaryKey()
    .references(() => botAccounts.id, { onDelete: 'cascade' }),
  workspaceId: workspaceId(),
  mediaId: uuid('media_id')
    .notNull()
    .references(() => mediaFiles.id, { onDelete: 'cascade' }),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
