// Auth and workspaces through the HTTP API (API.md "Auth and workspaces"), on every database driver.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { bootstrap } from '../server/auth/bootstrap.ts';
import { addMember } from '../server/auth/members.ts';
import { members, users, workspaces } from '../shared/db/schema.ts';
import { login, OWNER, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('auth', (db) => {
  let app: App;
  let owner: Session;

  beforeAll(async () => {
    ({ app } = await testApp(db()));
    owner = await login(app);
  });
  afterAll(() => app?.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('bootstraps exactly one workspace and one owner, once', async () => {
    expect(await bootstrap(db().db, { email: 'second@example.com', password: 'whatever-123' })).toBeNull();
    const ws = await db().db.select().from(workspaces);
    expect(ws.map((w) => w.name)).toEqual(['Default']);
    const owners = await db().db.select().from(members).where(eq(members.role, 'owner'));
    expect(owners).toHaveLength(1);
  });

  it('logs in with the right password only, and answers /api/me', async () => {
    expect((await post('/api/auth/login', { ...OWNER, password: 'wrong-password' })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: 'nobody@example.com', password: 'x' })).statusCode).toBe(
      401,
    );
    const res = await post('/api/auth/login', OWNER);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'wf_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = await app.inject({ url: '/api/me', headers: { cookie: `wf_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({
      user: { email: OWNER.email },
      workspace: { name: 'Default' },
      role: 'owner',
    });
  });

  it('stores session tokens and passwords hashed', async () => {
    const [user] = await db().db.select().from(users).where(eq(users.email, OWNER.email));
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await db().db.execute('select token_hash from sessions'))).not.toContain(
      owner.cookie.split('=')[1],
    );
  });

  it('refuses a cookie mutation without the CSRF header, and accepts it with', async () => {
    const body = { email: 'm1@example.com', password: 'password-m1', role: 'marketer' };
    expect((await post('/api/members', body, { cookie: owner.cookie })).statusCode).toBe(403);
    expect(
      (await post('/api/members', body, { cookie: owner.cookie, 'x-csrf-token': 'nope' })).statusCode,
    ).toBe(403);
    expect((await post('/api/members', body, owner.headers)).statusCode).toBe(201);
  });

  it('logs out: the session no longer works', async () => {
    const s = await login(app);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('authenticates API keys without CSRF, shows the key once, and refuses a revoked key', async () => {
    const created = await post('/api/api-keys', { name: 'ci', role: 'marketer' }, owner.headers);
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    const bearer = { authorization: `Bearer ${key}` };
    const me = await app.inject({ url: '/api/me', headers: bearer });
    expect(me.json()).toMatchObject({ role: 'marketer', user: null, csrfToken: null });
    const list = await app.inject({ url: '/api/api-keys', headers: { cookie: owner.cookie } });
    expect(JSON.stringify(list.json())).not.toContain(key);
    // A marketer key may not create members, but the request gets past CSRF (403 for the role, not CSRF).
    const denied = await post(
      '/api/members',
      { email: 'x@example.com', password: 'password-x', role: 'viewer' },
      bearer,
    );
    expect(denied.json().error.message).toMatch(/role/);
    const revoke = await app.inject({ method: 'DELETE', url: `/api/api-keys/${id}`, headers: owner.headers });
    expect(revoke.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: bearer })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: '/api/me', headers: { authorization: 'Bearer made-up' } })).statusCode,
    ).toBe(401);
  });

  it('lets a viewer read but not create', async () => {
    const viewer = { email: 'viewer@example.com', password: 'password-viewer' };
    expect((await post('/api/members', { ...viewer, role: 'viewer' }, owner.headers)).statusCode).toBe(201);
    const s = await login(app, viewer);
    expect((await app.inject({ url: '/api/members', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const res = await post('/api/api-keys', { name: 'v', role: 'viewer' }, s.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('does not let an admin grant owner', async () => {
    const admin = { email: 'admin@example.com', password: 'password-admin' };
    await post('/api/members', { ...admin, role: 'admin' }, owner.headers);
    const s = await login(app, admin);
    expect(
      (
        await post(
          '/api/members',
          { email: 'o2@example.com', password: 'password-o2', role: 'owner' },
          s.headers,
        )
      ).statusCode,
    ).toBe(403);
  });

  it("answers 404 to a user of another workspace on this workspace's resources", async () => {
    const [other] = await db().db.insert(workspaces).values({ name: 'Other' }).returning();
    const stranger = { email: 'stranger@example.com', password: 'password-stranger' };
    await addMember(db().db, other!.id, { ...stranger, role: 'owner' });
    const s = await login(app, stranger);
    const mine = (await app.inject({ url: '/api/members', headers: { cookie: owner.cookie } })).json();
    const theirs = (await app.inject({ url: '/api/members', headers: { cookie: s.cookie } })).json();
    expect(theirs.map((m: { email: string }) => m.email)).toEqual([stranger.email]);
    const victim = mine.find((m: { email: string }) => m.email !== OWNER.email);
    const del = await app.inject({ method: 'DELETE', url: `/api/members/${victim.id}`, headers: s.headers });
    expect(del.statusCode).toBe(404);
    const key = (await post('/api/api-keys', { name: 'a', role: 'viewer' }, owner.headers)).json();
    const revoke = await app.inject({ method: 'DELETE', url: `/api/api-keys/${key.id}`, headers: s.headers });
    expect(revoke.statusCode).toBe(404);
    expect(
      (await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${key.key}` } })).statusCode,
    ).toBe(200);
  });

  it('rate limits repeated login failures with 429', async () => {
    const limited = (await testApp(db(), { loginAttemptsPerMinute: 3 })).app;
    const attempt = () =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { ...OWNER, password: 'bad-password' },
      });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    expect((await attempt()).json().error.code).toBe('rate_limited');
    await limited.close();
  });
});
