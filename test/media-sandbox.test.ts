// A flow that sends an image and a link card runs in the sandbox: the image uploaded by the
// marketer goes out through the outbox as its bytes, the card as a card; both reach the simulated
// phone and show in the transcript.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Runtime } from '../runtime/runtime.ts';
import type { App } from '../server/app.ts';
import { botAccounts, contacts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';

/** The smallest valid PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describeDb('media messages in the sandbox', (db) => {
  let app: App;
  let runtime: Runtime;
  let owner: Session;
  let workspaceId: string;
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    runtime = started.runtime!;
    workspaceId = started.workspaceId!;
    owner = await login(app);
  });
  afterAll(() => app?.close());

  it('sends an uploaded image and a link card after their texts', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/media',
      payload: PNG,
      headers: { ...owner.headers, 'content-type': 'image/png' },
    });
    expect(upload.statusCode).toBe(201);
    const image = upload.json();
    const link = {
      kind: 'link',
      url: 'https://example.com/spring',
      title: '春季新品',
      description: '限时 8 折',
    };
    await publishGraph(db().db, workspaceId, 'Media', {
      nodes: [
        { id: 'hi', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
        { id: 'kw', type: 'trigger.keyword', position: { x: 300, y: 0 }, data: { keywords: ['新品'] } },
        {
          id: 'photo',
          type: 'send',
          position: { x: 300, y: 100 },
          data: { text: '看看这款', media: { kind: 'image', mediaId: image.id } },
        },
        { id: 'card', type: 'send', position: { x: 300, y: 200 }, data: { text: '详情在这里', media: link } },
      ],
      edges: [
        { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'photo' },
        { id: 'e2', source: 'photo', sourceHandle: 'next', target: 'card' },
      ],
    });
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: owner.headers }).then((r) => r.json());
    const contact = await post('/api/sandbox/contacts', { name: '小美' });
    await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '' });
    const { replies } = await post(`/api/sandbox/contacts/${contact.id}/messages`, { text: '有新品吗' });
    expect(replies.map((r: { text: string }) => r.text)).toEqual(['看看这款', '详情在这里']);

    const transcript = (
      await app.inject({
        url: `/api/sandbox/contacts/${contact.id}/transcript`,
        headers: { cookie: owner.cookie },
      })
    ).json();
    expect(transcript.filter((m: { direction: string }) => m.direction === 'out')).toMatchObject([
      { text: '看看这款', media: { kind: 'image', mediaId: image.id } },
      { text: '详情在这里', media: link },
    ]);

    // What the simulated phone received: the image's own bytes, then the card.
    const [account] = await db()
      .db.select()
      .from(botAccounts)
      .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')));
    const [row] = await db().db.select().from(contacts).where(eq(contacts.id, contact.id));
    const received = runtime.driver(account!.id)!.sandbox!.received(row!.puppetId);
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({ kind: 'image', mime: 'image/png' });
    expect(Buffer.compare((received[0] as { data: Buffer }).data, PNG)).toBe(0);
    expect(received[1]).toMatchObject(link);
  });
});
