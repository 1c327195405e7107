// `npm run worker`: the runtime alone (bot connections, dispatcher, sweeper, bot commands), no HTTP
// server. Run several against one PostgreSQL (DATABASE_URL) to share the work; leases decide who
// drives which account.
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { loadConfigOrExit } from '../server/config.ts';
import { processLogger, runtimeServices, runUntilSignal } from '../server/process.ts';

const config = loadConfigOrExit(process.env);
const log = processLogger(config);

const handle = await openDb(config.db);
await runMigrations(handle);
const services = await runtimeServices(handle, config, { runtime: true });
const runtime = services.runtime!;
runtime.log = log;
runUntilSignal(log, async () => {
  await services.close();
  await handle.close();
});
await runtime.start();
// Tests and scripts wait for this line.
console.log(`Wefunnel worker ${runtime.owner} running (database: ${handle.kind})`);
