// A query's rows as pages from a server-side cursor, in one read-only snapshot: a sequential read in
// the table's own order (keyset pages by a random uuid cost a random heap read per row: ~9k rows/s on
// a million contacts). The transaction lives while the reader pulls pages; the next page is fetched
// while the reader handles this one, never more. Returning early closes the cursor and the transaction.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';

type Pending = (go: boolean) => void;

export async function* cursorPages<T>(db: Db, query: SQL, size: number): AsyncGenerator<T[]> {
  const queue: T[][] = [];
  let finished = false;
  let failure: unknown = null;
  let stopped = false;
  let wake: (() => void) | null = null;
  let resume: Pending | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  /** Hands a page over; resolves once the reader took it (false: the reader is gone). */
  const emit = (page: T[]) =>
    stopped
      ? Promise.resolve(false)
      : new Promise<boolean>((resolve) => {
          queue.push(page);
          resume = resolve;
          signal();
        });
  const reading = db
    .transaction(
      async (tx) => {
        // A cursor's plan otherwise favours the first rows (nested loops) over reading them all.
        await tx.execute(sql`set local cursor_tuple_fraction = 1`);
        await tx.execute(sql`declare export_rows no scroll cursor for ${query}`);
        for (;;) {
          const rows = rowsOf<T>(
            await tx.execute(sql`fetch forward ${sql.raw(String(size))} from export_rows`),
          );
          if (rows.length && !(await emit(rows))) break;
          if (rows.length < size) break;
        }
        await tx.execute(sql`close export_rows`);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    .then(
      () => {
        finished = true;
        signal();
      },
      (err: unknown) => {
        failure = err;
        finished = true;
        signal();
      },
    );
  try {
    for (;;) {
      const page = queue.shift();
      if (page) {
        const next = resume as Pending | null;
        resume = null;
        next?.(true);
        yield page;
        continue;
      }
      if (finished) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stopped = true;
    const next = resume as Pending | null;
    resume = null;
    next?.(false);
    await reading;
  }
}
