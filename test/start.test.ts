// `npm start` on a fresh data folder, as a newcomer runs it: the real start script in a child process,
// on embedded PGlite, reaches /api/health, serves the built editor, and keeps its data across a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'wefunnel-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function poll(
  url: string,
  ok: (res: Response) => boolean,
  timeoutMs: number,
  init?: RequestInit,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url, init).catch(() => null);
    if (res && ok(res)) return res;
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    WEFUNNEL_DATA_DIR: dataDir,
    WEFUNNEL_ADMIN_PASSWORD: 'start-test-password',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

it('starts on PGlite, answers health, serves the editor, and restarts with its data', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  const first = start(port);
  try {
    const health = await poll(`${base}/api/health`, (r) => r.ok, 30_000);
    console.log(`start-to-healthy on a fresh PGlite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(await health.json()).toMatchObject({ ok: true, db: 'pglite' });
    const page = await poll(`${base}/flows`, (r) => r.ok, 60_000, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
  } finally {
    expect(await stop(first)).toBe(0);
  }

  const second = start(port);
  try {
    await poll(`${base}/api/health`, (r) => r.ok, 30_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password: 'start-test-password' }),
    });
    expect(login.status).toBe(200);
  } finally {
    expect(await stop(second)).toBe(0);
  }
}, 120_000);
