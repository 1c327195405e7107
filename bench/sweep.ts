// A sweep as a worker's wall-clock loop does it, for bench:runtime (c) in this process (PGlite) and in
// each sweeper process (sweeper-process.ts): claim due runs and fire them, a batch per transaction.
import type { Db } from '../runtime/db/client.ts';
import { WAKE_BATCH as DEFAULT_BATCH, fireDueRuns } from '../runtime/sweeper/sweeper.ts';

/** BENCH_WAKE_BATCH: fire batches of another size than the runtime's, to compare. */
export const WAKE_BATCH = Number(process.env.BENCH_WAKE_BATCH ?? DEFAULT_BATCH);

/** Claims and fires due runs until none is due; answers how many fired. */
export async function sweep(db: Db): Promise<number> {
  let fired = 0;
  for (;;) {
    const due = await fireDueRuns(db, new Date(), WAKE_BATCH);
    if (due.claimed === 0) return fired;
    fired += due.outcomes.filter(Boolean).length;
  }
}
