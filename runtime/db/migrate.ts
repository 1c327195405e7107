// Applies the SQL that drizzle-kit generated into migrations/, with the migrator of the open driver.
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DbHandle, Schema } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export async function runMigrations(handle: DbHandle): Promise<void> {
  await handle.exclusive(async () => {
    if (handle.kind === 'postgres') {
      await migrateNodePg(handle.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
    } else {
      await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    }
  });
}
