// `npm run worker`: the runtime alone (bot connections, dispatcher, sweeper), no HTTP server.
// Run several against one PostgreSQL (DATABASE_URL) to share the work; leases decide who drives which account.
import { Bus } from '../runtime/bus.ts';
import { relayBus } from '../runtime/bus-relay.ts';
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { keepRunningOnUnhandledRejections } from '../runtime/process-guard.ts';
import { Runtime } from '../runtime/runtime.ts';
import { loadConfigOrExit } from '../server/config.ts';

const config = loadConfigOrExit(process.env);

const handle = await openDb(config.db);
await runMigrations(handle);
const bus = new Bus();
const stopRelay = await relayBus(handle, bus);
const runtime = new Runtime({
  db: handle.db,
  bus,
  secret: config.secret,
  leaseTtlMs: config.leaseTtlMs,
  sessionDir: config.sessionDir,
});
runtime.log = { error: (obj, msg) => console.error(msg ?? 'error', obj) };
keepRunningOnUnhandledRejections(runtime.log);
await runtime.start();
console.log(`Wefunnel worker ${runtime.owner} running (database: ${handle.kind})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    await runtime.stop();
    await stopRelay();
    await handle.close();
    process.exit(0);
  });
}
