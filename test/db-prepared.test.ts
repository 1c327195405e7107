// `executePrepared` (runtime/db/client.ts): a statement of fixed shape runs as a named prepared
// statement — the same text again and again on one connection, and another text under the same name
// asked for, both answer what `db.execute` would (on PostgreSQL, each text is prepared once).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { executePrepared, rowsOf } from '../runtime/db/client.ts';
import { describeDb } from './support/db.ts';

describeDb('prepared statements', (handle, kind) => {
  it('answers as db.execute does, for one text run many times and for texts that change', async () => {
    const { db } = handle();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++) {
        const [row] = rowsOf<{ n: number }>(
          await executePrepared(tx, 'test_prepared', sql`select ${i}::int + 1 as n`),
        );
        expect(row!.n).toBe(i + 1);
      }
      // Another shape under the same name: its own statement, not node-postgres' "must be unique".
      const [row] = rowsOf<{ s: string }>(
        await executePrepared(tx, 'test_prepared', sql`select ${'a'}::text || ${'b'}::text as s`),
      );
      expect(row!.s).toBe('ab');
    });
    // A statement that fails in its transaction leaves the name usable: the next transaction runs it.
    const divide = (by: number) =>
      db.transaction(async (tx) =>
        rowsOf<{ q: number }>(await executePrepared(tx, 'test_prepared', sql`select 6 / ${by}::int as q`)),
      );
    const failed = await divide(0).catch((err: Error) => err);
    expect(String((failed as Error).cause)).toMatch(/division by zero/);
    expect((await divide(3))[0]!.q).toBe(2);
    if (kind === 'postgres') {
      const rows = rowsOf<{ name: string }>(
        await db.transaction(async (tx) => {
          await executePrepared(tx, 'test_prepared', sql`select ${1}::int as n`);
          return tx.execute(sql`select name from pg_prepared_statements where name like 'test_prepared%'`);
        }),
      );
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});
