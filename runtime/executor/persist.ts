// Writes a transaction's turns (DESIGN "Execute one turn") in ONE prepared statement of fixed shape: the runs' new snapshots
// and wakes, their outbox rows (idempotency keys), node visits, experiment members, node_stats(_daily)
// increments, contact attribute/tag/activity writes and goals. Each is a data-modifying CTE over a jsonb array of rows,
// so one turn and fifty share a statement text — one round trip, and no SQL built per turn.
import { sql } from 'drizzle-orm';
import type { runs } from '../../shared/db/schema.ts';
import type { TurnResult } from '../../shared/flow/index.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { type Db, executePrepared, rowsOf } from '../db/client.ts';
import type { OutboxInsert } from '../outbox/writer.ts';
import { EFFECT_TABLE, type EffectTable } from './effects.ts';
import { MemberBuffer } from './experiment-members.ts';
import { StatsBuffer } from './stats-buffer.ts';

export interface TurnScope {
  workspaceId: string;
  botAccountId: string;
  contactId: string;
  flowId: string;
  flowVersionId: string;
  runId: string;
  /** The run's group (started in one, or invited to one): where `send` with `to: 'room'` speaks. */
  roomId: string | null;
  /** Bot disclosure appended to every bot-written message, when the workspace sets one. */
  signature: string | null;
  /**
   * The turn was not the contact's doing (a timer, a campaign's send): its private messages spend
   * the contact's message budget (outbox `initiated`).
   */
  initiated: boolean;
  now: Date;
  /** The workspace's zone: the day `now` falls on in it is the turn's day in node_stats_daily. */
  timeZone: string;
  /** The version's splits and sends with variants (`experimentNodesOf`): their first visits make members. */
  experiments?: ReadonlySet<string>;
}

/** The inbound message's activity count and time, written with the turn's contact update. */
export interface ContactTouch {
  activity: number[];
  /** Null for a group message: it counts the hour, but it is not talking with us. */
  lastInboundAt: Date | null;
  /** Set once a turn wrote it. */
  written: boolean;
}

export type RunWrite = Pick<
  typeof runs.$inferInsert,
  | 'status'
  | 'snapshot'
  | 'currentNodeId'
  | 'awaitsMessage'
  | 'awaitsRoomJoin'
  | 'roomId'
  | 'wakeAt'
  | 'wakeToken'
  | 'error'
>;

/** A contact's writes: attributes merge, tags add then remove, activity and last inbound replace. */
interface ContactWrite {
  id: string;
  attributes: Record<string, unknown> | null;
  add: Set<string> | null;
  remove: Set<string>;
  activity: number[] | null;
  lastInboundAt: Date | null;
}

type Row = Record<string, unknown>;

/**
 * The writes of one or more turns of one transaction, sent as ONE statement at the end. Turns of
 * different runs and contacts add up; a contact written twice has its writes folded together, but a
 * turn that must SEE an earlier turn's writes (a contact's second run) needs a flush in between.
 */
export class WriteBatch {
  readonly stats = new StatsBuffer();
  readonly members = new MemberBuffer();

  /** How each effect a turn records is written (effects.ts); tests may pass a table of their own. */
  constructor(private readonly effects: EffectTable = EFFECT_TABLE) {}

  private runs = new Map<string, Row>();
  private outbox: Row[] = [];
  private visits: Row[] = [];
  private ports: Row[] = [];
  private contacts = new Map<string, ContactWrite>();
  private goals: Row[] = [];
  /** Each run's last visit step and its time (`step`); kept across flushes. */
  private steps = new Map<string, { at: number; step: number }>();

  /** Adds a turn; returns how many outbox rows it offers (a replay's are ignored at flush). */
  add(scope: TurnScope, run: RunWrite, turn: TurnResult, touch?: ContactTouch): number {
    this.runs.set(scope.runId, {
      id: scope.runId,
      status: run.status,
      snapshot: run.snapshot ?? null,
      current_node_id: run.currentNodeId ?? null,
      awaits_message: run.awaitsMessage ?? false,
      awaits_room_join: run.awaitsRoomJoin ?? false,
      room_id: run.roomId ?? null,
      wake_at: run.wakeAt ? run.wakeAt.toISOString() : null,
      wake_token: run.wakeToken ?? null,
      error: run.error ?? null,
      updated_at: scope.now.toISOString(),
    });
    const before = this.outbox.length;
    for (const effect of turn.effects) this.effects[effect.kind]?.(this, scope, effect as never);
    this.addVisits(scope, turn);
    this.members.add(scope, turn);
    if (touch) this.touch(scope.contactId, touch);
    return this.outbox.length - before;
  }

