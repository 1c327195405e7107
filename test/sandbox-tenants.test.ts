// Every workspace's sandbox is a tenant (DESIGN "Sandbox is a tenant like any other"): two
// workspaces' sandboxes and a real account (Wechaty on the mock puppet) run side by side; each
// sandbox clock is its own, stored, and moves only by its own workspace's advance; the real account
// only ever sees the wall clock; the API answers each caller once its own turn has run.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockWorld } from '../runtime/bots/__fixtures__/mock-puppet.ts';
import { Runtime } from '../runtime/runtime.ts';
import type { App } from '../server/app.ts';
import { contacts, runs } from '../shared/db/schema.ts';
import { login, OWNER, type Session, TEST_SECRET, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph, seedCoupons } from './support/runtime.ts';
import { addMockAccount, addWorkspace, waitingFlow } from './support/tenants.ts';

const DAY = 86_400_000;

describeDb('sandbox tenants and clocks', (db) => {
  let app: App;
  let runtime: Runtime;
  let a: Session;
  let b: Session;
  let workspaceA: string;
  let realAccountId: string;
  const worldKey = `tenants-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    runtime = started.runtime!;
    workspaceA = started.workspaceId!;
    const other = await addWorkspace(db().db, 'Tenant B');
    await publishGraph(db().db, workspaceA, 'A reminder', waitingFlow('提醒'));
    await publishGraph(db().db, other.workspaceId, 'B reminder', waitingFlow('提醒'));
    a = await login(app, OWNER);
    b = await login(app, other.owner);
    ({ accountId: realAccountId } = await addMockAccount(db().db, runtime, workspaceA, worldKey, '真号客服'));
  });
  afterAll(() => app?.close());

  const call = async (who: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: who.cookie } : who.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const ok = async (who: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    if (res.status >= 300) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A sandbox contact who is our friend (WeChat lets only friends talk in private). */
  const friend = async (who: Session, name: string) => {
    const contact = await ok(who, 'POST', '/api/sandbox/contacts', { name });
    await ok(who, 'POST', `/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '' });
    return contact as { id: string };
  };
  const say = async (who: Session, contactId: string, text: string): Promise<string[]> =>
    (await ok(who, 'POST', `/api/sandbox/contacts/${contactId}/messages`, { text })).replies.map(
      (r: { text: string }) => r.text,
    );
  const clockOf = async (who: Session) => Date.parse((await ok(who, 'GET', '/api/sandbox/clock')).now);
  const runsOf = (contactId: string) => db().db.select().from(runs).where(eq(runs.contactId, contactId));

  it('fires only the advancing workspace’s waits; the other sandbox and the real account keep theirs', async () => {
    const alice = await friend(a, 'Alice');
    const bob = await friend(b, 'Bob');
    expect(await say(a, alice.id, '提醒')).toEqual(['提醒: ok']);
    expect(await say(b, bob.id, '提醒')).toEqual(['提醒: ok']);

    // A customer of the real account starts the same kind of wait, on the wall clock.
    const world = mockWorld(worldKey);
    const carol = world.mocker.createContact({ name: 'Carol' });
    carol.say('提醒').to(world.user);
    const carolRun = async () => {
      const [contact] = await db()
        .db.select()
        .from(contacts)
        .where(and(eq(contacts.botAccountId, realAccountId), eq(contacts.puppetId, carol.id)));
      return contact ? (await runsOf(contact.id)).find((r) => r.currentNodeId === 'wait') : undefined;
    };
    await expect.poll(async () => (await carolRun())?.status).toBe('waiting');

    const bClockBefore = await clockOf(b);
    const advanced = await ok(a, 'POST', '/api/sandbox/clock/advance', { by: 'P2D' });
    expect(advanced.fired).toBe(1);
    expect(Date.parse(advanced.now)).toBeGreaterThan(Date.now() + 2 * DAY - 60_000);
    const aliceSaw = await ok(a, 'GET', `/api/sandbox/contacts/${alice.id}/transcript`);
    expect(aliceSaw.map((m: { text: string }) => m.text)).toEqual(['提醒', '提醒: ok', '提醒: later']);

    // Workspace B: nothing fired, its clock did not move.
    expect((await runsOf(bob.id)).map((r) => r.status).sort()).toEqual(['completed', 'waiting']);
    expect(await clockOf(b)).toBeLessThan(bClockBefore + 60_000);
    // The real account: its run still waits a day ahead on the wall clock, and a sweep leaves it.
    await runtime.tick();
    const stillWaiting = await carolRun();
    expect(stillWaiting?.status).toBe('waiting');
    expect(stillWaiting!.wakeAt!.getTime()).toBeGreaterThan(Date.now() + DAY - 120_000);

    // B's own advance fires B's run only.
    expect((await ok(b, 'POST', '/api/sandbox/clock/advance', { by: 'P1DT1H' })).fired).toBe(1);
    expect((await runsOf(bob.id)).map((r) => r.status)).toEqual(['completed', 'completed']);
    expect((await carolRun())?.status).toBe('waiting');
  });

  it('stamps a sandbox contact’s times on its own clock, and keeps the clock across a restart', async () => {
    const dave = await friend(a, 'Dave');
    const before = await clockOf(a);
    expect(before).toBeGreaterThan(Date.now() + 2 * DAY - 60_000);
    await say(a, dave.id, '提醒');
    const [row] = await db().db.select().from(contacts).where(eq(contacts.id, dave.id));
    // "Last message" is now on the sandbox clock, not tomorrow-relative-to-the-wall.
    expect(Math.abs(row!.lastInboundAt!.getTime() - before)).toBeLessThan(60_000);
    expect(Math.abs(row!.lastOutboundAt!.getTime() - before)).toBeLessThan(60_000);
    // The Contacts list counts "last message" from the contact's own clock: "now", not "in 2 days".
    const listed = (await ok(a, 'GET', '/api/contacts?q=Dave')).items[0];
    expect(Math.abs(Date.parse(listed.lastInboundAt) - Date.parse(listed.clockNow))).toBeLessThan(60_000);

    // A new runtime (a restart) reads the stored clock: sends go out at once, nothing is "in the future".
    await runtime.stop();
    runtime = new Runtime({ db: db().db, bus: app.bus, secret: TEST_SECRET });
    await runtime.start();
    expect(await clockOf(a)).toBeGreaterThanOrEqual(before);
    const erin = await friend(a, 'Erin');
    expect(await say(a, erin.id, '提醒')).toEqual(['提醒: ok']);
    expect((await ok(a, 'POST', '/api/sandbox/clock/advance', { by: 'P1D' })).fired).toBe(2);
    await runtime.stop();
  });
});

