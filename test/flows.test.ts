// Flows through the HTTP API with the runtime in the sandbox: drafts, lint, publish (422 on errors),
// runs pinned to their version, exact per-node stats, and the live stats stream.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('flows API', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    ({ app } = await testApp(db(), { runtime: true }));
    owner = await login(app);
    // Friend requests are accepted only for a published friend-request flow; the sandbox sends only to friends.
    const accept = {
      nodes: [{ id: 'in', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} }],
      edges: [],
    };
    const { body } = await call('POST', '/api/flows', { name: 'Accept friends', graph: accept });
    await call('POST', `/api/flows/${body.id}/publish`);
  });
  afterAll(() => app?.close());

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: owner.cookie } : owner.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  }
  const greeting = (text: string) => ({
    nodes: [
      { id: 'start', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['hi'] } },
      { id: 'hello', type: 'send', position: { x: 0, y: 100 }, data: { text } },
      { id: 'wait', type: 'wait_reply', position: { x: 0, y: 200 }, data: { timeout: 'P1D' } },
      { id: 'bye', type: 'send', position: { x: 0, y: 300 }, data: { text: `${text} bye` } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'wait' },
      { id: 'e3', source: 'wait', sourceHandle: 'replied', target: 'bye' },
    ],
  });

  it('saves a draft with lint errors, refuses to publish it with 422, and publishes once fixed', async () => {
    const created = await call('POST', '/api/flows', { name: 'Greeting' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const broken = {
      nodes: [{ id: 'x', type: 'send', position: { x: 0, y: 0 }, data: { text: '' } }],
      edges: [],
    };
    expect((await call('PUT', `/api/flows/${id}`, { graph: broken })).status).toBe(200);
    expect((await call('PUT', `/api/flows/${id}`, { graph: { nodes: 'no' } })).status).toBe(400);
    const lint = await call('POST', `/api/flows/${id}/validate`);
    expect(lint.body.errors.map((e: { code: string }) => e.code)).toContain('no_trigger');
    // Each issue carries the values its sentence is built from, for a client to phrase it.
    expect(lint.body.errors).toContainEqual(
      expect.objectContaining({
        code: 'invalid_data',
        params: expect.objectContaining({ nodeType: 'send', fieldKey: 'text', issue: expect.any(Object) }),
      }),
    );
    const refused = await call('POST', `/api/flows/${id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_flow',
      details: { errors: expect.any(Array), warnings: expect.any(Array), params: { action: 'publish' } },
    });
    await call('PUT', `/api/flows/${id}`, { graph: greeting('v1') });
    expect((await call('POST', `/api/flows/${id}/publish`)).body).toMatchObject({ version: 1 });
    expect((await call('GET', `/api/flows/${id}`)).body).toMatchObject({
      id,
      status: 'published',
      publishedVersion: 1,
    });
  });

  it('keeps waiting contacts on v1 after v2 is published, and counts each version exactly', async () => {
    const flow = (await call('GET', '/api/flows')).body.find((f: { name: string }) => f.name === 'Greeting');
    const contact = async (name: string) => (await call('POST', '/api/sandbox/contacts', { name })).body.id;
    const say = async (id: string, text: string) =>
      (await call('POST', `/api/sandbox/contacts/${id}/messages`, { text })).body.replies.map(
        (r: { text: string }) => r.text,
      );
    const early = await contact('early');
    await call('POST', `/api/sandbox/contacts/${early}/friend-request`, { hello: '' });
    expect(await say(early, 'hi')).toEqual(['v1']);
    await call('PUT', `/api/flows/${flow.id}`, { graph: greeting('v2') });
    expect((await call('POST', `/api/flows/${flow.id}/publish`)).body.version).toBe(2);
    expect(await say(early, 'still here')).toEqual(['v1 bye']);
    const late = await contact('late');
    await call('POST', `/api/sandbox/contacts/${late}/friend-request`, { hello: '' });
    expect(await say(late, 'hi')).toEqual(['v2']);
    const v1 = await call('GET', `/api/flows/${flow.id}/stats?version=1`);
    expect(v1.body).toMatchObject({
      version: 1,
      runs: { completed: 1, waiting: 0 },
      nodes: {
        start: { entered: 1, here: 0, ports: { next: 1 } },
        wait: { entered: 1, ports: { replied: 1 } },
        bye: { entered: 1 },
      },
    });
    const v2 = await call('GET', `/api/flows/${flow.id}/stats`);
    expect(v2.body).toMatchObject({
      version: 2,
      runs: { waiting: 1 },
      nodes: { wait: { entered: 1, here: 1 }, bye: { entered: 0 } },
    });
    const versions = await call('GET', `/api/flows/${flow.id}/versions`);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('lists entered and goal counts of the published version, and archives a flow without losing it', async () => {
    const listed = (await call('GET', '/api/flows')).body;
    const greeting = listed.find((f: { name: string }) => f.name === 'Greeting');
    expect(greeting).toMatchObject({
      status: 'published',
      publishedVersion: 2,
      entered: 1,
      goals: 0,
      archived: false,
    });
    expect((await call('POST', `/api/flows/${greeting.id}/archive`)).body).toMatchObject({
      archived: true,
      status: 'paused',
    });
    expect((await call('GET', `/api/flows/${greeting.id}`)).status).toBe(404);
    const archived = (await call('GET', '/api/flows')).body.find((f: { id: string }) => f.id === greeting.id);
    expect(archived).toMatchObject({ archived: true, entered: 1 });
    expect((await call('POST', `/api/flows/${greeting.id}/unarchive`)).body.archived).toBe(false);
    expect((await call('POST', `/api/flows/${greeting.id}/resume`)).body.status).toBe('published');
  });

  it('pushes stats over SSE when a contact moves', async () => {
    const flow = (await call('GET', '/api/flows')).body.find((f: { name: string }) => f.name === 'Greeting');
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/flows/${flow.id}/stats/stream`, {
      headers: { cookie: owner.cookie },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const events: { nodes: Record<string, { entered: number }> }[] = [];
    let buffer = '';
    const next = async () => {
      for (;;) {
        const match = buffer.match(/event: stats\ndata: (.*)\n\n/);
        if (match) {
          buffer = buffer.slice(match.index! + match[0].length);
          return JSON.parse(match[1]!);
        }
        const { value } = await reader.read();
        buffer += new TextDecoder().decode(value);
      }
    };
    events.push(await next());
    const entered = events[0]!.nodes.start!.entered;
    // The turn announces its change on the bus; the stream must push it, with no timer of the test's.
    const announced = new Promise<void>((resolve) => {
      const off = app.bus.subscribe((e) => {
        if (e.kind !== 'stats' || e.flowId !== flow.id) return;
        off();
        resolve();
      });
    });
    const id = (await call('POST', '/api/sandbox/contacts', { name: 'sse' })).body.id;
    await call('POST', `/api/sandbox/contacts/${id}/friend-request`, { hello: '' });
    await call('POST', `/api/sandbox/contacts/${id}/messages`, { text: 'hi' });
    await announced;
    do events.push(await next());
    while (events.at(-1)!.nodes.start!.entered === entered);
    expect(events.at(-1)!.nodes.start!.entered).toBe(entered + 1);
    controller.abort();
  });

  it('lets a viewer read flows but not publish, and answers 404 for an unknown flow', async () => {
    await call('POST', '/api/members', {
      email: 'v@example.com',
      password: 'viewer-password',
      role: 'viewer',
    });
    const viewer = await login(app, { email: 'v@example.com', password: 'viewer-password' });
    const flow = (await call('GET', '/api/flows')).body.find((f: { name: string }) => f.name === 'Greeting');
    const res = await app.inject({
      method: 'POST',
      url: `/api/flows/${flow.id}/publish`,
      headers: viewer.headers,
    });
    expect(res.statusCode).toBe(403);
    expect((await call('GET', '/api/flows/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('GET', `/api/flows/${flow.id}/stats?version=9`)).status).toBe(404);
  });
});
