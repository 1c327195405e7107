// GET /api/flows/:id/experiments: arms of splits and send variants with their conversions to a goal,
// a winner only when significant on enough contacts, a holdout's lift, and bad input as 4xx.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArmSeed, seedExperiment } from '../bench/analytics-experiments.ts';
import type { App } from '../server/app.ts';
import { type ExperimentsBody, experimentsBody } from '../shared/api/experiments.ts';
import { botAccounts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { card, edge } from './support/graph.ts';
import { publishGraph } from './support/runtime.ts';
import { addWorkspace } from './support/tenants.ts';

/** kw → split (a → send, b → wait → coupon, hold → goal: sends nothing) ; send with variants → goal. */
const graph = {
  nodes: [
    card('kw', 'trigger.keyword', { keywords: ['hi'] }),
    card('ab', 'split', {
      branches: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 1 },
        { name: 'hold', weight: 1 },
      ],
    }),
    card('send_a', 'send', { text: 'A' }),
    card('wait_b', 'wait', { duration: 'P1D' }),
    card('coupon_b', 'coupon', { pool: 'welcome', text: '{{coupon.code}}' }),
    card('hello', 'send', { text: '你好', variants: ['您好'] }),
    card('goal', 'goal', { name: 'bought' }),
    card('goal2', 'goal', { name: 'lead' }),
  ],
  edges: [
    edge('kw', 'next', 'ab'),
    edge('ab', 'a', 'send_a'),
    edge('ab', 'b', 'wait_b'),
    edge('wait_b', 'next', 'coupon_b'),
    edge('ab', 'hold', 'goal'),
    edge('send_a', 'next', 'hello'),
    edge('hello', 'next', 'goal2'),
  ],
};

const arms = (...list: [string, number, number][]): ArmSeed[] =>
  list.map(([key, contacts, converted]) => ({ key, contacts, converted }));