  /** The inbound message's activity count, when no turn of this contact writes it. */
  touch(contactId: string, touch: ContactTouch): void {
    const write = this.contact(contactId);
    write.activity = touch.activity;
    write.lastInboundAt = touch.lastInboundAt ?? write.lastInboundAt;
    touch.written = true;
  }

  /** Sends the writes; returns how many outbox rows were inserted. */
  async flush(tx: Db): Promise<number> {
    if (this.runs.size === 0 && this.contacts.size === 0 && this.stats.size === 0) return 0;
    const json = (rows: unknown[]) => JSON.stringify(rows);
    const contacts = [...this.contacts.values()].map((c) => ({
      id: c.id,
      attributes: c.attributes,
      tag_add: c.add ? [...c.add] : null,
      tag_remove: [...c.remove],
      activity: c.activity,
      last_inbound_at: c.lastInboundAt?.toISOString() ?? null,
    }));
    const [row] = rowsOf<{ queued: number }>(
      await executePrepared(
        tx,
        'wefunnel_turn_writes',
        sql`
        with
        r as (
          update runs set status = x.status, snapshot = x.snapshot, current_node_id = x.current_node_id,
            awaits_message = x.awaits_message, awaits_room_join = x.awaits_room_join, room_id = x.room_id,
            wake_at = x.wake_at, wake_token = x.wake_token, error = x.error, updated_at = x.updated_at
          from jsonb_to_recordset(${json([...this.runs.values()])}::jsonb) as x(id uuid, status text,
            snapshot jsonb, current_node_id text, awaits_message boolean, awaits_room_join boolean,
            room_id uuid, wake_at timestamptz, wake_token text, error text, updated_at timestamptz)
          where runs.id = x.id
        ),
        o as (
          insert into outbox (workspace_id, bot_account_id, contact_id, run_id, kind, payload, idempotency_key, not_before, initiated)
          select x.workspace_id, x.bot_account_id, x.contact_id, x.run_id, x.kind, x.payload, x.idempotency_key, x.not_before,
            coalesce(x.initiated, false)
          from jsonb_to_recordset(${json(this.outbox)}::jsonb) as x(workspace_id uuid, bot_account_id uuid,
            contact_id uuid, run_id uuid, kind text, payload jsonb, idempotency_key text, not_before timestamptz, i int,
            initiated boolean)
          order by x.i
          on conflict do nothing
          returning id
        ),
        v as (
          insert into node_visits (run_id, node_id, visit, step, port, variant, entered_at)
          select x.run_id, x.node_id, x.visit, x.step, x.port, x.variant, x.entered_at
          from jsonb_to_recordset(${json(this.visits)}::jsonb) as x(run_id uuid, node_id text, visit int,
            step smallint, port text, variant smallint, entered_at timestamptz)
          on conflict do nothing
        ),
        vp as (
          update node_visits set port = x.port
          from jsonb_to_recordset(${json(this.ports)}::jsonb) as x(run_id uuid, node_id text, visit int, port text)
          where node_visits.run_id = x.run_id and node_visits.node_id = x.node_id and node_visits.visit = x.visit
        ),
        xc as (
          select * from jsonb_to_recordset(${json(contacts)}::jsonb) as x(id uuid, attributes jsonb,
            tag_add text[], tag_remove text[], activity int[], last_inbound_at timestamptz)
        ),
        c as (
          update contacts set
            attributes = case when x.attributes is null then contacts.attributes
                              else contacts.attributes || x.attributes end,
            tags = case when x.tag_add is null then contacts.tags
                        else array(select distinct t from unnest(contacts.tags || x.tag_add) t
                                   where t <> all(x.tag_remove) order by t) end,
            last_inbound_at = coalesce(x.last_inbound_at, contacts.last_inbound_at)
          from xc as x
          where contacts.id = x.id
        ),
        ca as (
          insert into contact_activity (contact_id, counts)
          select x.id, x.activity from xc as x
          where x.activity is not null
          on conflict (contact_id) do update set counts = excluded.counts
        ),
        g as (
          insert into goals (workspace_id, flow_version_id, run_id, contact_id, name, created_at)
          select x.workspace_id, x.flow_version_id, x.run_id, x.contact_id, x.name, x.created_at
          from jsonb_to_recordset(${json(this.goals)}::jsonb) as x(workspace_id uuid, flow_version_id uuid,
            run_id uuid, contact_id uuid, name text, created_at timestamptz)
          on conflict do nothing
        ),
        ${this.members.insert()},
        ${this.stats.upserts()}
        select (select count(*) from o)::int as queued`,
      ),
    );
    this.runs.clear();
    this.outbox = [];
    this.visits = [];
    this.ports = [];
    this.contacts.clear();
    this.goals = [];
    this.stats.clear();
    this.members.clear();
    return Number(row?.queued ?? 0);
  }

