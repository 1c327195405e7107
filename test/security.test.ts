// Safe on a real account: secrets never reach the log through a failed query, and every page and
// answer carries the browser protections (CSP, no framing, no sniffing, no referrer).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, buildApp } from '../server/app.ts';
import { bootstrap } from '../server/auth/bootstrap.ts';
import { login, OWNER, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('secrets stay out of the log', (db) => {
  let app: App;
  let owner: Session;
  let log = '';

  /** The error of the last `unhandled error` line. */
  const loggedError = () =>
    log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'unhandled error')
      .at(-1)?.err;

  beforeAll(async () => {
    await bootstrap(db().db, OWNER, { demo: false });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    app = await buildApp(
      db(),
      { loginAttemptsPerMinute: 1000, trustProxy: false, secret: 'log-test-secret-'.padEnd(32, 'x') },
      { level: 'error', stream },
    );
    owner = await login(app);
  });
  afterAll(() => app?.close());

  it('logs a failed insert into users without its parameters, hash or row', async () => {
    // The check fails after the password is hashed, on the insert that carries the hash.
    await db().db.execute(
      sql`alter table users add constraint no_new_users check (email <> 'new@example.com')`,
    );
    const password = 'the-new-password-1';
    const res = await app.inject({
      method: 'POST',
      url: '/api/members',
      payload: { email: 'new@example.com', password, role: 'viewer' },
      headers: owner.headers,
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    expect(log).not.toContain('scrypt$');
    expect(log).not.toContain(password);
    expect(log).not.toContain('new@example.com');
    expect(log).not.toMatch(/"params"|Failing row/);
    const err = loggedError();
    expect(err.message).toMatch(/^Failed query: insert into "users" .*\$3/);
    expect(err.cause).toMatchObject({
      constraint: 'no_new_users',
      message: expect.stringContaining('no_new_users'),
    });
  });

  it('logs a failed insert into sessions without the token hash or the CSRF token', async () => {
    log = '';
    await db().db.execute(sql`alter table sessions add constraint no_new_sessions check (false) not valid`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@example.com', password: 'owner-password-1' },
    });
    expect(res.statusCode).toBe(500);
    expect(loggedError().message).toMatch(/^Failed query: insert into "sessions"/);
    expect(log).not.toMatch(/[0-9a-f]{64}/);
    expect(log).not.toMatch(/"params"|Failing row/);
    await db().db.execute(sql`alter table sessions drop constraint no_new_sessions`);
  });
});

describeDb('security headers', (db) => {
  let app: App;
  let editorDir: string;
  const previous = process.env.WEFUNNEL_EDITOR_DIR;

  beforeAll(async () => {
    editorDir = mkdtempSync(join(tmpdir(), 'wefunnel-editor-'));
    writeFileSync(join(editorDir, 'index.html'), '<!doctype html><title>Wefunnel</title>');
    process.env.WEFUNNEL_EDITOR_DIR = editorDir;
    ({ app } = await testApp(db()));
  });
  afterAll(async () => {
    await app?.close();
    if (previous === undefined) delete process.env.WEFUNNEL_EDITOR_DIR;
    else process.env.WEFUNNEL_EDITOR_DIR = previous;
    rmSync(editorDir, { recursive: true, force: true });
  });

  it('serves the editor with a CSP that allows only its own scripts and no framing', async () => {
    const page = await app.inject({ url: '/flows/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = String(page.headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });

  it('sends the same protections with API answers and errors', async () => {
    for (const url of ['/api/health', '/api/me', '/api/nowhere']) {
      const res = await app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(String(res.headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
    }
  });
});
