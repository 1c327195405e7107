// Bot accounts: one WeChat / WeCom login driven by a Wechaty puppet, its pacing limits and the lease
// that says which worker process drives it (fencing token checked on every outbox claim).

import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { BotLimits } from '../api/bot-limits.ts';
import { at, createdAt, id } from './columns.ts';
import { workspaceId } from './workspaces.ts';

export const BOT_STATUSES = ['stopped', 'starting', 'scanning', 'online', 'error'] as const;
export type BotStatus = (typeof BOT_STATUSES)[number];

export const botAccounts = pgTable(
  'bot_accounts',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    puppet: text('puppet').notNull(),
    /** Puppet options (tokens) encrypted with WEFUNNEL_SECRET; null when there are none. */
    puppetOptions: text('puppet_options'),
    limits: jsonb('limits').$type<BotLimits>().notNull(),
    /** Pacing state of the dispatcher (token buckets, daily counters), JSON. */
    pacing: jsonb('pacing').$type<unknown>(),
    /** What the operator asked for: a running account is kept online by some worker. */
    desired: text('desired', { enum: ['running', 'stopped'] })
      .notNull()
      .default('running'),
    status: text('status', { enum: BOT_STATUSES }).notNull().default('stopped'),
    qrcode: text('qrcode'),
    selfName: text('self_name'),
    error: text('error'),
    leaseOwner: text('lease_owner'),
    leaseUntil: at('lease_until'),
    fencingToken: bigint('fencing_token', { mode: 'number' }).notNull().default(0),
    /**
     * Sandbox accounts only: how far this account's virtual clock runs ahead of the wall clock
     * (POST /api/sandbox/clock/advance). Real accounts keep 0 and only ever see the wall clock.
     */
    clockOffsetMs: bigint('clock_offset_ms', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('bot_accounts_workspace').on(t.workspaceId), index('bot_accounts_lease').on(t.leaseUntil)],
);

export const BOT_COMMAND_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type BotCommandStatus = (typeof BOT_COMMAND_STATUSES)[number];

/**
 * Work for whichever process holds a bot account's lease (today: the sandbox's simulated WeChat —
 * a contact's message, a friend request, a clock advance). The API writes a row and waits for it
 * to be done, so the sandbox works when the API and the workers are separate processes, and a
 * command queued while its worker died is performed by the next lease holder.
 */
export const botCommands = pgTable(
  'bot_commands',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    op: text('op').notNull(),
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: BOT_COMMAND_STATUSES }).notNull().default('queued'),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    createdAt: createdAt(),
    doneAt: at('done_at'),
  },
  (t) => [index('bot_commands_queued').on(t.botAccountId, t.id).where(sql`status = 'queued'`)],
);
