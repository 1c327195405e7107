// The demo funnel end to end through the HTTP API in the sandbox: a real Wechaty (mock puppet), the
// router, executor, outbox and dispatcher, and the sandbox clock — on every database driver.
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { roomMembers, rooms } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('sandbox API', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    ({ app } = await testApp(db(), { runtime: true, demo: true }));
    owner = await login(app);
  });
  afterAll(() => app?.close());

  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, payload, headers: owner.headers });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const texts = (body: { replies: { text: string }[] }) => body.replies.map((r) => r.text);

  it('runs the demo onboarding funnel to the goal, with a retry and a coupon', async () => {
    const contact = await post('/api/sandbox/contacts', { name: '小美' });
    expect(
      texts(await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '你好' })),
    ).toEqual(['你好 小美，欢迎！先认识一下～', '你在哪个城市？']);
    const say = async (text: string) =>
      texts(await post(`/api/sandbox/contacts/${contact.id}/messages`, { text }));
    expect(await say('上海')).toEqual(['上海的朋友你好！你今年多大？']);
    expect(await say('不告诉你')).toEqual(['没看懂，请再回复一次～', '上海的朋友你好！你今年多大？']);
    expect(await say('28')).toEqual(['留个手机号，方便发券给你']);
    // The coupon, then the invite into the 新人群 room set; the sandbox group (3 members at most)
    // adds her at once, and the group welcome greets her there with an @.
    expect(await say('13800138000')).toEqual([
      '小美，送你一张新人券：WELCOME-0001',
      '拉你进新人群，群里有更多福利～',
      '欢迎 小美 加入！有问题随时 @ 我～',
    ]);
    const transcript = (
      await app.inject({
        url: `/api/sandbox/contacts/${contact.id}/transcript`,
        headers: { cookie: owner.cookie },
      })
    ).json();
    expect(transcript).toHaveLength(13);
    expect(transcript[0]).toMatchObject({ direction: 'out', nodeId: 'greet' });
  });

  it('fires an ask timeout when the sandbox clock advances', async () => {
    const contact = await post('/api/sandbox/contacts', { name: '阿强' });
    await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '' });
    const advanced = await post('/api/sandbox/clock/advance', { by: 'PT2H' });
    expect(advanced.fired).toBeGreaterThanOrEqual(1);
    expect(await post(`/api/sandbox/contacts/${contact.id}/messages`, { text: '还在吗' })).toEqual({
      replies: [],
    });
  });

  it('lists the sandbox contacts for the simulator and tells the sandbox time', async () => {
    const get = (url: string) => app.inject({ url, headers: { cookie: owner.cookie } }).then((r) => r.json());
    const listed = await get('/api/sandbox/contacts');
    expect(listed.map((c: { name: string }) => c.name)).toEqual(['阿强', '小美']);
    expect(listed[1]).toMatchObject({ friendStatus: 'friend' });
    const { now } = await get('/api/sandbox/clock');
    expect(Date.parse(now)).toBeGreaterThan(Date.now() + 3600_000); // advanced by 2 h above
  });

  it('refuses bad input with 400 and unknown contacts with 404', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/sandbox/clock/advance',
      payload: { by: '3 days' },
      headers: owner.headers,
    });
    expect(bad.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/sandbox/contacts/00000000-0000-4000-8000-000000000000/messages',
      payload: { text: 'hi' },
      headers: owner.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists the online sandbox bot, creates a real-puppet account with safe limits, and stops it', async () => {
    const bots = (await app.inject({ url: '/api/bots', headers: { cookie: owner.cookie } })).json();
    expect(bots[0]).toMatchObject({ puppet: 'sandbox', status: 'online', self: { name: 'Sandbox' } });
    const created = await post('/api/bots', {
      name: '客服号',
      puppet: 'wechaty-puppet-service',
      puppetOptions: { token: 'secret-token' },
    });
    expect(created.limits).toMatchObject({ messagesPerMinute: 6, jitterMs: [2000, 8000] });
    const stopped = await post(`/api/bots/${created.id}/stop`, {});
    expect(stopped.status).toBe('stopped');
    const badLimits = await app.inject({
      method: 'PATCH',
      url: `/api/bots/${created.id}`,
      payload: {
        limits: {
          messagesPerMinute: 5,
          messagesPerDay: 10,
          acceptsPerHour: 1,
          acceptsPerDay: 1,
          jitterMs: [9, 1],
        },
      },
      headers: owner.headers,
    });
    expect(badLimits.statusCode).toBe(400);
  });

  it('adds coupon codes to a pool, ignoring duplicates, and shows issued / total', async () => {
    const added = await post('/api/coupon-pools', {
      name: 'welcome',
      codes: ['WELCOME-0001', ' NEW-1 ', 'NEW-1', ''],
    });
    expect(added).toMatchObject({ name: 'welcome', total: 51, added: 1 });
    const pools = (await app.inject({ url: '/api/coupon-pools', headers: { cookie: owner.cookie } })).json();
    expect(pools).toEqual([{ name: 'welcome', total: 51, issued: 1 }]);
  });

  it('lists, filters, pages, edits contacts and finds a Chinese substring in messages', async () => {
    const get = async (url: string) => (await app.inject({ url, headers: { cookie: owner.cookie } })).json();
    const page = await get('/api/contacts?limit=1');
    expect(page.items).toHaveLength(1);
    expect((await get(`/api/contacts?limit=1&cursor=${page.nextCursor}`)).items[0].id).not.toBe(
      page.items[0].id,
    );
    const [xiaomei] = (await get('/api/contacts?q=%E5%B0%8F%E7%BE%8E')).items;
    expect(xiaomei.tags).toContain('成年');
    expect(
      (await get('/api/contacts?tag=%E6%88%90%E5%B9%B4')).items.map((c: { id: string }) => c.id),
    ).toEqual([xiaomei.id]);
    // The invite put her in one of the demo's two groups; one she has left is not one of her groups.
    const demoRooms = await db().db.select().from(rooms).where(like(rooms.topic, '新人群 %'));
    const [member] = await db()
      .db.select({ roomId: roomMembers.roomId })
      .from(roomMembers)
      .where(eq(roomMembers.contactId, xiaomei.id));
    const joined = demoRooms.find((room) => room.id === member?.roomId);
    const left = demoRooms.find((room) => room.id !== member?.roomId);
    if (!joined || !left) throw new Error('she is not in one of the two demo groups');
    await db()
      .db.insert(roomMembers)
      .values({
        workspaceId: left.workspaceId,
        roomId: left.id,
        contactId: xiaomei.id,
        joinedAt: new Date(Date.now() - 7200_000),
        leftAt: new Date(Date.now() - 3600_000),
      });
    const detail = await get(`/api/contacts/${xiaomei.id}`);
    expect(detail).toMatchObject({
      attributes: { city: '上海', age: 28, phone: '13800138000' },
      runs: expect.arrayContaining([expect.objectContaining({ status: 'completed', currentNodeId: 'done' })]),
    });
    // The demo funnel's goal, its coupon and the group it invited her into.
    const onboarding = detail.runs.find((r: { currentNodeId: string }) => r.currentNodeId === 'done');
    expect(detail.goals).toEqual([{ name: '留资', flowId: onboarding.flowId, at: expect.any(String) }]);
    expect(detail.coupons).toEqual([{ code: 'WELCOME-0001', pool: 'welcome', at: expect.any(String) }]);
    expect(detail.groups).toEqual([{ roomId: joined.id, topic: joined.topic, joinedAt: expect.any(String) }]);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/contacts/${xiaomei.id}`,
      payload: { tags: ['VIP'], attributes: { city: null, level: 3 } },
      headers: owner.headers,
    });
    expect(patched.json()).toMatchObject({ tags: ['VIP'], attributes: { age: 28, level: 3 } });
    expect(patched.json().attributes.city).toBeUndefined();
    const badKey = await app.inject({
      method: 'PATCH',
      url: `/api/contacts/${xiaomei.id}`,
      payload: { attributes: { 'Bad Key': 1 } },
      headers: owner.headers,
    });
    expect(badKey.statusCode).toBe(400);
    const found = await get(`/api/messages?q=${encodeURIComponent('新人券')}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ direction: 'out', nodeId: 'gift', contactName: '小美' });
    expect(
      (await get(`/api/contacts/${xiaomei.id}/messages?limit=2`)).map((m: { text: string }) => m.text),
    ).toHaveLength(2);
    expect(
      (
        await app.inject({
          url: '/api/contacts/00000000-0000-4000-8000-000000000000',
          headers: { cookie: owner.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });
});
