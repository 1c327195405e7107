// Executes one turn of one run inside the caller's transaction (DESIGN "Execute one turn"): on the run
// row the caller locked, restore its XState snapshot, send the event, settle, then add the snapshot,
// wake, effects and stats to the transaction's write batch.
import { eq, sql } from 'drizzle-orm';
import { contacts, runs } from '../../shared/db/schema.ts';
import { driveTurn, type FlowEvent, type PersistedRun, type TurnResult } from '../../shared/flow/index.ts';
import type { Db } from '../db/client.ts';
import { activityOf, type TurnContact } from '../db/contact-row.ts';
import { machineFor } from '../machines.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { experimentNodesOf } from './experiment-members.ts';
import { factNeeds, factsFor } from './facts.ts';
import type { ContactTouch, TurnScope, WriteBatch } from './persist.ts';
import { resolveRequest } from './requests.ts';

type RunRow = typeof runs.$inferSelect;

export interface TurnOutcome {
  workspaceId: string;
  runId: string;
  flowId: string;
  flowVersionId: string;
  status: TurnResult['status'];
  /** Outbox rows this turn offered (a replay's are dropped by their idempotency keys at the write). */
  queued: number;
  /** Conversations of the inbox the turn opened or changed (a `handoff` node): announce them after commit. */
  conversations?: string[];
}

/**
 * `run` is locked by the caller (or just opened with `openRuns`). Null when there is nothing to do:
 * a finished run or a stale timer.
 */
const bestHourWaits = new WeakMap<object, boolean>();

/** Whether the version has a wait for the contact's best hour, the one reader of its activity counts. */
function readsActivity(machine: object): boolean {
  let known = bestHourWaits.get(machine);
  if (known === undefined) {
    known = JSON.stringify((machine as { config?: unknown }).config ?? machine).includes('"bestTime":true');
    bestHourWaits.set(machine, known);
  }
  return known;
}

export async function executeTurn(
  tx: Db,
  run: RunRow,
  event: FlowEvent,
  now: Date,
  options: {
    /** The transaction's batch of turn writes, sent in one statement at its end. */
    batch: WriteBatch;
    /** The contact row, when the caller holds it locked and current (saves a read). */
    contact?: TurnContact;
    /** The inbound message's activity count, written with the turn's contact update. */
    touch?: ContactTouch;
  },
): Promise<TurnOutcome | null> {
  const known = options.contact;
  if (run.status !== 'active' && run.status !== 'waiting') return null;
  if (event.type === 'TIMER' && event.token !== run.wakeToken) return null;
  // A campaign inserts its runs unstarted, waiting at the trigger until their send time: the first
  // timer starts them there.
  const started: FlowEvent =
    event.type === 'TIMER' && run.snapshot == null && run.currentNodeId
      ? { type: 'START', entry: run.currentNodeId }
      : event;

  const machine = await machineFor(tx, run.flowVersionId);
  const contact: TurnContact | undefined =
    known?.id === run.contactId
      ? known
      : (await tx.select().from(contacts).where(eq(contacts.id, run.contactId)))[0];
  const workspace = await workspaceSettings(tx, run.workspaceId);
  if (!machine || !contact || !workspace) return null;

  const scope: TurnScope = {
    workspaceId: run.workspaceId,
    botAccountId: contact.botAccountId,
    contactId: contact.id,
    flowId: run.flowId,
    flowVersionId: run.flowVersionId,
    runId: run.id,
    roomId: run.roomId,
    signature: workspace.botSignature,
    initiated: event.type === 'TIMER',
    now,
    timeZone: workspace.timeZone,
    experiments: experimentNodesOf(machine),
  };
  const needs = factNeeds(machine);
  const facts = needs ? await factsFor(tx, contact.id, workspace, now, needs) : undefined;
  const conversations: string[] = [];
  let turn: TurnResult;
  try {
    turn = await driveTurn(machine, run.snapshot as PersistedRun | null, started, {
      now: now.getTime(),
      timeZone: workspace.timeZone,
      // Read only by a wait for the contact's best hour; the router holds them, a timer reads them then.
      ...(contact.activity
        ? { activity: contact.activity }
        : readsActivity(machine)
          ? { activity: await activityOf(tx, contact.id) }
          : {}),
      input: {
        contact: { id: contact.id, name: contact.name, alias: contact.alias ?? '' },
        attributes: contact.attributes as Record<string, string | number | boolean>,
        tags: contact.tags,
        roomId: run.roomId,
      },
      ...(facts ? { facts } : {}),
      resolve: (request, snapshot) =>
        resolveRequest(
          {
            tx,
            workspaceId: run.workspaceId,
            botAccountId: contact.botAccountId,
            contactId: contact.id,
            runId: run.id,
            flowId: run.flowId,
            now,
            run: snapshot,
            touched: (id) => conversations.push(id),
            // An invite makes the group the run's room: where it waits for the join, where it speaks.
            setRoom: (roomId) => {
              scope.roomId = roomId;
            },
          },
          request,
        ),
    });
  } catch (err) {
    await tx
      .update(runs)
      .set({ status: 'failed', error: String(err).slice(0, 500), wakeAt: null, updatedAt: now })
      .where(eq(runs.id, run.id));
    return outcome(run, 'failed', 0);
  }

  const timer = turn.wait?.timer ?? null;
  const queued = options.batch.add(
    scope,
    {
      status: runStatus(turn.status),
      snapshot: turn.snapshot,
      currentNodeId: turn.currentNodeId,
      awaitsMessage: turn.wait?.message ?? false,
      awaitsRoomJoin: turn.wait?.roomJoin ?? false,
      roomId: turn.roomId ?? scope.roomId,
      wakeAt: timer ? new Date(timer.wakeAt) : null,
      wakeToken: timer?.token ?? null,
      error:
        turn.status === 'failed' || turn.status === 'idle'
          ? String(turn.error ?? 'the run did not start')
          : null,
    },
    turn,
    options.touch,
  );
  return outcome(run, turn.status, queued, conversations);
}

const runStatus = (status: TurnResult['status']): RunRow['status'] =>
  status === 'waiting' || status === 'completed' || status === 'exited' ? status : 'failed';

const outcome = (
  run: RunRow,
  status: TurnResult['status'],
  queued: number,
  conversations: string[] = [],
): TurnOutcome => ({
  workspaceId: run.workspaceId,
  runId: run.id,
  flowId: run.flowId,
  flowVersionId: run.flowVersionId,
  status,
  queued,
  ...(conversations.length > 0 ? { conversations } : {}),
});

export interface RunToOpen {
  workspaceId: string;
  flowId: string;
  flowVersionId: string;
  contactId: string;
  /** The group the run starts in, if any. */
  roomId?: string | null;
}

/**
 * Opens runs in one statement; answers each one's row, or undefined where the contact already has
 * an open run of that flow (a concurrent start loses quietly on the partial unique index).
 */
export async function openRuns(tx: Db, opens: RunToOpen[], now: Date): Promise<(RunRow | undefined)[]> {
  if (opens.length === 0) return [];
  const rows = await tx
    .insert(runs)
    .values(opens.map((o) => ({ ...o, status: 'active' as const, startedAt: now, updatedAt: now })))
    .onConflictDoNothing({
      target: [runs.contactId, runs.flowId],
      where: sql`status in ('active', 'waiting')`,
    })
    .returning();
  const byKey = new Map(rows.map((r) => [`${r.contactId}:${r.flowId}`, r]));
  return opens.map((o) => byKey.get(`${o.contactId}:${o.flowId}`));
}
