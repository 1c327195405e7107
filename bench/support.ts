// What the benchmarks share: a pool of concurrent workers over a list, and (a) the database's own
// single-row insert transactions per second, the yardstick the other figures are a ratio of.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../runtime/db/client.ts';

export async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

/** (a): `count` one-row insert transactions, `concurrency` at once; answers transactions per second. */
export async function insertBaseline(db: Db, concurrency: number, count = 2000): Promise<number> {
  await db.execute(sql`create table if not exists bench_rows (id serial primary key, v text)`);
  const t = performance.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_rows (v) values (${String(i)})`);
      });
    },
  );
  return count / ((performance.now() - t) / 1000);
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * CPU seconds each of this machine's PostgreSQL processes has used so far, by pid (Linux /proc; null
 * elsewhere): a bench on a local database reads it before and after (`databaseCpuSince`) to say what
 * the database spent per operation.
 */
export function databaseCpu(): Map<string, number> | null {
  try {
    const ticks = 100; // USER_HZ on Linux
    const cpu = new Map<string, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
        const fields = stat.slice(close + 2).split(' ');
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks); // utime, stime
      } catch {
        // the process ended while we read
      }
    }
    return cpu;
  } catch {
    return null;
  }
}

/**
 * CPU seconds PostgreSQL spent since `before`, in the processes alive now: read while the bench's
 * connections are open (a process that exited in between takes its share with it).
 */
export function databaseCpuSince(before: Map<string, number> | null): number | null {
  const now = databaseCpu();
  if (!before || !now) return null;
  let spent = 0;
  for (const [pid, seconds] of now) spent += seconds - (before.get(pid) ?? 0);
  return spent;
}
