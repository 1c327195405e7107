// Lurker cleanup: removing members goes out through the outbox as `room_remove` rows, one per member,
// paced by the account's removal budget — and only where the bot owns or manages the group, since
// WeChat lets nobody else remove anyone.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Bus } from '../../runtime/bus.ts';
import type { Db } from '../../runtime/db/client.ts';
import { actionRow, queueOutbox } from '../../runtime/outbox/writer.ts';
import { contacts, roomMembers } from '../../shared/db/schema.ts';
import { HttpError } from '../errors.ts';
import type { RoomRow } from './rooms.ts';
import { roomClock } from './seats.ts';

/** Queues the removal of these members (those still in the group, never its owner); answers how many. */
export async function queueCleanup(db: Db, bus: Bus, room: RoomRow, contactIds: string[]) {
  if (!room.botIsAdmin)
    throw new HttpError(
      'room_not_managed',
      'The bot neither owns nor manages this group, so it cannot remove members',
      { topic: room.topic },
    );
  const present = await db
    .select({ contactId: roomMembers.contactId, puppetId: contacts.puppetId })
    .from(roomMembers)
    .innerJoin(contacts, eq(contacts.id, roomMembers.contactId))
    .where(
      and(
        eq(roomMembers.roomId, room.id),
        isNull(roomMembers.leftAt),
        inArray(roomMembers.contactId, [...new Set(contactIds)]),
      ),
    );
  const notBefore = roomClock(room);
  const rows = present
    .filter((m) => m.puppetId !== room.ownerPuppetId)
    .map((m) =>
      actionRow(
        'room_remove',
        {
          workspaceId: room.workspaceId,
          botAccountId: room.botAccountId,
          contactId: m.contactId,
          payload: { roomId: room.id, reason: 'cleanup' },
          notBefore,
        },
        { roomId: room.id, contactId: m.contactId },
      ),
    );
  const queued = await queueOutbox(db, rows);
  if (queued > 0) bus.publish({ kind: 'outbox', botAccountId: room.botAccountId });
  return { queued };
}
