// What the benchmarks share: a pool of concurrent workers over a list, and (a) the database's own
// single-row insert transactions per second, the yardstick the other figures are a ratio of.
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
