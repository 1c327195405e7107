// Writes a turn (DESIGN "Execute one turn") in ONE statement: the run's new snapshot and wake, its
// outbox rows (idempotency keys), node visits, node_stats increments, contact attribute/tag writes
// and goals, each a data-modifying CTE — one round trip to the database per turn's writes.
import { eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { contacts, goals, nodeVisits, outbox, runs } from '../../shared/db/schema.ts';
import type { TurnResult } from '../../shared/flow/index.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { StatsBuffer } from './stats-buffer.ts';

/** A text[] parameter; drizzle would otherwise expand a JS array into a row constructor. */
const textArray = (values: string[]) =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;

export interface TurnScope {
  workspaceId: string;
  botAccountId: string;
  contactId: string;
  flowId: string;
  flowVersionId: string;
  runId: string;
  /** Bot disclosure appended to every bot-written message, when the workspace sets one. */
  signature: string | null;
  now: Date;
}

/** The inbound message's activity count and time, written with the turn's contact update. */
export interface ContactTouch {
  activity: number[];
  lastInboundAt: Date;
  /** Set once a turn wrote it. */
  written: boolean;
}

export type RunWrite = Pick<
  typeof runs.$inferInsert,
  'status' | 'snapshot' | 'currentNodeId' | 'awaitsMessage' | 'wakeAt' | 'wakeToken' | 'error'
>;

/**
 * The writes of several turns of one transaction (the sweeper's wake batches), sent as ONE statement
 * at the end, with one counter upsert. A contact must not be written twice in it: flush before a
 * second turn of the same contact.
 */
export class WriteBatch {
  readonly stats = new StatsBuffer();
  private parts: [string, SQLWrapper][] = [];
  private turns = 0;

  add(parts: [string, SQLWrapper][]): void {
    const prefix = `t${this.turns++}_`;
    for (const [name, query] of parts) this.parts.push([prefix + name, query]);
  }

  async flush(tx: Db): Promise<void> {
    if (this.stats.size > 0) this.parts.push(['s', this.stats.upsert()]);
    if (this.parts.length > 0) await tx.execute(sql`with ${ctes(this.parts)} select 1`);
    this.parts = [];
    this.stats.clear();
  }
}

const ctes = (parts: [string, SQLWrapper][]) =>
  sql.join(
    parts.map(([name, query]) => sql`${sql.raw(name)} as (${query.getSQL()})`),
    sql`, `,
  );

/**
 * Persists the turn; returns how many outbox rows it queued (0 for a replay). In a batch, the
 * writes wait for the batch's flush and the count is of rows offered (a replay's are ignored there).
 */
export async function persistTurn(
  tx: Db,
  scope: TurnScope,
  run: RunWrite,
  turn: TurnResult,
  options: { batch?: WriteBatch; touch?: ContactTouch } = {},
): Promise<number> {
  const stats = options.batch?.stats ?? new StatsBuffer();
  const parts: [string, SQLWrapper][] = [
    [
      'r',
      tx
        .update(runs)
        .set({ ...run, updatedAt: scope.now })
        .where(eq(runs.id, scope.runId)),
    ],
  ];
  const messages = outboxRows(scope, turn);
  if (messages.length > 0)
    parts.push(['o', tx.insert(outbox).values(messages).onConflictDoNothing().returning({ id: outbox.id })]);
  parts.push(...visitWrites(tx, scope, turn, stats), ...contactWrites(tx, scope, turn, options.touch));
  if (options.batch) {
    options.batch.add(parts);
    return messages.length;
  }
  if (stats.size > 0) parts.push(['s', stats.upsert()]);
  const queued = messages.length > 0 ? sql`(select count(*) from o)::int` : sql`0`;
  const [row] = rowsOf<{ queued: number }>(
    await tx.execute(sql`with ${ctes(parts)} select ${queued} as queued`),
  );
  return Number(row?.queued ?? 0);
}

function outboxRows(scope: TurnScope, turn: TurnResult): (typeof outbox.$inferInsert)[] {
  return turn.effects.flatMap((effect) =>
    effect.kind === 'send'
      ? [
          {
            workspaceId: scope.workspaceId,
            botAccountId: scope.botAccountId,
            contactId: scope.contactId,
            runId: scope.runId,
            kind: 'message' as const,
            payload: {
              text: scope.signature ? `${effect.text}\n${scope.signature}` : effect.text,
              flowId: scope.flowId,
              nodeId: effect.nodeId,
              author: 'bot' as const,
            },
            idempotencyKey: `${scope.runId}:${effect.nodeId}:${effect.visit}:${effect.part}`,
            notBefore: scope.now,
          },
        ]
      : [],
  );
}

/**
 * Visits entered this turn are inserted with the port they left by (if they did); a visit entered in
 * an earlier turn (the node the run waited at) gets its port by update. Counters go to `stats`.
 */
function visitWrites(tx: Db, scope: TurnScope, turn: TurnResult, stats: StatsBuffer): [string, SQLWrapper][] {
  const entered = new Map<string, typeof nodeVisits.$inferInsert>();
  const earlier: SQL[] = [];
  const bump = (nodeId: string, port: string) => stats.add(scope.flowVersionId, nodeId, port);
  for (const v of turn.visits) {
    const key = `${v.nodeId}\u0000${v.visit}`;
    if (v.kind === 'visit') {
      entered.set(key, { runId: scope.runId, nodeId: v.nodeId, visit: v.visit, enteredAt: scope.now });
      bump(v.nodeId, '');
      continue;
    }
    const mine = entered.get(key);
    if (mine) mine.port = v.port;
    else earlier.push(sql`(${v.nodeId}, ${v.visit}::int, ${v.port})`);
    bump(v.nodeId, v.port);
  }
  const writes: [string, SQLWrapper][] = [];
  if (entered.size > 0)
    writes.push([
      'v',
      tx
        .insert(nodeVisits)
        .values([...entered.values()])
        .onConflictDoNothing(),
    ]);
  if (earlier.length > 0)
    writes.push([
      'vp',
      sql`update node_visits set port = x.port from (values ${sql.join(earlier, sql`, `)}) as x(node_id, visit, port)
        where node_visits.run_id = ${scope.runId} and node_visits.node_id = x.node_id and node_visits.visit = x.visit`,
    ]);
  return writes;
}

/** Attribute and tag effects fold into one contact update (later writes win); goals into one insert. */
function contactWrites(
  tx: Db,
  scope: TurnScope,
  turn: TurnResult,
  touch?: ContactTouch,
): [string, SQLWrapper][] {
  const attributes: Record<string, unknown> = {};
  let tags: SQL | null = null;
  const goalRows: (typeof goals.$inferInsert)[] = [];
  for (const effect of turn.effects) {
    if (effect.kind === 'set_attribute') attributes[effect.key] = effect.value;
    else if (effect.kind === 'tag') {
      tags = sql`array(select distinct t from unnest(${tags ?? contacts.tags} || ${textArray(effect.add)}) t
        where t <> all(${textArray(effect.remove)}) order by t)`;
    } else if (effect.kind === 'goal') {
      goalRows.push({
        workspaceId: scope.workspaceId,
        flowVersionId: scope.flowVersionId,
        runId: scope.runId,
        contactId: scope.contactId,
        name: effect.name,
      });
    }
  }
  const writes: [string, SQLWrapper][] = [];
  const hasAttributes = Object.keys(attributes).length > 0;
  if (hasAttributes || tags || touch) {
    const set = {
      ...(touch ? { activity: touch.activity, lastInboundAt: touch.lastInboundAt } : {}),
      ...(hasAttributes
        ? { attributes: sql`${contacts.attributes} || ${JSON.stringify(attributes)}::jsonb` }
        : {}),
      ...(tags ? { tags } : {}),
    };
    writes.push(['c', tx.update(contacts).set(set).where(eq(contacts.id, scope.contactId))]);
    if (touch) touch.written = true;
  }
  if (goalRows.length > 0) writes.push(['g', tx.insert(goals).values(goalRows).onConflictDoNothing()]);
  return writes;
}
