// One sweeper process of bench:runtime (c): on "go", does what a worker's wall-clock sweep does —
// claim due runs and fire them, a batch per transaction — until none is due, then reports how many it fired.
import { openDb } from '../runtime/db/client.ts';
import { WAKE_BATCH as DEFAULT_BATCH, fireDueRuns } from '../runtime/sweeper/sweeper.ts';

/** BENCH_WAKE_BATCH: fire batches of another size than the runtime's, to compare. */
const WAKE_BATCH = Number(process.env.BENCH_WAKE_BATCH ?? DEFAULT_BATCH);

const handle = await openDb({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 2 });
process.send!({ ready: true });
process.on('message', async (message) => {
  // "close" after the report: the parent reads the database's CPU while the connections are open.
  if (message === 'close') {
    await handle.close();
    process.exit(0);
  }
  let fired = 0;
  const cpu = process.cpuUsage();
  for (;;) {
    const due = await fireDueRuns(handle.db, new Date(), WAKE_BATCH);
    if (due.claimed === 0) break;
    fired += due.outcomes.filter(Boolean).length;
  }
  const used = process.cpuUsage(cpu);
  process.send!({ fired, cpuUs: used.user + used.system });
});
