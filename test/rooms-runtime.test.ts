// Group events through the router (DESIGN "Groups"): a group's member list after login, joins by
// invite and by QR scan, leaves, and group messages keep `rooms` / `room_members` true — member
// counts, ways in, inviters, last messages and per-day counts — in the event's own transaction.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { handleInbound } from '../runtime/router/inbound.ts';
import { roomMemberDays, roomMembers, rooms } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { seedWorkspace } from './support/runtime.ts';

describeDb('group events', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  const t0 = new Date('2026-12-01T02:00:00Z');
  const room = { id: 'room-1', topic: '上海宝妈群', ownerPuppetId: 'bot', botIsAdmin: true };
  const who = (id: string) => ({ puppetId: id, name: id });
  const send = (event: Parameters<typeof handleInbound>[2], at = t0) =>
    handleInbound(handle().db, account, event, at);
  const roomRow = async () =>
    (await handle().db.select().from(rooms).where(eq(rooms.puppetRoomId, room.id)))[0]!;
  const members = async () =>
    handle()
      .db.select()
      .from(roomMembers)
      .where(eq(roomMembers.roomId, (await roomRow()).id));

  beforeAll(async () => {
    ({ account } = await seedWorkspace(handle().db));
  });

  it('takes a group as it is after login, then joins, leaves and a new member list', async () => {
    await send({ kind: 'room_sync', room, members: [who('a'), who('b')], at: t0 });
    expect(await roomRow()).toMatchObject({ topic: '上海宝妈群', memberCount: 2, botIsAdmin: true });
    await send({ kind: 'room_join', room, contacts: [who('c')], inviter: who('a'), at: t0 });
    await send({ kind: 'room_join', room, contacts: [who('d')], inviter: null, at: t0 });
    const byName = async () =>
      Object.fromEntries((await members()).map((m) => [m.contactId, m])) as Record<
        string,
        typeof roomMembers.$inferSelect
      >;
    expect((await roomRow()).memberCount).toBe(4);
    const rows = await members();
    expect(rows.map((m) => m.via).sort()).toEqual(['invite', 'qr', 'sync', 'sync']);
    expect(rows.find((m) => m.via === 'invite')!.inviterContactId).not.toBeNull();
    await send({ kind: 'room_leave', room, contacts: [who('b')], remover: null, at: t0 });
    expect((await roomRow()).memberCount).toBe(3);
    expect(Object.values(await byName()).filter((m) => m.leftAt !== null)).toHaveLength(1);
    // After a restart the list says who is there now: c left meanwhile, b is back.
    await send({ kind: 'room_sync', room, members: [who('a'), who('b'), who('d')], at: t0 });
    expect((await roomRow()).memberCount).toBe(3);
    expect((await members()).filter((m) => m.leftAt === null)).toHaveLength(3);
    await send({ kind: 'room_topic', room: { ...room, topic: '上海宝妈群 2' }, at: t0 });
    expect((await roomRow()).topic).toBe('上海宝妈群 2');
  });

  it('counts each member’s group messages by day, and makes a speaker we never saw join a member', async () => {
    let n = 0;
    const say = (id: string, at: Date) =>
      send(
        { kind: 'message', messageId: `m${++n}`, contact: who(id), room, text: '大家好', self: false, at },
        at,
      );
    await say('a', t0);
    await say('a', new Date(t0.getTime() + 60_000));
    await say('e', t0);
    const a = (await members()).find((m) => m.messageCount === 2)!;
    expect(a.lastMessageAt!.getTime()).toBe(t0.getTime() + 60_000);
    const days = await handle()
      .db.select()
      .from(roomMemberDays)
      .where(and(eq(roomMemberDays.roomId, (await roomRow()).id), eq(roomMemberDays.contactId, a.contactId)));
    expect(days).toEqual([expect.objectContaining({ day: '2026-12-01', count: 2 })]);
    expect((await roomRow()).memberCount).toBe(4);
  });
});