describeDb('experiments API', (db) => {
  let app: App;
  let owner: Session;
  let flowId: string;
  let seedScope: { workspaceId: string; botAccountId: string; flowId: string; flowVersionId: string };
  const get = (url: string, who: Session = owner) => app.inject({ method: 'GET', url, headers: who.headers });
  const experiments = async (query = '') => {
    const res = await get(`/api/flows/${flowId}/experiments${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return experimentsBody.parse(res.json()) as ExperimentsBody;
  };

  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    owner = await login(app);
    const workspaceId = started.workspaceId!;
    const published = await publishGraph(db().db, workspaceId, 'AB', graph);
    flowId = published.flowId;
    const [account] = await db()
      .db.select({ id: botAccounts.id })
      .from(botAccounts)
      .where(eq(botAccounts.workspaceId, workspaceId));
    seedScope = { workspaceId, botAccountId: account!.id, ...published };
    await seedExperiment(db().db, {
      ...seedScope,
      goal: 'bought',
      at: new Date('2025-03-01T00:00:00Z'),
      nodes: [
        { nodeId: 'ab', type: 'split', arms: arms(['a', 1000, 150], ['b', 1000, 100], ['hold', 1000, 50]) },
      ],
    });
    // Sent variants, far from significant: 30/300 vs 33/300; their contacts reached `lead`.
    await seedExperiment(db().db, {
      ...seedScope,
      goal: 'lead',
      at: new Date('2025-04-01T00:00:00Z'),
      nodes: [{ nodeId: 'hello', type: 'send', arms: arms(['0', 300, 30], ['1', 300, 33]) }],
    });
  });
  afterAll(() => app?.close());

  it('lists every split and send with variants, arms counted to the first goal', async () => {
    const body = await experiments();
    expect(body).toMatchObject({ version: 1, goal: 'bought', goals: ['bought', 'lead'], minContacts: 100 });
    expect(body.experiments.map((e) => [e.nodeId, e.type])).toEqual([
      ['ab', 'split'],
      ['hello', 'send'],
    ]);
    const split = body.experiments[0]!;
    expect(split.arms.map((a) => [a.key, a.contacts, a.converted, a.holdout])).toEqual([
      ['a', 1000, 150, false],
      ['b', 1000, 100, false],
      ['hold', 1000, 50, true],
    ]);
    const [a] = split.arms;
    expect(a!.rate).toBeCloseTo(0.15, 10);
    expect(a!.ci95[0]).toBeLessThan(0.15);
    expect(a!.ci95[1]).toBeGreaterThan(0.15);
    expect(split.winner).toBe('a');
    expect(split.pValue).toBeLessThan(0.05);
    // The send's contacts converted to `lead`, not to `bought`.
    expect(body.experiments[1]!.arms.map((arm) => [arm.label, arm.contacts, arm.converted])).toEqual([
      ['你好', 300, 0],
      ['您好', 300, 0],
    ]);
  });

  it('measures the lift of each branch over the holdout', async () => {
    const [split] = (await experiments()).experiments;
    const [a, b, hold] = split!.arms;
    expect(hold!.lift).toBeNull();
    expect(a!.lift!.diff).toBeCloseTo(0.1, 10);
    expect(a!.lift!.relative).toBeCloseTo(2, 10);
    expect(a!.lift!.ci95[0]).toBeGreaterThan(0.07);
    expect(a!.lift!.ci95[1]).toBeLessThan(0.13);
    expect(b!.lift!.diff).toBeCloseTo(0.05, 10);
  });

  it('names no winner when the difference is not significant', async () => {
    const body = await experiments('?goal=lead');
    const send = body.experiments.find((e) => e.nodeId === 'hello')!;
    expect(send.arms.map((arm) => [arm.key, arm.contacts, arm.converted])).toEqual([
      ['0', 300, 30],
      ['1', 300, 33],
    ]);
    expect(send.pValue).toBeGreaterThan(0.05);
    expect(send.winner).toBeNull();
    expect(body.experiments[0]!.winner).toBeNull();
  });

  it('counts only contacts who entered within from … to (workspace days)', async () => {
    const march = await experiments('?from=2025-03-01&to=2025-03-31&goal=lead');
    expect(march.experiments.map((e) => e.arms.reduce((n, arm) => n + arm.contacts, 0))).toEqual([3000, 0]);
    const april = await experiments('?from=2025-04-01');
    expect(april.experiments.map((e) => e.arms.reduce((n, arm) => n + arm.contacts, 0))).toEqual([0, 600]);
    expect(april.from).toBe('2025-04-01');
  });

  it('counts a goal reached before the contact entered as no conversion', async () => {
    await seedExperiment(db().db, {
      ...seedScope,
      goal: 'early',
      at: new Date('2025-05-01T00:00:00Z'),
      nodes: [{ nodeId: 'ab', type: 'split', arms: arms(['a', 10, 10]) }],
    });
    await db().db.execute(
      (await import('drizzle-orm')).sql`update goals set created_at = '2025-04-30' where name = 'early'`,
    );
    const body = await experiments('?goal=early&from=2025-05-01');
    expect(body.experiments[0]!.arms[0]).toMatchObject({ contacts: 10, converted: 0 });
  });

  describe('bad input', () => {
    it.each([
      ['?version=abc', 400],
      ['?version=0', 400],
      ['?version=99', 404],
      ['?from=2025-13-01', 400],
      ['?from=2025-03-02&to=2025-03-01', 400],
      ['?goal=%00', 400],
      [`?goal=${'x'.repeat(61)}`, 400],
      ['?from=2025-03-01T00:00:00Z', 400],
    ])('%s → %i', async (query, status) => {
      const res = await get(`/api/flows/${flowId}/experiments${query}`);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBeTruthy();
    });

    it('answers 400 for an id that is no uuid and 404 for an unknown flow', async () => {
      expect((await get('/api/flows/nope/experiments')).statusCode).toBe(400);
      const res = await get('/api/flows/00000000-0000-4000-8000-000000000000/experiments');
      expect(res.statusCode).toBe(404);
    });

    it("answers 404 for another workspace's flow", async () => {
      const other = await addWorkspace(db().db, 'Other');
      const session = await login(app, other.owner);
      const res = await get(`/api/flows/${flowId}/experiments`, session);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.details.params.what).toBe('flow');
    });
  });
});
