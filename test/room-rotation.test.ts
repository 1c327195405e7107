// `invite_room` rotation in the sandbox (DESIGN "Groups"): a room set of 3 groups with capacity 2 —
// each friend is invited into the least-full open group (pending invites hold their seat), the set
// fills, the next friend leaves by `full`, and a member leaving frees a seat for the one after.
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { roomMembers, roomSets, rooms } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';

describeDb('group rotation', (db) => {
  let app: App;
  let owner: Session;
  let workspaceId: string;
  const roomIds: string[] = [];
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    workspaceId = started.workspaceId!;
    owner = await login(app);
    const [set] = await db()
      .db.insert(roomSets)
      .values({ workspaceId, name: 'VIP', capacity: 2 })
      .returning();
    for (const topic of ['VIP 1 群', 'VIP 2 群', 'VIP 3 群']) {
      const { id } = await post('/api/sandbox/rooms', { topic });
      await db().db.update(rooms).set({ roomSetId: set!.id }).where(eq(rooms.id, id));
      roomIds.push(id);
    }
    await publishGraph(db().db, workspaceId, 'Invite', {
      nodes: [
        { id: 'hi', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
        { id: 'invite', type: 'invite_room', position: { x: 0, y: 100 }, data: { roomSet: 'VIP' } },
        { id: 'in', type: 'send', position: { x: 0, y: 200 }, data: { text: '已进群' } },
        { id: 'full', type: 'send', position: { x: 300, y: 200 }, data: { text: '群满了，稍后再邀请你' } },
      ],
      edges: [
        { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'invite' },
        { id: 'e2', source: 'invite', sourceHandle: 'joined', target: 'in' },
        { id: 'e3', source: 'invite', sourceHandle: 'full', target: 'full' },
      ],
    });
  });
  afterAll(() => app?.close());

  async function post(url: string, payload: object) {
    const res = await app.inject({ method: 'POST', url, payload, headers: owner.headers });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }
  /** A new friend: the friend-request flow invites them, and (a small group adds at once) they join. */
  async function befriend(name: string): Promise<{ id: string; said: string[] }> {
    const contact = await post('/api/sandbox/contacts', { name });
    const { replies } = await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '' });
    return { id: contact.id, said: replies.map((r: { text: string }) => r.text) };
  }
  const sizes = async () => {
    const members = await db()
      .db.select({ roomId: roomMembers.roomId })
      .from(roomMembers)
      .where(isNull(roomMembers.leftAt));
    return roomIds.map((id) => members.filter((m) => m.roomId === id).length);
  };

  it('fills the set group by group, answers full, and gives a freed seat to the next friend', async () => {
    const joined = [];
    for (let i = 0; i < 6; i++) joined.push(await befriend(`客户${i}`));
    for (const friend of joined) expect(friend.said).toEqual(['已进群']);
    expect(await sizes()).toEqual([2, 2, 2]);

    expect((await befriend('客户6')).said).toEqual(['群满了，稍后再邀请你']);

    const [leaver] = await db()
      .db.select()
      .from(roomMembers)
      .where(and(eq(roomMembers.roomId, roomIds[1]!), eq(roomMembers.contactId, joined[1]!.id)));
    expect(leaver).toBeDefined();
    await post(`/api/sandbox/rooms/${roomIds[1]}/leave`, { contactId: joined[1]!.id });
    expect(await sizes()).toEqual([2, 1, 2]);
    expect((await befriend('客户7')).said).toEqual(['已进群']);
    expect(await sizes()).toEqual([2, 2, 2]);
  });
});
