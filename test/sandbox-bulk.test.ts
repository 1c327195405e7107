// Sandbox audiences for campaigns: 1,000 generated contacts in one call (histories, activity, mixed
// friend statuses) that the simulated WeChat can message, and a contact who deletes us — the next
// send fails as not a friend and the contact becomes deleted_us. Only the workspace's own sandbox.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../server/app.ts';
import { generateContacts } from '../server/sandbox/generate.ts';
import { botAccounts, contactActivity, contacts, outbox } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace } from './support/tenants.ts';

describe('generated contacts', () => {
  it('are the same for the same seed, with a favourite hour on the profile days', () => {
    const now = new Date('2025-03-01T12:00:00Z');
    const a = generateContacts(50, 7, now);
    expect(generateContacts(50, 7, now)).toEqual(a);
    expect(generateContacts(50, 8, now)).not.toEqual(a);
    for (const person of a) {
      expect(person.activity).toHaveLength(168);
      // The peak stands out from the noise: best-hour scheduling has something to find.
      expect(Math.max(...person.activity)).toBeGreaterThanOrEqual(2);
      if (person.firstAddedAt) {
        expect(person.firstAddedAt.getTime()).toBeGreaterThan(now.getTime() - 181 * 86_400_000);
        expect(person.firstAddedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      for (const t of [person.lastInboundAt, person.lastOutboundAt])
        if (t) expect(t.getTime()).toBeGreaterThan(now.getTime() - 31 * 86_400_000);
    }
  });
});

describeDb('sandbox bulk contacts and delete-us', (handle) => {
  let app: App;
  let owner: Session;
  let sandboxId: string;
  let workspaceId: string;
  beforeAll(async () => {
    ({ app } = await testApp(handle(), { runtime: true }));
    owner = await login(app);
    const [account] = await handle().db.select().from(botAccounts).where(eq(botAccounts.puppet, 'sandbox'));
    sandboxId = account!.id;
    workspaceId = account!.workspaceId;
  });
  afterAll(() => app?.close());

  const post = (url: string, payload?: object, session = owner) =>
    app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: session.headers });

  /** Queues a private message to the contact and waits until the dispatcher is done with it. */
  async function send(contactId: string, key: string) {
    const db = handle().db;
    await db.insert(outbox).values({
      workspaceId,
      botAccountId: sandboxId,
      contactId,
      kind: 'message',
      payload: { text: `hello ${key}`, author: 'bot' },
      idempotencyKey: `bulk-test-${key}`,
      notBefore: new Date(0),
    });
    app.bus.publish({ kind: 'outbox', botAccountId: sandboxId });
    return vi.waitFor(
      async () => {
        const [row] = await db
          .select()
          .from(outbox)
          .where(eq(outbox.idempotencyKey, `bulk-test-${key}`));
        if (row?.status === 'queued' || row?.status === 'sending') throw new Error('not yet');
        return row!;
      },
      { timeout: 20_000, interval: 50 },
    );
  }

  let ids: string[] = [];
  it('creates 1,000 contacts with histories in one call, which the sandbox bot can message', async () => {
    const started = performance.now();
    const res = await post('/api/sandbox/contacts/bulk', { count: 1000, activity: 'random', seed: 42 });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.created).toBe(1000);
    expect(body.ids).toHaveLength(100);
    ids = body.ids;
    // Generous for a loaded CI machine; a few hundred ms on an idle one.
    expect(ms).toBeLessThan(15_000);
    const rows = await handle().db.select().from(contacts).where(eq(contacts.botAccountId, sandboxId));
    expect(rows).toHaveLength(1000);
    const statuses = new Map<string, number>();
    for (const row of rows) statuses.set(row.friendStatus, (statuses.get(row.friendStatus) ?? 0) + 1);
    expect(statuses.get('friend')).toBeGreaterThan(800);
    expect(statuses.get('deleted_us')).toBeGreaterThan(10);
    expect(statuses.get('stranger')).toBeGreaterThan(10);
    const counts = await handle()
      .db.select()
      .from(contactActivity)
      .where(
        inArray(
          contactActivity.contactId,
          rows.map((r) => r.id),
        ),
      );
    expect(counts).toHaveLength(1000);
    for (const row of counts) expect(row.counts).toHaveLength(168);
    expect(rows.some((r) => r.tags.length > 0)).toBe(true);
    expect(rows.every((r) => typeof r.attributes.city === 'string')).toBe(true);

    const friend = rows.find((r) => r.friendStatus === 'friend' && ids.includes(r.id))!;
    const sent = await send(friend.id, 'friend');
    expect(sent.status).toBe('sent');
  });

  it('makes the next send fail as not a friend after the contact deletes us', async () => {
    const db = handle().db;
    const [friend] = await db
      .select()
      .from(contacts)
      .where(inArray(contacts.id, ids))
      .then((rows) => rows.filter((r) => r.friendStatus === 'friend').slice(1, 2));
    const res = await post(`/api/sandbox/contacts/${friend!.id}/delete-us`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: friend!.id });
    const failed = await send(friend!.id, 'deleted');
    expect(failed.status).toBe('failed');
    const [after] = await db.select().from(contacts).where(eq(contacts.id, friend!.id));
    expect(after!.friendStatus).toBe('deleted_us');
  });

  it("refuses another workspace's contacts (404) and bad counts (400)", async () => {
    const db = handle().db;
    const other = await addWorkspace(db, 'Other');
    const [stranger] = await db
      .insert(contacts)
      .values({
        workspaceId: other.workspaceId,
        botAccountId: other.sandboxId,
        puppetId: 'other-1',
        name: 'Other',
        friendStatus: 'friend',
      })
      .returning();
    const gone = await post(`/api/sandbox/contacts/${stranger!.id}/delete-us`);
    expect(gone.statusCode).toBe(404);
    const foreignAccount = await post('/api/sandbox/contacts/bulk', {
      count: 5,
      botAccountId: other.sandboxId,
    });
    expect(foreignAccount.statusCode).toBe(404);
    for (const count of [0, 100_000, 'x', 2.5, -1])
      expect((await post('/api/sandbox/contacts/bulk', { count })).statusCode, String(count)).toBe(400);
    expect((await post('/api/sandbox/contacts/bulk', { count: 5, activity: 'flat' })).statusCode).toBe(400);
    expect((await post('/api/sandbox/contacts/not-a-uuid/delete-us')).statusCode).toBe(400);
  });

  it('defaults to 1,000 contacts', async () => {
    const res = await post('/api/sandbox/contacts/bulk', {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(1000);
  });
});
