// `npm run db:migrate`: apply pending migrations to the configured database and exit.
import { loadConfig } from '../config.ts';
import { openDb } from './client.ts';
import { runMigrations } from './migrate.ts';

const config = loadConfig(process.env);
const handle = await openDb(config.db);
await runMigrations(handle);
await handle.close();
console.log(`migrations applied (${handle.kind})`);
