// Acquisition channels over HTTP (API "Analytics"): create, read, edit and archive with roles; bad
// input is a 400 naming the field, another channel's address, name or hello code a 409, another
// workspace's channel a 404; random bodies never make a 500; the public page is a 404 page for an
// unknown address, speaks the visitor's language and shows no name of the workspace's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace } from './support/tenants.ts';

describeDb('channels API', (db) => {
  let app: App;
  let owner: Session;
  let viewer: Session;
  let agent: Session;
  let other: Session;
  beforeAll(async () => {
    app = (await testApp(db())).app;
    owner = await login(app);
    for (const [role, email] of [
      ['viewer', 'viewer@example.com'],
      ['agent', 'agent@example.com'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/members',
        payload: { email, password: 'member-password-1', role },
        headers: owner.headers,
      });
      expect(res.statusCode).toBe(201);
    }
    viewer = await login(app, { email: 'viewer@example.com', password: 'member-password-1' });
    agent = await login(app, { email: 'agent@example.com', password: 'member-password-1' });
    other = await login(app, (await addWorkspace(db().db, 'Other')).owner);
  });
  afterAll(() => app?.close());

  const send = (who: Session, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: who.headers });

  it('creates, lists, reads, edits and archives a channel', async () => {
    const created = await send(owner, 'POST', '/api/channels', {
      name: '小红书 5 月',
      kind: 'hello',
      slug: 'xhs-may',
      helloCode: 'XHS5',
      tags: ['小红书', '5月', '小红书'],
      spend: 50_000,
    });
    expect(created.statusCode).toBe(201);
    const channel = created.json();
    expect(channel).toMatchObject({
      name: '小红书 5 月',
      kind: 'hello',
      slug: 'xhs-may',
      url: '/c/xhs-may',
      helloCode: 'XHS5',
      tags: ['小红书', '5月'],
      spend: 50_000,
      archived: false,
      newFriends: 0,
      goals: 0,
      deletedWithin7d: 0,
      costPerGoal: null,
    });
    const generated = await send(owner, 'POST', '/api/channels', { name: 'Poster', kind: 'qr' });
    expect(generated.statusCode).toBe(201);
    expect(generated.json().slug).toMatch(/^c-[0-9a-f]{10}$/);

    const list = await send(viewer, 'GET', '/api/channels');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((c: { name: string }) => c.name)).toEqual(['小红书 5 月', 'Poster']);
    expect((await send(agent, 'GET', `/api/channels/${channel.id}`)).json().name).toBe('小红书 5 月');

    const patched = await send(owner, 'PATCH', `/api/channels/${channel.id}`, { spend: 60_000, tags: [] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ spend: 60_000, tags: [], helloCode: 'XHS5' });

    const archived = await send(owner, 'PATCH', `/api/channels/${generated.json().id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    expect((await send(owner, 'GET', '/api/channels')).json()).toHaveLength(1);
    expect((await send(owner, 'GET', '/api/channels?archived=true')).json()[0].name).toBe('Poster');
    const page = await app.inject({ url: `/c/${generated.json().slug}` });
    expect(page.statusCode).toBe(404);
  });

  it('lets only marketers and up write', async () => {
    for (const who of [viewer, agent]) {
      expect((await send(who, 'POST', '/api/channels', { name: 'x', kind: 'qr' })).statusCode).toBe(403);
      const [first] = (await send(owner, 'GET', '/api/channels')).json();
      expect((await send(who, 'PATCH', `/api/channels/${first.id}`, { spend: 1 })).statusCode).toBe(403);
    }
    expect((await app.inject({ url: '/api/channels' })).statusCode).toBe(401);
  });

  it('answers 400 for bad input, naming the field', async () => {
    const cases: [object, string][] = [
      [{ kind: 'qr' }, 'body.name'],
      [{ name: 'a', kind: 'poster' }, 'body.kind'],
      [{ name: 'a', kind: 'qr', slug: 'Has Spaces' }, 'body.slug'],
      [{ name: 'a', kind: 'qr', slug: '-ab' }, 'body.slug'],
      [{ name: 'a', kind: 'hello' }, 'body.helloCode'],
      [{ name: 'a', kind: 'qr', helloCode: 'two words' }, 'body.helloCode'],
      [{ name: 'a', kind: 'qr', spend: -1 }, 'body.spend'],
      [{ name: 'a', kind: 'qr', spend: 1.5 }, 'body.spend'],
      [{ name: 'a', kind: 'qr', tags: ['\u0000'] }, 'body.tags.0'],
      [{ name: 'a', kind: 'qr', botAccountIds: ['nope'] }, 'body.botAccountIds.0'],
    ];
    for (const [payload, path] of cases) {
      const res = await send(owner, 'POST', '/api/channels', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const [first] = (await send(owner, 'GET', '/api/channels')).json();
    const clear = await send(owner, 'PATCH', `/api/channels/${first.id}`, { helloCode: null });
    expect(clear.statusCode).toBe(400);
    expect(clear.json().error.details[0]).toMatchObject({ path: 'body.helloCode', code: 'custom' });
    expect((await send(owner, 'GET', '/api/channels/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses a taken address, name or hello code with 409', async () => {
    const taken = async (payload: object, field: string) => {
      const res = await send(owner, 'POST', '/api/channels', payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'channel_taken', details: { params: { field } } });
    };
    await taken({ name: 'new', kind: 'qr', slug: 'xhs-may' }, 'slug');
    await taken({ name: '小红书 5 月', kind: 'qr' }, 'name');
    await taken({ name: 'new', kind: 'hello', helloCode: 'xhs5' }, 'helloCode');
    // The address is public, so another workspace cannot have it either; its names are its own.
    const res = await send(other, 'POST', '/api/channels', {
      name: '小红书 5 月',
      kind: 'qr',
      slug: 'xhs-may',
    });
    expect(res.json().error.details.params.field).toBe('slug');
    const ok = await send(other, 'POST', '/api/channels', {
      name: '小红书 5 月',
      kind: 'hello',
      helloCode: 'XHS5',
    });
    expect(ok.statusCode).toBe(201);
  });

  it("keeps workspaces apart: another workspace's channel or account is not found", async () => {
    const [mine] = (await send(owner, 'GET', '/api/channels')).json();
    expect((await send(other, 'GET', `/api/channels/${mine.id}`)).statusCode).toBe(404);
    expect((await send(other, 'PATCH', `/api/channels/${mine.id}`, { spend: 1 })).statusCode).toBe(404);
    const [theirAccount] = (await send(other, 'GET', '/api/channels/accounts')).json();
    const res = await send(owner, 'POST', '/api/channels', {
      name: 'borrowed',
      kind: 'qr',
      botAccountIds: [theirAccount.botAccountId],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details.params.what).toBe('bot_account');
    const qr = await app.inject({
      method: 'PUT',
      url: `/api/channels/accounts/${theirAccount.botAccountId}/qr`,
      payload: { mediaId: theirAccount.botAccountId },
      headers: owner.headers,
    });
    expect(qr.statusCode).toBe(404);
  });

  it('lists the accounts with their room today', async () => {
    const res = await send(viewer, 'GET', '/api/channels/accounts');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        name: expect.any(String),
        kind: 'personal',
        friends: 0,
        friendCap: 5000,
        // The sandbox accepts 10,000 a day, but holds 5,000 friends like a personal account.
        acceptsLeftToday: 10_000,
        room: 5000,
        qrUrl: null,
      }),
    ]);
  });

  it('serves the public page in the visitor language, without the channel or workspace name', async () => {
    const zh = await app.inject({ url: '/c/xhs-may', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-security-policy']).toContain("form-action 'self'");
    expect(zh.body).toContain('扫码添加好友');
    expect(zh.body).toContain('XHS5');
    expect(zh.body).not.toContain('小红书');
    const img = /src="(\/c\/xhs-may\/qr\?s=\d+)"/.exec(zh.body)![1]!;
    const qr = await app.inject({ url: img });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/png');
    const en = await app.inject({ url: '/c/xhs-may', headers: { 'accept-language': 'en-US,en;q=0.8' } });
    expect(en.body).toContain('Scan to add us on WeChat');
    const missing = await app.inject({ url: '/c/no-such-page', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('This page does not exist');
    expect((await app.inject({ url: '/c/%00' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/c/xhs-may/qr?s=abc' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/c/xhs-may/qr?s=999999' })).statusCode).toBe(404);
  });

  describe('fuzz', () => {
    it('never answers a 500 to random channel bodies', async () => {
      const value = fc.oneof(
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 3 }),
      );
      const body = fc.record(
        {
          name: fc.oneof(fc.string({ maxLength: 70 }), value),
          kind: fc.oneof(fc.constantFrom('qr', 'hello', 'lead'), value),
          slug: fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,42}$/), value),
          helloCode: fc.oneof(fc.string({ maxLength: 25 }), value),
          tags: fc.oneof(fc.array(fc.string({ maxLength: 45 }), { maxLength: 22 }), value),
          spend: fc.oneof(fc.integer(), value),
          archived: value,
        },
        { requiredKeys: [] },
      );
      const [first] = (await send(owner, 'GET', '/api/channels')).json();
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const created = await send(owner, 'POST', '/api/channels', payload);
          expect([201, 400, 404, 409]).toContain(created.statusCode);
          const patched = await send(owner, 'PATCH', `/api/channels/${first.id}`, payload);
          expect([200, 400, 404, 409]).toContain(patched.statusCode);
        }),
        { numRuns: 60 },
      );
    });
  });
});
