// The `send` variant a contact got is kept with the message and with the node visit, so stats can
// compare variants and a transcript can say which text was sent.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { messages, nodeVisits, runs } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';

const TEXTS = ['早上好', '早呀', '早安～'];
const graph = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['早'] } },
    { id: 'friend', type: 'trigger.friend_request', position: { x: 300, y: 0 }, data: {} },
    {
      id: 'hi',
      type: 'send',
      position: { x: 0, y: 100 },
      data: { text: TEXTS[0], variants: TEXTS.slice(1) },
    },
  ],
  edges: [{ id: 'e1', source: 'kw', sourceHandle: 'next', target: 'hi' }],
};

describeDb('send variants', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    await publishGraph(db().db, started.workspaceId!, 'Morning', graph);
    owner = await login(app);
  });
  afterAll(() => app?.close());

  it('stores the picked variant with the sent message and the visit', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const post = (url: string, payload: object) =>
        app.inject({ method: 'POST', url, payload, headers: owner.headers }).then((r) => r.json());
      const contact = await post('/api/sandbox/contacts', { name: `c${i}` });
      await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '' });
      await db().db.execute(
        // WeChat lets only friends talk in private; this flow has no friend-request trigger to accept.
        (await import('drizzle-orm'))
          .sql`update contacts set friend_status = 'friend' where id = ${contact.id}`,
      );
      const { replies } = await post(`/api/sandbox/contacts/${contact.id}/messages`, { text: '早' });
      expect(replies).toHaveLength(1);
      const out = (await db().db.select().from(messages).where(eq(messages.contactId, contact.id))).find(
        (m) => m.direction === 'out',
      );
      expect(out!.variant).toBe(TEXTS.indexOf(out!.text));
      const [run] = (await db().db.select().from(runs).where(eq(runs.contactId, contact.id))).filter(
        (r) => r.currentNodeId === 'hi',
      );
      const visit = (await db().db.select().from(nodeVisits).where(eq(nodeVisits.runId, run!.id))).find(
        (v) => v.nodeId === 'hi',
      );
      expect(visit).toMatchObject({ nodeId: 'hi', variant: out!.variant });
      seen.add(out!.variant!);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
