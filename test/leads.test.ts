// Website leads end to end in the sandbox (API.md "Leads"): a website's API key posts a lead, the
// bot's friend add goes out through the outbox (paced as friend adds), the simulated person accepts,
// and the lead flow starts with the lead's attributes. Bad phones, duplicates and a lead who is a
// friend already are handled.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { OUTBOX_KIND_TABLE } from '../runtime/dispatcher/kinds.ts';
import { nextSlot, type PacingState } from '../runtime/dispatcher/pacing.ts';
import type { App } from '../server/app.ts';
import { type BotLimits, SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, leads, outbox, runs } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph } from './support/runtime.ts';

describeDb('website leads', (db) => {
  let app: App;
  let owner: Session;
  let key: string;
  let workspaceId: string;
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    workspaceId = started.workspaceId!;
    await publishGraph(db().db, workspaceId, 'Leads', fixtureGraph('lead'));
    owner = await login(app);
    const created = await app.inject({
      method: 'POST',
      url: '/api/api-keys',
      payload: { name: 'website', role: 'marketer' },
      headers: owner.headers,
    });
    key = created.json().key;
  });
  afterAll(() => app?.close());

  const website = (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/leads',
      payload,
      headers: { authorization: `Bearer ${key}` },
    });
  const leadRow = async (id: string) => (await db().db.select().from(leads).where(eq(leads.id, id)))[0]!;
  const until = (probe: () => Promise<boolean>) =>
    vi.waitFor(
      async () => {
        if (!(await probe())) throw new Error('not yet');
      },
      { timeout: 15_000, interval: 25 },
    );

  it('adds a lead as a friend, and starts the lead flow with its attributes when they accept', async () => {
    const posted = await website({
      phone: '+86 138-0013-8000',
      name: '王女士',
      attributes: { course: '瑜伽体验课' },
    });
    expect(posted.statusCode).toBe(202);
    expect(posted.json()).toMatchObject({ status: 'queued', duplicate: false });
    const { id } = posted.json();
    await until(async () => (await leadRow(id)).status === 'requested');
    const requested = await leadRow(id);
    expect(requested.phone).toBe('13800138000');

    const accepted = await app.inject({
      method: 'POST',
      url: `/api/sandbox/leads/${id}/accept`,
      headers: owner.headers,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().replies.map((r: { text: string }) => r.text)).toEqual([
      '王女士，感谢在官网报名瑜伽体验课！',
    ]);
    const [contact] = await db().db.select().from(contacts).where(eq(contacts.id, requested.contactId!));
    expect(contact).toMatchObject({ friendStatus: 'friend', attributes: { course: '瑜伽体验课' } });
    expect((await leadRow(id)).status).toBe('accepted');

    const list = await app.inject({ url: '/api/leads?status=accepted', headers: { cookie: owner.cookie } });
    expect(list.json().items.map((l: { id: string }) => l.id)).toEqual([id]);
    // Accepting twice is refused: the lead is no longer waiting.
    const again = await app.inject({
      method: 'POST',
      url: `/api/sandbox/leads/${id}/accept`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses bad phones with 400 naming the field, and makes one lead of one phone', async () => {
    for (const phone of ['12345', '2380013800', '１３８', ''])
      expect((await website({ phone })).json().error.details, phone).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'body.phone' })]),
      );
    expect((await website({ name: 'nobody' })).statusCode).toBe(400);
    const first = (await website({ phone: '13900139000' })).json();
    const second = (await website({ phone: '139 0013 9000' })).json();
    expect(second).toEqual({ id: first.id, status: expect.any(String), duplicate: true });
    const adds = await db()
      .db.select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'friend_add'), eq(outbox.idempotencyKey, `add:${first.id}`)));
    expect(adds).toHaveLength(1);
  });

  it('starts the lead flow at once, sending no request, for a lead who is a friend already', async () => {
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: owner.headers }).then((r) => r.json());
    const friend = await post('/api/sandbox/contacts', { name: '老朋友' });
    await post(`/api/sandbox/contacts/${friend.id}/friend-request`, { hello: '' });
    await db()
      .db.update(contacts)
      .set({ friendStatus: 'friend', attributes: { phone: '13700137000' } })
      .where(eq(contacts.id, friend.id));
    const posted = (await website({ phone: '13700137000', attributes: { course: '普拉提' } })).json();
    expect(posted).toMatchObject({ status: 'accepted', duplicate: false });
    const [run] = await db().db.select().from(runs).where(eq(runs.contactId, friend.id));
    expect(run).toMatchObject({ status: 'completed', currentNodeId: 'added' });
    const adds = await db()
      .db.select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `add:${posted.id}`));
    expect(adds).toEqual([]);
  });

  it('takes a pasted list, answering each row, and paces friend adds by the account’s budget', async () => {
    // Room for two more adds this hour, beside the ones the tests above sent.
    const sent = await db()
      .db.select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'friend_add'), eq(outbox.status, 'sent')));
    await db()
      .db.update(botAccounts)
      .set({ limits: { ...SANDBOX_LIMITS, addsPerHour: sent.length + 2 } })
      .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')));
    const bulk = await app.inject({
      method: 'POST',
      url: '/api/leads/bulk',
      payload: {
        leads: [
          { phone: '13600136001' },
          { phone: 'not a phone' },
          { phone: '13600136002' },
          { phone: '13600136003' },
        ],
      },
      headers: owner.headers,
    });
    expect(bulk.statusCode).toBe(200);
    const results = bulk.json().results;
    expect(results[1]).toMatchObject({ row: 1, errors: [expect.objectContaining({ path: 'phone' })] });
    const ids = [results[0].id, results[2].id, results[3].id];
    // At most two adds in any hour: two go out, the third waits in the outbox for the hour to pass.
    await until(
      async () => (await Promise.all(ids.map(leadRow))).filter((l) => l.status === 'requested').length === 2,
    );
    const waiting = (await Promise.all(ids.map(leadRow))).filter((l) => l.status === 'queued');
    expect(waiting).toHaveLength(1);
    const addOf = async () =>
      (
        await db()
          .db.select()
          .from(outbox)
          .where(eq(outbox.idempotencyKey, `add:${waiting[0]!.id}`))
      )[0]!;
    // It waits as its kind's pacing says — the account's next add is about an hour out (the pacing is
    // written just after the add is marked sent, so it is read until it shows) — and its row keeps its
    // place (paced by reading, never rewritten); passes of the dispatcher leave it queued.
    const nextAdd = async () => {
      const [account] = await db()
        .db.select()
        .from(botAccounts)
        .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')));
      const budget = OUTBOX_KIND_TABLE.friend_add!.budget(account!.limits as BotLimits);
      return nextSlot(budget, account!.pacing as PacingState | null, 'friend_add', Date.now(), 'UTC').at;
    };
    await until(async () => (await nextAdd()) > Date.now() + 50 * 60_000);
    const before = (await addOf()).notBefore.getTime();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await addOf()).toMatchObject({ status: 'queued', notBefore: new Date(before) });
  });
});
