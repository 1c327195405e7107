// A card's name (`label`, #17) reaches the screens outside the editor: the contact's runs (contact
// detail, inbox side panel) and the review list name the node by its label, and by nothing where
// it has none.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { botAccounts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { contactsTalk } from './support/contacts-talk.ts';
import { describeDb } from './support/db.ts';

const graph = (label?: string) => ({
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['hi'] } },
    {
      id: 'ask_n4si',
      type: 'ask',
      position: { x: 0, y: 100 },
      ...(label ? { label } : {}),
      data: { question: '你在哪个城市？', saveAs: 'city' },
    },
  ],
  edges: [{ id: 'e1', source: 'kw', sourceHandle: 'next', target: 'ask_n4si' }],
});

describeDb('node labels outside the editor', (db) => {
  let app: App;
  let owner: Session;
  let workspaceId: string;

  beforeAll(async () => {
    ({ app, workspaceId } = (await testApp(db())) as { app: App; workspaceId: string });
    owner = await login(app);
  });
  afterAll(() => app.close());

  const call = async (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) => {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: owner.cookie } : owner.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };

  it("names a contact's current node by its label, and by nothing without one", async () => {
    const [account] = await db()
      .db.select({ id: botAccounts.id, workspaceId: botAccounts.workspaceId })
      .from(botAccounts)
      .where(eq(botAccounts.workspaceId, workspaceId));
    const { say } = contactsTalk(
      () => db().db,
      () => ({ ...account!, timeZone: 'Asia/Shanghai' }),
    );
    const labelled = (await call('/api/flows', 'POST', { name: 'Labelled', graph: graph('问城市') })).body.id;
    expect((await call(`/api/flows/${labelled}/publish`, 'POST')).status).toBe(201);
    const result = await say('label-1', 'hi', new Date());
    const detail = await call(`/api/contacts/${result.contactId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.runs).toMatchObject([{ currentNodeId: 'ask_n4si', currentNodeLabel: '问城市' }]);

    const plain = (await call('/api/flows', 'POST', { name: 'Plain', graph: graph() })).body.id;
    await call(`/api/flows/${labelled}/archive`, 'POST');
    expect((await call(`/api/flows/${plain}/publish`, 'POST')).status).toBe(201);
    const other = await say('label-2', 'hi', new Date());
    const plainDetail = await call(`/api/contacts/${other.contactId}`);
    expect(plainDetail.body.runs).toMatchObject([{ currentNodeId: 'ask_n4si', currentNodeLabel: null }]);
  });
});
