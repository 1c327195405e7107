// `invite_room`'s request (DESIGN "Groups"): pick the least-full open group of the set, on the
// contact's own account, below its capacity — members plus invites still pending count as taken
// seats — then hold a seat for the contact (a pending invite) and queue the invite in the outbox
// (paced as room invites). No group with a seat: the node leaves by `full`.
import { sql } from 'drizzle-orm';
import type { ResultEvent } from '../../shared/flow/index.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { actionRow, queueOutbox } from '../outbox/writer.ts';
import type { RequestContext } from './requests.ts';

/** How long a pending invite holds its seat when the node does not say. */
const DEFAULT_HOLD_MS = 86_400_000;

export async function inviteToRoom(
  ctx: RequestContext,
  params: { roomSet?: unknown; holdMs?: unknown },
): Promise<ResultEvent> {
  const setName = String(params.roomSet ?? '');
  const holdMs = typeof params.holdMs === 'number' && params.holdMs > 0 ? params.holdMs : DEFAULT_HOLD_MS;
  const room = await pickRoom(ctx.tx, ctx, setName);
  if (!room) return { type: 'RESULT', ok: false };
  const [invite] = rowsOf<{ id: string }>(
    await ctx.tx.execute(sql`
      insert into room_invites (workspace_id, room_id, contact_id, run_id, status, created_at, expires_at)
      values (${ctx.workspaceId}, ${room.id}, ${ctx.contactId}, ${ctx.runId}, 'pending', ${ctx.now},
              ${new Date(ctx.now.getTime() + holdMs)})
      returning id`),
  );
  await queueOutbox(ctx.tx, [
    actionRow(
      'room_invite',
      {
        workspaceId: ctx.workspaceId,
        botAccountId: ctx.botAccountId,
        contactId: ctx.contactId,
        runId: ctx.runId,
        payload: { roomId: room.id, inviteId: invite!.id },
        notBefore: ctx.now,
      },
      { inviteId: invite!.id },
    ),
  ]);
  ctx.setRoom(room.id);
  return { type: 'RESULT', ok: true, value: { roomId: room.id } };
}

/**
 * The open group of the set with the most seats left (ties: the oldest), locked so two turns
 * cannot both take its last seat. Expired invites free their seat.
 */
async function pickRoom(tx: Db, ctx: RequestContext, setName: string): Promise<{ id: string } | null> {
  const [room] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select r.id from rooms r join room_sets s on s.id = r.room_set_id
      where r.workspace_id = ${ctx.workspaceId} and r.bot_account_id = ${ctx.botAccountId}
        and s.name = ${setName} and r.open
        and r.member_count + (select count(*) from room_invites i
              where i.room_id = r.id and i.status = 'pending' and i.expires_at > ${ctx.now})
            < coalesce(r.capacity, s.capacity)
      order by r.member_count + (select count(*) from room_invites i
              where i.room_id = r.id and i.status = 'pending' and i.expires_at > ${ctx.now}) asc,
        r.created_at asc, r.id asc
      limit 1
      for update of r`),
  );
  return room ?? null;
}
