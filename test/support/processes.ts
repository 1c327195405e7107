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

/** Starts `scripts/worker.ts` (or another entry) and resolves once it says it runs. */
export function startWorker(url: string, entry = 'scripts/worker.ts', args: string[] = []): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      WEFUNNEL_SECRET: TEST_SECRET,
      WEFUNNEL_LEASE_TTL_MS: '2000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 30_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code ?? signal}) before running:\n${out}`));
    });
    child.stdout!.on('data', () => {
      const owner = /worker (worker-[0-9a-f-]+) running/.exec(out)?.[1];
      if (owner) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, owner, output: () => out });
      }
    });
  });
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
