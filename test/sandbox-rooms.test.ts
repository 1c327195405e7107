// The sandbox's groups end to end through the HTTP API (API.md "Groups", Sandbox): the sandbox bot
// creates a group, a contact joins by QR code and is welcomed there with an @, a member's group
// keyword is answered in the group only when the bot is @-mentioned, members leave; and an invite
// into a group above 40 members waits until the contact accepts it — on every database driver.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../runtime/runtime.ts';
import type { App } from '../server/app.ts';
import { contacts, messages, rooms } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { memberAs } from './support/rooms.ts';
import { addWorkspace } from './support/tenants.ts';

type Reply = { text: string; roomId: string | null; nodeId: string | null };

describeDb('sandbox groups API', (db) => {
  let app: App;
  let runtime: Runtime;
  let owner: Session;
  beforeAll(async () => {
    const built = await testApp(db(), { runtime: true });
    app = built.app;
    runtime = built.runtime!;
    owner = await login(app);
    // Welcome in the group with an @ on any join; answer 优惠 in a group when the bot is @-mentioned;
    // accept friends and invite them into the VIP room set, then thank them in private once in.
    await publish('Group welcome', [
      node('join', 'trigger.room_join', {}),
      node('welcome', 'send', { text: '欢迎 {{contact.name}} 入群！', to: 'room', mention: true }),
    ]);
    await publish('Group keyword', [
      node('kw', 'trigger.keyword', { keywords: ['优惠'], scope: 'room', mentionOnly: true }),
      node('deal', 'send', { text: '本周优惠：满 100 减 20', to: 'room', mention: true }),
    ]);
    await publish('Invite friends', [
      node('hello', 'trigger.friend_request', {}),
      node('invite', 'invite_room', { roomSet: 'VIP', text: '', timeout: 'P1D' }),
      node('thanks', 'send', { text: '进群啦，谢谢！' }),
    ]);
  });
  afterAll(() => app?.close());

  const node = (id: string, type: string, data: object) => ({ id, type, position: { x: 0, y: 0 }, data });
  /** A flow whose cards follow each other (`next`, and `joined` after an invite). */
  async function publish(name: string, nodes: ReturnType<typeof node>[]) {
    const edges = nodes.slice(1).map((n, i) => ({
      id: `e${i}`,
      source: nodes[i]!.id,
      sourceHandle: nodes[i]!.type === 'invite_room' ? 'joined' : 'next',
      target: n.id,
    }));
    const { id } = await post('/api/flows', { name, graph: { nodes, edges } });
    await post(`/api/flows/${id}/publish`, {});
  }

  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = owner) {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: as.cookie } : as.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  }
  async function post(url: string, payload: object) {
    const res = await call('POST', url, payload);
    if (res.status >= 300) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const contact = async (name: string): Promise<string> => (await post('/api/sandbox/contacts', { name })).id;
  const roomRow = async (id: string) => (await db().db.select().from(rooms).where(eq(rooms.id, id)))[0]!;
  const said = (body: { replies: Reply[] }) => body.replies.map((r) => [r.text, r.roomId]);
  const puppetOf = async (id: string) =>
    (await db().db.select().from(contacts).where(eq(contacts.id, id)))[0]!.puppetId;
  /** What the bot did in the group, as the simulated WeChat's members saw it. */
  const groupSaw = async (id: string) => {
    const room = await roomRow(id);
    return runtime.driver(room.botAccountId)!.sandbox!.groups.saw(room.puppetRoomId);
  };

  describe('a group the sandbox bot created', () => {
    let roomId: string;
    let a: string;
    let c: string;

    it('creates the group with its members: 201 with the id of its row', async () => {
      a = await contact('阿强');
      const b = await contact('小美');
      c = await contact('老王');
      const created = await call('POST', '/api/sandbox/rooms', { topic: '上海车友会', members: [a, b] });
      expect(created.status).toBe(201);
      roomId = created.body.id;
      expect(await roomRow(roomId)).toMatchObject({
        topic: '上海车友会',
        memberCount: 2,
        botIsAdmin: true,
      });
      expect((await roomRow(roomId)).puppetRoomId).toMatch(/^sandbox-room-[0-9a-f-]{36}$/);
    });

    it('welcomes a contact who joins by QR code in the group, with an @', async () => {
      const joined = await post(`/api/sandbox/rooms/${roomId}/join`, { contactId: c });
      expect(said(joined)).toEqual([['欢迎 老王 入群！', roomId]]);
      expect(joined.replies[0]).toMatchObject({ nodeId: 'welcome' });
      expect(await groupSaw(roomId)).toEqual([
        { kind: 'said', text: '欢迎 老王 入群！', mentions: [await puppetOf(c)] },
      ]);
      expect((await roomRow(roomId)).memberCount).toBe(3);
      // Joining again: already in, nothing happens.
      expect(await post(`/api/sandbox/rooms/${roomId}/join`, { contactId: c })).toEqual({ replies: [] });
    });

    it('answers a group keyword in the group only when the bot is @-mentioned', async () => {
      const mentioned = await post(`/api/sandbox/rooms/${roomId}/messages`, {
        contactId: a,
        text: '有优惠吗',
        mentionsBot: true,
      });
      expect(said(mentioned)).toEqual([['本周优惠：满 100 减 20', roomId]]);
      const chatter = await post(`/api/sandbox/rooms/${roomId}/messages`, { contactId: a, text: '有优惠吗' });
      expect(chatter).toEqual({ replies: [] });
      const archived = await db().db.select().from(messages).where(eq(messages.roomId, roomId));
      expect(archived.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual([
        '@Sandbox\u2005有优惠吗',
        '有优惠吗',
      ]);
    });

    it('lets a member leave, after which they cannot speak there (409)', async () => {
      expect(await post(`/api/sandbox/rooms/${roomId}/leave`, { contactId: c })).toEqual({ replies: [] });
      expect((await roomRow(roomId)).memberCount).toBe(2);
      const outsider = await call('POST', `/api/sandbox/rooms/${roomId}/messages`, {
        contactId: c,
        text: '还在吗',
      });
      expect(outsider.status).toBe(409);
      expect(outsider.body.error.code).toBe('not_room_member');
    });

    it("shows the bot's group messages in the member's transcript, with the group", async () => {
      const transcript = (await call('GET', `/api/sandbox/contacts/${c}/transcript`)).body;
      expect(transcript).toEqual([
        expect.objectContaining({ direction: 'out', text: '欢迎 老王 入群！', roomId, nodeId: 'welcome' }),
      ]);
      // The group's chat says whom the bot @-mentioned; a member's line mentions nobody.
      const chat = (await call('GET', `/api/rooms/${roomId}/messages`)).body as Record<string, unknown>[];
      expect(chat.find((m) => m.text === '欢迎 老王 入群！')).toMatchObject({
        direction: 'out',
        contactId: null,
        mentioned: { contactId: c, name: '老王' },
      });
      expect(chat.filter((m) => m.direction === 'in').every((m) => m.mentioned === null)).toBe(true);
    });

    it('refuses unknown contacts and groups (404), bad bodies (400) and viewers (403)', async () => {
      const nobody = '00000000-0000-4000-8000-000000000000';
      expect((await call('POST', '/api/sandbox/rooms', { topic: 'x', members: [nobody] })).status).toBe(404);
      expect((await call('POST', `/api/sandbox/rooms/${nobody}/join`, { contactId: a })).status).toBe(404);
      expect((await call('POST', `/api/sandbox/rooms/${roomId}/join`, { contactId: nobody })).status).toBe(
        404,
      );
      expect((await call('POST', '/api/sandbox/rooms', { topic: '' })).status).toBe(400);
      expect((await call('POST', `/api/sandbox/rooms/${roomId}/messages`, { contactId: a })).status).toBe(
        400,
      );
      // Another workspace's sandbox drives its own groups, never this one's.
      const other = await login(app, (await addWorkspace(db().db, 'Other shop')).owner);
      expect((await call('POST', `/api/sandbox/rooms/${roomId}/join`, { contactId: a }, other)).status).toBe(
        404,
      );
      expect((await call('POST', `/api/sandbox/contacts/${a}/accept-invite`, {}, other)).status).toBe(404);
      const viewer = await memberAs(app, owner, 'viewer');
      expect((await call('POST', '/api/sandbox/rooms', { topic: '看看' }, viewer)).status).toBe(403);
      expect((await call('POST', `/api/sandbox/rooms/${roomId}/join`, { contactId: a }, viewer)).status).toBe(
        403,
      );
    });
  });

  describe('an invite into a group above 40 members', () => {
    it('waits until the contact accepts it, then the join goes on as any other', async () => {
      const crowd = [];
      for (let i = 0; i < 40; i++) crowd.push(await contact(`成员${i}`));
      const { id: big } = await post('/api/sandbox/rooms', { topic: '会员大群', members: crowd });
      expect((await roomRow(big)).memberCount).toBe(40);
      await post('/api/room-sets', { name: 'VIP' });
      expect((await call('PATCH', `/api/rooms/${big}`, { roomSet: 'VIP' })).status).toBe(200);

      const d = await contact('小丽');
      // Accepted as a friend and invited: 41 members with the bot, so WeChat sends an invitation.
      expect(await post(`/api/sandbox/contacts/${d}/friend-request`, { hello: '你好' })).toEqual({
        replies: [],
      });
      expect((await roomRow(big)).memberCount).toBe(40);
      const accepted = await post(`/api/sandbox/contacts/${d}/accept-invite`, {});
      expect(accepted.roomId).toBe(big);
      // The run waiting for the join goes on first, then the join's own flows start.
      expect(said(accepted)).toEqual([
        ['进群啦，谢谢！', null],
        ['欢迎 小丽 入群！', big],
      ]);
      expect((await roomRow(big)).memberCount).toBe(41);

      const again = await call('POST', `/api/sandbox/contacts/${d}/accept-invite`, {});
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('no_pending_invite');
      const other = await contact('路人');
      const none = await call('POST', `/api/sandbox/contacts/${other}/accept-invite`, { roomId: big });
      expect(none.body.error.code).toBe('no_pending_invite');
      const unknownRoom = '00000000-0000-4000-8000-000000000000';
      expect(
        (await call('POST', `/api/sandbox/contacts/${d}/accept-invite`, { roomId: unknownRoom })).status,
      ).toBe(404);
    });
  });
});
