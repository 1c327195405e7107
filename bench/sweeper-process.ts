// One sweeper process of bench:runtime (c): on "go", does what a worker's wall-clock sweep does —
// claim due runs and fire them, a batch per transaction — until none is due, then reports how many it fired.
import { openDb } from '../runtime/db/client.ts';
import { sweep } from './sweep.ts';

const handle = await openDb({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 2 });
process.send!({ ready: true });
process.on('message', async (message) => {
  // "close" after the report: the parent reads the database's CPU while the connections are open.
  if (message === 'close') {
    await handle.close();
    process.exit(0);
  }
  const cpu = process.cpuUsage();
  const fired = await sweep(handle.db);
  const used = process.cpuUsage(cpu);
  process.send!({ fired, cpuUs: used.user + used.system });
});