describeDb('the sandbox under hostile and concurrent callers', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    await seedCoupons(db().db, started.workspaceId!, 'welcome', ['W-1', 'W-2']);
    await publishGraph(db().db, started.workspaceId!, 'Onboarding', fixtureGraph('onboarding'));
    owner = await login(app);
  });
  afterAll(() => app?.close());

  const post = (url: string, payload: object, headers = owner.headers) =>
    app.inject({ method: 'POST', url, payload, headers });

  it('refuses clock moves beyond P90D or below a second with 400, and keeps working', async () => {
    for (const by of ['P20000000W', 'P91D', 'PT0S', 'P9999999999999999999D', '-P1D'])
      expect((await post('/api/sandbox/clock/advance', { by })).statusCode, by).toBe(400);
    const contact = (await post('/api/sandbox/contacts', { name: '小新' })).json();
    const replies = (await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '' })).json();
    expect(replies.replies.map((r: { text: string }) => r.text)).toEqual([
      '你好 小新，欢迎！先认识一下～',
      '你在哪个城市？',
    ]);
    expect((await post('/api/sandbox/clock/advance', { by: 'P90D' })).statusCode).toBe(200);
  });

  it('lets only marketers and above move the clock', async () => {
    const added = await post('/api/members', {
      email: 'agent@example.com',
      password: 'agent-password-1',
      role: 'agent',
    });
    expect(added.statusCode).toBe(201);
    const agent = await login(app, { email: 'agent@example.com', password: 'agent-password-1' });
    expect((await post('/api/sandbox/clock/advance', { by: 'PT1H' }, agent.headers)).statusCode).toBe(403);
  });

  describe('forty clients at once', () => {
    it('answers each friend request and each answer with that contact’s own replies', async () => {
      const N = 40;
      const names = Array.from({ length: N }, (_, i) => `客户${i}`);
      const created = await Promise.all(names.map((name) => post('/api/sandbox/contacts', { name })));
      const ids = created.map((r) => r.json().id as string);
      const greetings = await Promise.all(
        ids.map((id) => post(`/api/sandbox/contacts/${id}/friend-request`, { hello: '你好' })),
      );
      for (const [i, res] of greetings.entries())
        expect(res.json().replies.map((r: { text: string }) => r.text)).toEqual([
          `你好 ${names[i]}，欢迎！先认识一下～`,
          '你在哪个城市？',
        ]);
      const answers = await Promise.all(
        ids.map((id) => post(`/api/sandbox/contacts/${id}/messages`, { text: '上海' })),
      );
      for (const res of answers)
        expect(res.json().replies.map((r: { text: string }) => r.text)).toEqual([
          '上海的朋友你好！你今年多大？',
        ]);
      const handedOver = await db().db.select().from(contacts).where(eq(contacts.handoff, true));
      expect(handedOver).toEqual([]);
    });
  });
});
