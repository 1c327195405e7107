// `npm run db:migrate`: apply pending migrations to the configured database and exit.

import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { loadConfigOrExit } from '../server/config.ts';

const config = loadConfigOrExit(process.env);
const handle = await openDb(config.db);
await runMigrations(handle);
await handle.close();
console.log(`migrations applied (${handle.kind})`);
