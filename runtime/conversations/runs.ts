// The run a `handoff` node keeps waiting (`conversations.handoff_run_id`): told when the conversation
// closes (RESOLVED: it leaves by `resolved`) or a human answers (AGENT_REPLIED: no timeout any more),
// through the executor like any other event; and, when its timeout passed unanswered, the bot gets
// the contact back (`handoff_release`).
import { and, eq } from 'drizzle-orm';
import { conversations, runs } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import { executeTurn, type TurnOutcome } from '../executor/execute.ts';
import { WriteBatch } from '../executor/persist.ts';
import { addEvent, setBotPaused } from './rows.ts';

/** Delivers the event to the waiting run `runId` in the caller's transaction; its turn, if it took one. */
export async function tellHandoffRun(
  tx: Db,
  runId: string,
  event: { type: 'RESOLVED' } | { type: 'AGENT_REPLIED' },
  at: Date,
): Promise<TurnOutcome | null> {
  const [run] = await tx
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.status, 'waiting')))
    .for('update');
  if (!run) return null;
  const batch = new WriteBatch();
  const turn = await executeTurn(tx, run, event, at, { batch });
  await batch.flush(tx);
  return turn;
}

/**
 * The run left its `handoff` by timeout: if the contact's conversation still waits on that run, the
 * bot takes the contact back (the conversation stays open for the agents). The conversation id, if so.
 */
export async function releaseHandoffRun(
  tx: Db,
  contactId: string,
  runId: string,
  at: Date,
): Promise<string | null> {
  const [row] = await tx
    .update(conversations)
    .set({ handoffRunId: null })
    .where(and(eq(conversations.contactId, contactId), eq(conversations.handoffRunId, runId)))
    .returning();
  if (!row) return null;
  if (await setBotPaused(tx, contactId, false))
    await addEvent(tx, row, 'bot_resumed', null, at, { reason: 'handoff_timeout' });
  return row.id;
}
