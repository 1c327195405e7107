// Who gets a conversation: a named member who takes conversations, nobody, or the round robin — among
// the members who take conversations and were seen within ONLINE_MS, the one with the fewest open
// conversations, then the one assigned least recently; nobody online: unassigned.
import { and, eq, sql } from 'drizzle-orm';
import { ONLINE_MS } from '../../shared/api/conversations.ts';
import { conversationCycles, conversations, members } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { addEvent, ConversationError, type ConversationRow, personOf } from './rows.ts';

export type AssignPolicy = 'round_robin' | 'unassigned' | { userId: string };

/** The user a policy names now; throws `not_assignable` for a user who does not take conversations here. */
export async function assigneeFor(
  tx: Db,
  workspaceId: string,
  policy: AssignPolicy,
  at: Date,
): Promise<string | null> {
  if (policy === 'unassigned') return null;
  if (policy === 'round_robin') return nextAgentOnline(tx, workspaceId, at);
  const [member] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(
      and(eq(members.workspaceId, workspaceId), eq(members.userId, policy.userId), eq(members.agent, true)),
    );
  if (!member) throw new ConversationError('not_assignable');
  return member.userId;
}

export async function nextAgentOnline(tx: Db, workspaceId: string, at: Date): Promise<string | null> {
  const since = new Date(at.getTime() - ONLINE_MS);
  const [next] = rowsOf<{ user_id: string }>(
    await tx.execute(sql`
      select m.user_id from members m
      where m.workspace_id = ${workspaceId} and m.agent and m.last_seen_at >= ${since}
      order by
        (select count(*) from conversations c
         where c.workspace_id = ${workspaceId} and c.assignee_id = m.user_id and c.status = 'open'),
        (select max(e.at) from conversation_events e
         where e.workspace_id = ${workspaceId} and e.kind = 'assigned'
           and e.params->'to'->>'id' = m.user_id::text) asc nulls first,
        m.user_id
      limit 1`),
  );
  return next?.user_id ?? null;
}

/** Gives the conversation (and its running cycle) to `userId`, or to nobody; an `assigned` event says so. */
export async function assignRow(
  tx: Db,
  row: ConversationRow,
  userId: string | null,
  actorId: string | null | undefined,
  at: Date,
): Promise<void> {
  if (row.assigneeId === userId) return;
  await tx.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, row.id));
  if (row.cycleId !== null)
    await tx
      .update(conversationCycles)
      .set({ assigneeId: userId })
      .where(eq(conversationCycles.id, row.cycleId));
  await addEvent(tx, row, 'assigned', actorId, at, { to: await personOf(tx, userId) });
  row.assigneeId = userId;
}
