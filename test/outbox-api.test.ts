// Undelivered messages through the HTTP API: a contact's `unknown` and `failed` outbox rows, newest
// first; resend (back to the queue, the dispatcher woken) and dismiss, by agents and up; the counts
// per bot account; nothing of another workspace.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BusEvent } from '../runtime/bus.ts';
import type { App } from '../server/app.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import type { OutboxStatus } from '../shared/db/outbox.ts';
import { botAccounts, contacts, outbox, workspaces } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('undelivered outbox API', (db) => {
  let app: App;
  let owner: Session;
  let agent: Session;
  let viewer: Session;
  let botId: string;
  let contactId: string;
  let otherContactId: string;
  const rows: Record<string, number> = {};

  async function seedContact(workspaceId: string, name: string) {
    const [bot] = await db()
      .db.insert(botAccounts)
      .values({
        workspaceId,
        name: `${name} bot`,
        puppet: 'sandbox',
        desired: 'stopped',
        limits: SANDBOX_LIMITS,
      })
      .returning();
    const [contact] = await db()
      .db.insert(contacts)
      .values({ workspaceId, botAccountId: bot!.id, puppetId: name, name })
      .returning();
    return { botId: bot!.id, contactId: contact!.id };
  }

  async function seedRow(
    key: string,
    where: { workspaceId: string; botId: string; contactId: string },
    status: OutboxStatus,
    minutesAgo: number,
    extra: { kind?: 'message' | 'friend_accept'; payload?: object; error?: string } = {},
  ) {
    const [row] = await db()
      .db.insert(outbox)
      .values({
        workspaceId: where.workspaceId,
        botAccountId: where.botId,
        contactId: where.contactId,
        kind: extra.kind ?? 'message',
        payload: (extra.payload ?? { text: key, author: 'bot' }) as never,
        idempotencyKey: key,
        status,
        attempts: 3,
        error: extra.error ?? null,
        notBefore: new Date(Date.now() - minutesAgo * 60_000),
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      })
      .returning();
    rows[key] = row!.id;
  }

  beforeAll(async () => {
    let workspaceId: string | undefined;
    ({ app, workspaceId } = await testApp(db()));
    owner = await login(app);
    for (const role of ['agent', 'viewer']) {
      const who = { email: `${role}@example.com`, password: `${role}-password-1` };
      await app.inject({
        method: 'POST',
        url: '/api/members',
        payload: { ...who, role },
        headers: owner.headers,
      });
      if (role === 'agent') agent = await login(app, who);
      else viewer = await login(app, who);
    }
    const mine = { workspaceId: workspaceId!, ...(await seedContact(workspaceId!, 'xiaomei')) };
    ({ botId, contactId } = mine);
    await seedRow('crashed', mine, 'unknown', 30, {
      payload: {
        text: '你的优惠券',
        nodeId: 'coupon',
        flowId: '00000000-0000-4000-8000-000000000001',
        author: 'bot',
      },
    });
    await seedRow('refused', mine, 'failed', 20, { error: 'not a friend' });
    await seedRow('accept', mine, 'failed', 10, {
      kind: 'friend_accept',
      payload: { requestId: 'r1', hello: 'hi' },
      error: 'expired',
    });
    await seedRow('delivered', mine, 'sent', 5);
    await seedRow('waiting', mine, 'queued', 1);
    const [other] = await db().db.insert(workspaces).values({ name: 'Other' }).returning();
    const theirs = { workspaceId: other!.id, ...(await seedContact(other!.id, 'stranger')) };
    otherContactId = theirs.contactId;
    await seedRow('theirs', theirs, 'unknown', 3);
  });
  afterAll(() => app?.close());

  const get = (url: string, who: Session = owner) => app.inject({ url, headers: { cookie: who.cookie } });
  const post = (url: string, who: Session = agent) =>
    app.inject({ method: 'POST', url, headers: who.headers });
  const undeliveredOfBot = async () =>
    (await get('/api/bots')).json().find((b: { id: string }) => b.id === botId).undelivered;

  it("lists a contact's unknown and failed messages, newest first, to every member", async () => {
    const res = await get(`/api/contacts/${contactId}/undelivered`, viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: rows.accept,
        kind: 'friend_accept',
        text: null,
        status: 'failed',
        error: 'expired',
        at: expect.any(String),
        nodeId: null,
        flowId: null,
      },
      expect.objectContaining({ id: rows.refused, text: 'refused', status: 'failed', error: 'not a friend' }),
      {
        id: rows.crashed,
        kind: 'message',
        text: '你的优惠券',
        status: 'unknown',
        error: null,
        at: expect.any(String),
        nodeId: 'coupon',
        flowId: '00000000-0000-4000-8000-000000000001',
      },
    ]);
    expect((await get(`/api/contacts/${otherContactId}/undelivered`)).statusCode).toBe(404);
  });

  it('counts them per bot account', async () => {
    expect(await undeliveredOfBot()).toEqual({ unknown: 1, failed: 2 });
  });

  it('resends an unknown message: queued, due now, attempts and error cleared, the dispatcher woken', async () => {
    const events: BusEvent[] = [];
    const unsubscribe = app.bus.subscribe((e) => events.push(e));
    const before = Date.now();
    const res = await post(`/api/outbox/${rows.crashed}/resend`);
    unsubscribe();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: rows.crashed, status: 'queued' });
    const [row] = await db().db.select().from(outbox).where(eq(outbox.id, rows.crashed!));
    expect(row).toMatchObject({ status: 'queued', attempts: 0, error: null });
    expect(row!.notBefore.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row!.notBefore.getTime()).toBeLessThanOrEqual(Date.now());
    expect(events).toEqual([{ kind: 'outbox', botAccountId: botId }]);
    expect(await undeliveredOfBot()).toEqual({ unknown: 0, failed: 2 });
    const again = await post(`/api/outbox/${rows.crashed}/resend`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'not_undelivered',
      details: { params: { status: 'queued' } },
    });
  });

  it('dismisses a failed message once, and refuses rows that are not undelivered', async () => {
    const res = await post(`/api/outbox/${rows.refused}/dismiss`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: rows.refused, status: 'dismissed' });
    expect((await post(`/api/outbox/${rows.refused}/dismiss`)).statusCode).toBe(409);
    expect((await post(`/api/outbox/${rows.refused}/resend`)).statusCode).toBe(409);
    for (const key of ['delivered', 'waiting']) {
      expect((await post(`/api/outbox/${rows[key]}/dismiss`)).statusCode).toBe(409);
      expect((await post(`/api/outbox/${rows[key]}/resend`)).statusCode).toBe(409);
    }
    const listed = (await get(`/api/contacts/${contactId}/undelivered`)).json();
    expect(listed.map((r: { id: number }) => r.id)).toEqual([rows.accept]);
    expect(await undeliveredOfBot()).toEqual({ unknown: 0, failed: 1 });
  });

  it('lets a viewer look but not resend or dismiss', async () => {
    for (const action of ['resend', 'dismiss']) {
      const res = await post(`/api/outbox/${rows.accept}/${action}`, viewer);
      expect(res.statusCode).toBe(403);
    }
    const [row] = await db().db.select().from(outbox).where(eq(outbox.id, rows.accept!));
    expect(row!.status).toBe('failed');
  });

  it("answers 404 for another workspace's row and for ids that name no row", async () => {
    for (const id of [rows.theirs, 'abc', '0', '-1', '1.5', '99999999999999999999', '987654321']) {
      for (const action of ['resend', 'dismiss']) {
        const res = await post(`/api/outbox/${id}/${action}`, owner);
        expect(res.statusCode, `${action} ${id}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
    const [theirs] = await db().db.select().from(outbox).where(eq(outbox.id, rows.theirs!));
    expect(theirs!.status).toBe('unknown');
  });
});
