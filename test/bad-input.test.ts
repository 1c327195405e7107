// Bad input gets a 4xx with field paths, never a 500 (API.md "Errors").
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('bad input', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    ({ app } = await testApp(db()));
    owner = await login(app);
  });
  afterAll(() => app?.close());

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

  it('rejects a non-uuid id, an unknown route and a wrong content type without a 500', async () => {
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/members/not-a-uuid',
      headers: owner.headers,
    });
    expect(del.statusCode).toBe(400);
    expect((await app.inject({ url: '/api/nowhere', headers: { cookie: owner.cookie } })).statusCode).toBe(
      404,
    );
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
  });
});
