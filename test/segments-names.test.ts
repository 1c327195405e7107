// GET /api/segments/names: the goal names and attribute keys the segment builder offers — from the
// published flows' cards, the goals contacts reached and the keys contacts carry; never another
// workspace's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, goals, runs } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';
import { addWorkspace } from './support/tenants.ts';

const graph = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['报名'] } },
    { id: 'q', type: 'ask', position: { x: 0, y: 1 }, data: { question: '哪个城市？', saveAs: 'city' } },
    { id: 'a', type: 'set_attribute', position: { x: 0, y: 2 }, data: { key: 'source', value: '活动' } },
    { id: 'g', type: 'goal', position: { x: 0, y: 3 }, data: { name: '报名' } },
  ],
  edges: [
    { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'q' },
    { id: 'e2', source: 'q', sourceHandle: 'answered', target: 'a' },
    { id: 'e3', source: 'a', sourceHandle: 'next', target: 'g' },
  ],
};

describeDb('segment names API', (db) => {
  let app: App;
  let owner: Session;
  let other: Session;

  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    owner = await login(app);
    const workspaceId = started.workspaceId!;
    const elsewhere = await addWorkspace(db().db, 'Other');
    other = await login(app, elsewhere.owner);
    const d = db().db;
    const published = await publishGraph(d, workspaceId, 'Sign-up', graph);
    expect(published.flowVersionId).toBeTruthy();
    const [account] = await d
      .insert(botAccounts)
      .values({ workspaceId, name: 'Names', puppet: 'sandbox', limits: SANDBOX_LIMITS })
      .returning();
    const [person] = await d
      .insert(contacts)
      .values({
        workspaceId,
        botAccountId: account!.id,
        puppetId: randomUUID(),
        name: 'Mei',
        attributes: { age: 31, 会员等级: '金' },
      })
      .returning();
    const [run] = await d
      .insert(runs)
      .values({
        workspaceId,
        flowId: published.flowId,
        flowVersionId: published.flowVersionId,
        contactId: person!.id,
        status: 'completed',
        currentNodeId: 'g',
        startedAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    await d.insert(goals).values({
      workspaceId,
      flowVersionId: published.flowVersionId,
      runId: run!.id,
      contactId: person!.id,
      name: '购买',
    });
  });
  afterAll(() => app?.close());

  const names = (who: Session) =>
    app.inject({ method: 'GET', url: '/api/segments/names', headers: { cookie: who.cookie } });

  it('offers the flows’ goals and attributes, the goals reached and the keys contacts carry', async () => {
    const res = await names(owner);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.goals).toEqual(expect.arrayContaining(['报名', '购买']));
    expect(body.attributes).toEqual(expect.arrayContaining(['city', 'source', 'age', '会员等级']));
    expect(new Set(body.goals).size).toBe(body.goals.length);
  });

  it('shows another workspace none of them, and no one signed out', async () => {
    expect((await names(other)).json()).toEqual({ goals: [], attributes: [] });
    expect((await app.inject({ method: 'GET', url: '/api/segments/names' })).statusCode).toBe(401);
  });
});
