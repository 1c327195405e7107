// Real worker processes for multi-process suites: a fresh PostgreSQL database of their own, workers
// started with `npm run worker`'s entry point, and a wait that polls the database.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type DbHandle, openDb } from '../../runtime/db/client.ts';
import { withDatabase } from './global-setup.ts';
import { adminQuery } from './postgres.ts';

export const TEST_SECRET = 'process-test-secret-'.padEnd(40, 'x');

export async function freshPostgres(): Promise<{ url: string; handle: DbHandle; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL!;
  const name = `wefunnel_p_${randomBytes(5).toString('hex')}`;
  await adminQuery(admin, `create database ${name} template ${inject('postgresTemplate')}`);
  const url = withDatabase(admin, name);
  const handle = await openDb({ kind: 'postgres', url, poolSize: 8 });
  return {
    url,
    handle,
    drop: async () => {
      await handle.close();
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}

export interface Worker {
  child: ChildProcess;
  /** The runtime's lease owner name, printed at start. */
  owner: string;
  output: () => string;
}

/**
 * Spawns `entry` under tsx and resolves once its stdout matches `ready` (its first group is the
 * answer). Once: a later log line must not touch the listeners of whoever waits for the exit.
 */
function spawnUntil(
  what: string,
  entry: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL, WEFUNNEL_SECRET: TEST_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 30_000);
    const early = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code ?? signal}) before it was ready:\n${out}`));
    };
    child.on('exit', early);
    const check = () => {
      const match = ready.exec(out)?.[1];
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', early);
      child.stdout!.off('data', check);
      resolve({ child, match, output: () => out });
    };
    child.stdout!.on('data', check);
  });
}

/** Starts `scripts/worker.ts` (or another entry) and resolves once it says it runs. */
export async function startWorker(
  url: string,
  entry = 'scripts/worker.ts',
  args: string[] = [],
): Promise<Worker> {
  const { child, match, output } = await spawnUntil(
    'worker',
    entry,
    args,
    { DATABASE_URL: url, WEFUNNEL_LEASE_TTL_MS: '2000', LOG_LEVEL: 'warn' },
    /worker (worker-[0-9a-f-]+) running/,
  );
  return { child, owner: match, output };
}

export interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** Starts `npm run server` (the API alone, no runtime) on a free port; resolves once it listens. */
export async function startServer(url: string, adminPassword: string): Promise<Server> {
  const { child, match, output } = await spawnUntil(
    'server',
    'server/main.ts',
    ['--api-only'],
    {
      DATABASE_URL: url,
      PORT: '0',
      WEFUNNEL_ADMIN_PASSWORD: adminPassword,
      WEFUNNEL_LEASE_TTL_MS: '2000',
      WEFUNNEL_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    },
    /Wefunnel ready at (http:\/\/[^\s"]+)/,
  );
  return { child, base: match, output };
}

/** A logged-in HTTP client of a server process (cookie + CSRF), for process suites. */
export async function httpClient(base: string, who: { email: string; password: string }) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`login → ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: 'GET' | 'POST', path: string, body?: object) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken, 'content-type': 'application/json' }),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    // biome-ignore lint/suspicious/noExplicitAny: test client over JSON bodies.
    return { status: r.status, body: (text ? JSON.parse(text) : null) as any };
  };
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export async function stopWorker(worker: Worker): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  await exited(worker.child);
}

/** Polls `probe` until it returns true, or fails after `timeoutMs` with `what`. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
