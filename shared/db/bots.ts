// Bot accounts: one WeChat / WeCom login driven by a Wechaty puppet, its pacing limits and the lease
// that says which worker process drives it (fencing token checked on every outbox claim).

import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
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
    createdAt: createdAt(),
  },
  (t) => [index('bot_accounts_workspace').on(t.workspaceId), index('bot_accounts_lease').on(t.leaseUntil)],
);
