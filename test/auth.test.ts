// Auth and workspaces through the HTTP API (API.md "Auth and workspaces"), on every database driver.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, buildApp } from '../server/app.ts';
import { bootstrap } from '../server/auth/bootstrap.ts';
import { addMember } from '../server/auth/members.ts';
import { sha256 } from '../server/auth/secrets.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { apiKeys, members, users, workspaces } from '../shared/db/schema.ts';
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
    const wrong = await post('/api/members', body, { cookie: owner.cookie, 'x-csrf-token': 'nope' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('bad_csrf_token');
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
    expect(res.json().error).toMatchObject({ code: 'forbidden', details: { params: { role: 'viewer' } } });
  });

  it('does not let an admin grant owner', async () => {
    const admin = { email: 'admin@example.com', password: 'password-admin' };
    await post('/api/members', { ...admin, role: 'admin' }, owner.headers);
    const s = await login(app, admin);
    const res = await post(
      '/api/members',
      { email: 'o2@example.com', password: 'password-o2', role: 'owner' },
      s.headers,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'role_not_grantable',
      details: { params: { role: 'admin', grant: 'owner' } },
    });
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
    expect((await attempt()).json().error).toMatchObject({
      code: 'rate_limited',
      details: { params: { retryAfterSeconds: expect.any(Number) } },
    });
    await limited.close();
  });

  /** Adds a member through the API and answers their member id and a session. */
  async function member(email: string, role: string, password = `password-${email}`) {
    const res = await post('/api/members', { email, password, role }, owner.headers);
    expect(res.statusCode).toBe(201);
    return { id: res.json().id as string, session: await login(app, { email, password }) };
  }
  const remove = (memberId: string) =>
    app.inject({ method: 'DELETE', url: `/api/members/${memberId}`, headers: owner.headers });
  const status = async (headers: Record<string, string>) =>
    (await app.inject({ url: '/api/me', headers })).statusCode;

  it("revokes a removed admin's API keys, also the keys those keys made", async () => {
    const admin = await member('leaving-admin@example.com', 'admin');
    const key = (
      await post('/api/api-keys', { name: 'deploy', role: 'admin' }, admin.session.headers)
    ).json();
    const bearer = { authorization: `Bearer ${key.key}` };
    const child = (await post('/api/api-keys', { name: 'child', role: 'marketer' }, bearer)).json();
    expect(await status({ authorization: `Bearer ${child.key}` })).toBe(200);
    expect((await remove(admin.id)).statusCode).toBe(204);
    expect(await status(bearer)).toBe(401);
    expect(await status({ authorization: `Bearer ${child.key}` })).toBe(401);
    const created = await post(
      '/api/members',
      { email: 'mole@example.com', password: 'password-mole', role: 'admin' },
      bearer,
    );
    expect(created.statusCode).toBe(401);
    const listed = (await app.inject({ url: '/api/api-keys', headers: { cookie: owner.cookie } })).json();
    expect(listed.map((k: { id: string }) => k.id)).not.toContain(key.id);
  });

  it('refuses a key whose creator is no longer a member, however the membership ended', async () => {
    const ownerKey = (await post('/api/api-keys', { name: 'crm', role: 'viewer' }, owner.headers)).json();
    const admin = await member('keys-admin@example.com', 'admin');
    const theirs = (
      await post('/api/api-keys', { name: 'theirs', role: 'viewer' }, admin.session.headers)
    ).json();
    expect(await status({ authorization: `Bearer ${theirs.key}` })).toBe(200);
    // The membership row goes without the API (no revocation ran): the key dies all the same.
    await db().db.delete(members).where(eq(members.id, admin.id));
    expect(await status({ authorization: `Bearer ${theirs.key}` })).toBe(401);
    // A key nobody created (its creator's user deleted) is nobody's.
    const workspaceId = (await app.inject({ url: '/api/me', headers: { cookie: owner.cookie } })).json()
      .workspace.id;
    await db()
      .db.insert(apiKeys)
      .values({
        workspaceId,
        name: 'orphan',
        role: 'admin',
        keyHash: sha256('wf_orphan'),
        prefix: 'wf_orphan',
      });
    expect(await status({ authorization: 'Bearer wf_orphan' })).toBe(401);
    expect(await status({ authorization: `Bearer ${ownerKey.key}` })).toBe(200);
  });

  it('gives a re-added member the password given now, and not their old sessions', async () => {
    const first = await member('returning@example.com', 'agent', 'first-password-1');
    expect((await remove(first.id)).statusCode).toBe(204);
    expect(await status({ cookie: first.session.cookie })).toBe(401);
    const again = await post(
      '/api/members',
      { email: 'returning@example.com', password: 'second-password-2', role: 'viewer' },
      owner.headers,
    );
    expect(again.statusCode).toBe(201);
    expect(await status({ cookie: first.session.cookie })).toBe(401);
    const old = await post('/api/auth/login', {
      email: 'returning@example.com',
      password: 'first-password-1',
    });
    expect(old.statusCode).toBe(401);
    const fresh = await login(app, { email: 'returning@example.com', password: 'second-password-2' });
    expect((await app.inject({ url: '/api/me', headers: { cookie: fresh.cookie } })).json().role).toBe(
      'viewer',
    );
  });

  it("does not let another workspace's admin change a member's password by adding them", async () => {
    const [other] = await db().db.insert(workspaces).values({ name: 'Elsewhere' }).returning();
    await addMember(db().db, other!.id, {
      email: 'shared@example.com',
      password: 'own-password-1',
      role: 'owner',
    });
    expect(
      (
        await post(
          '/api/members',
          { email: 'shared@example.com', password: 'chosen-by-admin', role: 'viewer' },
          owner.headers,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await post('/api/auth/login', { email: 'shared@example.com', password: 'own-password-1' })).statusCode,
    ).toBe(200);
    const [user] = await db().db.select().from(users).where(eq(users.email, 'shared@example.com'));
    const memberships = await db()
      .db.select()
      .from(members)
      .where(and(eq(members.userId, user!.id)));
    expect(memberships).toHaveLength(2);
  });

  it('limits failed logins per address across emails, and not successful ones', async () => {
    const limited = await buildApp(db(), {
      loginAttemptsPerMinute: 1000,
      loginAttemptsPerIpPerMinute: 3,
      trustProxy: false,
      secret: 'limit-secret-'.padEnd(32, 'x'),
    });
    const attempt = (email: string, password = 'bad-password') =>
      limited.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    for (let i = 0; i < 5; i++) expect((await attempt(OWNER.email, OWNER.password)).statusCode).toBe(200);
    const codes = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'])
      codes.push((await attempt(email)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const refused = await attempt(OWNER.email, OWNER.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    const elsewhere = await limited.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: OWNER,
      remoteAddress: '10.0.0.9',
    });
    expect(elsewhere.statusCode).toBe(200);
    await limited.close();
  });

  it('reads the per-address login budget from the environment, and names a bad value', () => {
    const env = { WEFUNNEL_SECRET: 'x'.repeat(32), WEFUNNEL_DATA_DIR: '/tmp/wefunnel-config-test' };
    expect(loadConfig(env).loginAttemptsPerIpPerMinute).toBe(50);
    expect(
      loadConfig({ ...env, WEFUNNEL_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '200' }).loginAttemptsPerIpPerMinute,
    ).toBe(200);
    for (const bad of ['many', '0', '2.5', ''])
      expect(() => loadConfig({ ...env, WEFUNNEL_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: bad })).toThrow(
        new ConfigError(
          'Invalid configuration:\n  WEFUNNEL_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: must be a whole number of at least 1',
        ),
      );
  });
});
