// The demo funnel end to end through the HTTP API in the sandbox: a real Wechaty (mock puppet), the
// router, executor, outbox and dispatcher, and the sandbox clock — on every database driver.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
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
    expect(await say('13800138000')).toEqual(['小美，送你一张新人券：WELCOME-0001']);
    const transcript = (
      await app.inject({
        url: `/api/sandbox/contacts/${contact.id}/transcript`,
        headers: { cookie: owner.cookie },
      })
    ).json();
    expect(transcript).toHaveLength(11);
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
});
