// Bad input gets a 4xx with field paths, never a 500 (API.md "Errors"): malformed JSON, hostile
// strings and numbers named by field, deep or prototype-poisoning JSON, empty bodies where none is needed.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { botAccounts, contacts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('bad input', (db) => {
  let app: App;
  let owner: Session;
  let flowId: string;
  let botId: string;
  let contactId: string;
  beforeAll(async () => {
    let workspaceId: string | undefined;
    ({ app, workspaceId } = await testApp(db()));
    owner = await login(app);
    const graph = {
      nodes: [{ id: 'in', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} }],
      edges: [],
    };
    flowId = (await call('POST', '/api/flows', { name: 'Published', graph })).json().id;
    await call('POST', `/api/flows/${flowId}/publish`);
    const [bot] = await db().db.select().from(botAccounts).where(eq(botAccounts.workspaceId, workspaceId!));
    botId = bot!.id;
    const [contact] = await db()
      .db.insert(contacts)
      .values({ workspaceId: workspaceId!, botAccountId: botId, puppetId: 'p-1', name: 'Xiaomei' })
      .returning();
    contactId = contact!.id;
  });
  afterAll(() => app?.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object | string,
    contentType?: string,
  ) =>
    app.inject({
      method,
      url,
      payload,
      headers: {
        ...(method === 'GET' ? { cookie: owner.cookie } : owner.headers),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
    });
  /** The `{path: message}` pairs of a 400 `invalid_request`. */
  const fields = (res: { statusCode: number; json(): { error: { code: string; details: unknown } } }) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    return Object.fromEntries(
      (res.json().error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]),
    );
  };

  const send = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/members',
      payload,
      headers: { ...owner.headers, 'content-type': 'application/json', ...headers },
    });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await send('{"email": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('lists the field paths of wrong types and missing fields', async () => {
    const res = await send(JSON.stringify({ email: 42, role: 'emperor' }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_request');
    const paths = body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.email', 'body.password', 'body.role']);
  });

  it('gives each field its zod issue code and parameters, for a client to phrase in its language', async () => {
    const res = await send(JSON.stringify({ email: 42, role: 'emperor' }));
    const byPath = Object.fromEntries(
      res.json().error.details.map((d: { path: string }) => [d.path, d] as const),
    );
    expect(byPath['body.email']).toMatchObject({
      code: 'invalid_type',
      expected: 'string',
      received: 'number',
    });
    expect(byPath['body.password']).toMatchObject({ code: 'invalid_type', received: 'undefined' });
    expect(byPath['body.role']).toMatchObject({
      code: 'invalid_value',
      values: expect.arrayContaining(['owner']),
    });
    const slow = await call('PATCH', `/api/bots/${botId}`, { limits: { messagesPerMinute: 0 } });
    expect(slow.json().error.details).toContainEqual(
      expect.objectContaining({
        path: 'body.limits.messagesPerMinute',
        code: 'too_small',
        origin: 'number',
        minimum: 1,
        inclusive: true,
        message: expect.any(String),
      }),
    );
    const nul = await call('POST', '/api/flows', { name: 'a\u0000b' });
    expect(nul.json().error.details).toEqual([
      expect.objectContaining({
        path: 'body.name',
        code: 'custom',
        params: { code: 'nul_character', part: 'text' },
      }),
    ]);
  });

  it('rejects a non-uuid id, an unknown route and a wrong content type without a 500', async () => {
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/members/not-a-uuid',
      headers: owner.headers,
    });
    expect(del.statusCode).toBe(400);
    const nowhere = await app.inject({ url: '/api/nowhere', headers: { cookie: owner.cookie } });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json().error).toMatchObject({
      code: 'not_found',
      details: { params: { what: 'route', method: 'GET', path: '/api/nowhere' } },
    });
    expect((await send('<email/>', { 'content-type': 'application/xml' })).statusCode).toBe(415);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('invalid_json');
  });

  it('answers every error in the one error shape', async () => {
    const res = await app.inject({ url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    // The router's own errors too: a path that is no valid URL, a path parameter 1 MB long.
    for (const [url, status] of [
      ['/api/flows/%ED%A0%80', 400],
      ['/c/%zz', 400],
      [`/api/flows/${'a'.repeat(1_000_000)}`, 414],
    ] as const) {
      const routed = await app.inject({ url, headers: { cookie: owner.cookie } });
      expect(routed.statusCode).toBe(status);
      expect(routed.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
      expect(routed.body.length).toBeLessThan(200);
    }
  });

  it('names the field that holds a NUL byte or a lone surrogate, also before login', async () => {
    const nul = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@example.com\u0000', password: 'x' },
    });
    expect(fields(nul)).toEqual({ 'body.email': 'must not contain NUL (\\u0000) characters' });
    const surrogate = await call('POST', '/api/flows', { name: 'Bad \uD800 name' });
    expect(fields(surrogate)).toEqual({ 'body.name': 'must be valid Unicode (no lone UTF-16 surrogates)' });
    const inGraph = await call('POST', '/api/flows', {
      name: 'Graph',
      graph: { nodes: [{ id: 'in', type: 'send', data: { text: 'hi\u0000' } }], edges: [] },
    });
    expect(Object.keys(fields(inGraph))).toEqual(['body.graph.nodes.0.data.text']);
    expect(Object.keys(fields(await call('GET', '/api/messages?q=a%00b')))).toEqual(['querystring.q']);
    expect(Object.keys(fields(await call('GET', '/api/contacts?tag=%00')))).toEqual(['querystring.tag']);
  });

  it('refuses numbers beyond int4 and malformed cursors by field', async () => {
    expect(Object.keys(fields(await call('GET', `/api/flows/${flowId}/versions/2147483648`)))).toEqual([
      'params.version',
    ]);
    expect(Object.keys(fields(await call('GET', `/api/flows/${flowId}/stats?version=2147483648`)))).toEqual([
      'querystring.version',
    ]);
    expect(Object.keys(fields(await call('GET', `/api/flows/${flowId}/stats?version=1e3`)))).toEqual([
      'querystring.version',
    ]);
    expect(
      Object.keys(fields(await call('GET', `/api/contacts/${contactId}/messages?before=1e308`))),
    ).toEqual(['querystring.before']);
    const forged = Buffer.from('2020-01-01T00:00:00.000Z|not-a-uuid').toString('base64url');
    expect(fields(await call('GET', `/api/contacts?cursor=${forged}`))).toEqual({
      'querystring.cursor': 'must be a nextCursor this API answered',
    });
    expect(Object.keys(fields(await call('GET', '/api/contacts?cursor=!!!')))).toEqual([
      'querystring.cursor',
    ]);
  });

  it('takes the empty query parameters API.md writes as absent', async () => {
    expect((await call('GET', '/api/contacts?q=&tag=&limit=50&cursor=')).statusCode).toBe(200);
    expect((await call('GET', `/api/contacts/${contactId}/messages?limit=&before=`)).statusCode).toBe(200);
    const stats = await call('GET', `/api/flows/${flowId}/stats?version=`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json().version).toBe((await call('GET', `/api/flows/${flowId}/stats`)).json().version);
  });

  it('pages contacts with the cursor it answered', async () => {
    await db()
      .db.insert(contacts)
      .values({
        workspaceId: (await app.inject({ url: '/api/me', headers: { cookie: owner.cookie } })).json()
          .workspace.id,
        botAccountId: botId,
        puppetId: 'p-2',
        name: 'Second',
      });
    const first = (await call('GET', '/api/contacts?limit=1')).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await call('GET', `/api/contacts?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('answers an empty PATCH of a bot account with the account unchanged', async () => {
    const res = await call('PATCH', `/api/bots/${botId}`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: botId, name: 'Sandbox' });
  });

  it('refuses JSON nested deeper than 64 levels as invalid_json, without overflowing a stack', async () => {
    for (const depth of [65, 6000]) {
      const res = await call(
        'POST',
        '/api/flows',
        `${'['.repeat(depth)}${']'.repeat(depth)}`,
        'application/json',
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid_json',
        details: { params: { reason: 'too_deep', maxDepth: 64 } },
      });
    }
    const deepInField = `{"name":"x","graph":{"nodes":[],"edges":[],"meta":${'{"a":'.repeat(70)}1${'}'.repeat(70)}}}`;
    expect((await call('POST', '/api/flows', deepInField, 'application/json')).json().error.code).toBe(
      'invalid_json',
    );
    const deep64 = `{"name":"x","graph":{"nodes":[],"edges":[],"meta":${'['.repeat(61)}${']'.repeat(61)}}}`;
    expect((await call('POST', '/api/flows', deep64, 'application/json')).statusCode).toBe(201);
  });

  it('names a __proto__ key instead of calling the body invalid JSON', async () => {
    const res = await call(
      'PATCH',
      `/api/contacts/${contactId}`,
      '{"attributes":{"__proto__":"x"}}',
      'application/json',
    );
    expect(fields(res)).toEqual({ 'body.attributes.__proto__': 'is not allowed as a key' });
    const ctor = await call(
      'POST',
      '/api/flows',
      '{"name":"x","constructor":{"prototype":{"a":1}}}',
      'application/json',
    );
    expect(Object.keys(fields(ctor))).toEqual(['body.constructor.prototype']);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('takes an empty JSON body as no body on action endpoints, and still refuses a malformed one', async () => {
    const empty = (url: string) => call('POST', url, '', 'application/json');
    expect((await empty(`/api/flows/${flowId}/publish`)).statusCode).toBe(201);
    expect((await empty(`/api/flows/${flowId}/pause`)).statusCode).toBe(200);
    expect((await empty(`/api/bots/${botId}/start`)).statusCode).toBe(200);
    const malformed = await call('POST', `/api/flows/${flowId}/publish`, '{', 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_json');
    const needsBody = await call('POST', '/api/flows', '', 'application/json');
    expect(needsBody.statusCode).toBe(400);
    expect(needsBody.json().error.code).toBe('invalid_json');
  });
});
