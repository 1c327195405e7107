// One sweeper process of bench:runtime (c): on "go", does what a worker's wall-clock sweep does —
// claim due runs, fire them in batches — until none is due, then reports how many it fired.
import { openDb } from '../runtime/db/client.ts';
import { claimDueRuns, WAKE_BATCH as DEFAULT_BATCH, fireRuns } from '../runtime/sweeper/sweeper.ts';

/** BENCH_WAKE_BATCH: fire batches of another size than the runtime's, to compare. */
const WAKE_BATCH = Number(process.env.BENCH_WAKE_BATCH ?? DEFAULT_BATCH);

const handle = await openDb({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 2 });
process.send!({ ready: true });
process.on('message', async () => {
  let fired = 0;
  const cpu = process.cpuUsage();
  for (;;) {
    const due = await claimDueRuns(handle.db, new Date(), 200);
    if (due.length === 0) break;
    for (let i = 0; i < due.length; i += WAKE_BATCH)
      fired += (await fireRuns(handle.db, due.slice(i, i + WAKE_BATCH))).filter(Boolean).length;
  }
  const used = process.cpuUsage(cpu);
  process.send!({ fired, cpuUs: used.user + used.system });
  await handle.close();
  process.exit(0);
});