  /**
   * Visits entered this turn are inserted with the port they left by (if they did); a visit entered in
   * an earlier turn (the node the run waited at) gets its port by update. Counters go to `stats`.
   */
  private addVisits(scope: TurnScope, turn: TurnResult): void {
    const entered = new Map<string, Row>();
    const variants = new Map<string, number>();
    const day = localDay(scope.now.getTime(), scope.timeZone);
    for (const e of turn.effects)
      if (e.kind === 'send') variants.set(`${e.nodeId}\u0000${e.visit}`, e.variant);
    for (const v of turn.visits) {
      const key = `${v.nodeId}\u0000${v.visit}`;
      if (v.kind === 'visit') {
        const row = {
          run_id: scope.runId,
          node_id: v.nodeId,
          visit: v.visit,
          step: this.step(scope),
          port: null as string | null,
          variant: variants.get(key) ?? null,
          entered_at: scope.now.toISOString(),
        };
        entered.set(key, row);
        this.visits.push(row);
        this.stats.add(scope.flowVersionId, v.nodeId, '', day);
        continue;
      }
      const mine = entered.get(key);
      if (mine) mine.port = v.port;
      else this.ports.push({ run_id: scope.runId, node_id: v.nodeId, visit: v.visit, port: v.port });
      this.stats.add(scope.flowVersionId, v.nodeId, v.port, day);
    }
  }

  /**
   * The next visit's place among its run's visits entered at the turn's time, across this batch's
   * flushes (a run's turns of one transaction may share a time): the inbox orders them by it.
   */
  private step(scope: TurnScope): number {
    const at = scope.now.getTime();
    const last = this.steps.get(scope.runId);
    const step = last && last.at === at ? Math.min(last.step + 1, 32_767) : 0;
    this.steps.set(scope.runId, { at, step });
    return step;
  }

  /** Queues an outbox row (built by the outbox writer) with this transaction's turn writes. */
  queue(row: OutboxInsert): void {
    this.outbox.push({
      i: this.outbox.length,
      workspace_id: row.workspaceId,
      bot_account_id: row.botAccountId,
      contact_id: row.contactId ?? null,
      run_id: row.runId ?? null,
      kind: row.kind,
      payload: row.payload,
      idempotency_key: row.idempotencyKey,
      not_before: (row.notBefore as Date).toISOString(),
      initiated: row.initiated ?? false,
    });
  }

  /** Attribute writes fold into the contact's write (later writes win). */
  setAttribute(contactId: string, key: string, value: unknown): void {
    const write = this.contact(contactId);
    write.attributes = { ...write.attributes, [key]: value };
  }

  /** Tag changes fold into the contact's write: added then removed, the later change of a tag wins. */
  changeTags(contactId: string, add: string[], remove: string[]): void {
    const write = this.contact(contactId);
    write.add ??= new Set();
    for (const t of add) {
      write.add.add(t);
      write.remove.delete(t);
    }
    for (const t of remove) {
      write.remove.add(t);
      write.add.delete(t);
    }
  }

  goal(scope: TurnScope, name: string): void {
    this.goals.push({
      workspace_id: scope.workspaceId,
      flow_version_id: scope.flowVersionId,
      run_id: scope.runId,
      contact_id: scope.contactId,
      name,
      // On the account's clock, like the run's own times (a sandbox runs ahead).
      created_at: scope.now.toISOString(),
    });
  }

  private contact(id: string): ContactWrite {
    let write = this.contacts.get(id);
    if (!write) {
      write = { id, attributes: null, add: null, remove: new Set(), activity: null, lastInboundAt: null };
      this.contacts.set(id, write);
    }
    return write;
  }
}
