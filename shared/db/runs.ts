// Runs (one contact in one flow version), their node visits and experiment members, the per-node counters the marketer
// watches, and goal hits. Counters are incremented in the turn's transaction, never recomputed.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { contacts } from './contacts.ts';
import { flows, flowVersions } from './flows.ts';
import { workspaceId } from './workspaces.ts';

export const RUN_STATUSES = ['active', 'waiting', 'completed', 'exited', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const runs = pgTable(
  'runs',
  {
    id: id(),
    workspaceId: workspaceId(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    snapshot: jsonb('snapshot').$type<unknown>(),
    currentNodeId: text('current_node_id'),
    /** The run waits for the contact's next message (ask, wait_reply). */
    awaitsMessage: boolean('awaits_message').notNull().default(false),
    /** The run waits for its contact to join a group (an `invite_room` node). */
    awaitsRoomJoin: boolean('awaits_room_join').notNull().default(false),
    /** The run's group: the one it was started in (a group message, a join) or invited to. */
    roomId: uuid('room_id'),
    wakeAt: at('wake_at'),
    wakeToken: text('wake_token'),
    error: text('error'),
    startedAt: at('started_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('runs_due').on(t.wakeAt).where(sql`status = 'waiting' and wake_at is not null`),
    // Also a contact's open runs (the router's, facts', segments' lookups): one index on contact_id, not two.
    uniqueIndex('runs_one_open_per_flow')
      .on(t.contactId, t.flowId)
      .where(sql`status in ('active', 'waiting')`),
    index('runs_version_node').on(t.flowVersionId, t.currentNodeId),
    // A contact's finished flows (`flow.finished` facts and segment rules): 36 ms → 0.08 ms a lookup on
    // 55k runs (seq scan before). Partial: waiting runs' updates (the sweeper) never touch it.
    index('runs_contact_finished').on(t.contactId, t.flowId).where(sql`status = 'completed'`),
  ],
);

/**
 * A run's arrival at a node. Keyed by (run, node, visit) with no surrogate id, and with no foreign key
 * to runs: only the turn that holds its run locked writes a visit, and a deleted run takes its visits
 * with it by trigger (migrations/0017). A wake's three visits cost PostgreSQL ~20 µs less so
 * (bench:runtime (c), campaign starts; README).
 */
export const nodeVisits = pgTable(
  'node_visits',
  {
    runId: uuid('run_id').notNull(),
    nodeId: text('node_id').notNull(),
    visit: integer('visit').notNull(),
    /** The visit's place among those its turn entered (0, 1, …): a turn's visits share `entered_at`. */
    step: smallint('step').notNull().default(0),
    /** The port the run left through, once it has. */
    port: text('port'),
    /** For a `send` with variants: the index in `[text, ...variants]` sent on this visit. */
    variant: smallint('variant'),
    enteredAt: at('entered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId, t.visit] })],
);

/**
 * The arm a contact got at its FIRST visit of an experiment of a flow version (a `split`'s branch, a
 * `send`'s variant index as text), written once by that turn (sticky: later visits change nothing).
 * Experiments read it, never node_visits.
 */
export const experimentMembers = pgTable(
  'experiment_members',
  {
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    arm: text('arm').notNull(),
    enteredAt: at('entered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.flowVersionId, t.nodeId, t.contactId] }),
    // Experiments read one version's nodes over a date range from this index alone (index-only scan):
    // 5 splits × 10k contacts in 26 ms (p50), where the walk of runs → node_visits took 336 ms.
    index('experiment_members_entered').on(t.flowVersionId, t.nodeId, t.enteredAt, t.arm, t.contactId),
  ],
);

/**
 * `port = ''` holds `entered` for the node; every other row counts runs that left through `port`.
 * Each counter is split over NODE_STATS_SHARDS rows (a run always bumps the same shard): concurrent
 * turns at one node would otherwise queue on one row lock until commit. Readers sum the shards.
 */
export const NODE_STATS_SHARDS = 16;
export const nodeStats = pgTable(
  'node_stats',
  {
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    port: text('port').notNull(),
    shard: smallint('shard').notNull().default(0),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.flowVersionId, t.nodeId, t.port, t.shard] })],
);

/**
 * node_stats per day of the workspace's time zone (DESIGN "Analytics"), written by the same upsert
 * and on the same shard, so a day's row never adds a lock a turn did not already queue on. Charts read
 * one version's day range from the primary key; they never count node_visits.
 */
export const nodeStatsDaily = pgTable(
  'node_stats_daily',
  {
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    nodeId: text('node_id').notNull(),
    port: text('port').notNull(),
    shard: smallint('shard').notNull().default(0),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.flowVersionId, t.day, t.nodeId, t.port, t.shard] })],
);

export const goals = pgTable(
  'goals',
  {
    id: id(),
    workspaceId: workspaceId(),
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('goals_run_name').on(t.runId, t.name),
    index('goals_version').on(t.flowVersionId),
    // A contact's goals (`goal.*` facts each turn reads, segment rules): 10.6 ms → 0.1 ms on 20k goals.
    index('goals_contact').on(t.contactId, t.name),
    // A workspace's goals of a date range (the bot quality's goals per 100 contacts).
    index('goals_workspace_at').on(t.workspaceId, t.createdAt),
  ],
);
