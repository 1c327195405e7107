// One database suite, two drivers (STYLE §4): `describeDb` runs a suite on PGlite always and on
// PostgreSQL when DATABASE_URL is set, each suite on a fresh database copied from the migrated template.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type DbHandle, type DbKind, openDb } from '../../runtime/db/client.ts';
import { withDatabase } from './global-setup.ts';
import { adminQuery } from './postgres.ts';

export const dbKinds: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated, empty database of the given kind; `close` also drops it. */
export async function freshDb(kind: DbKind): Promise<DbHandle> {
  if (kind === 'pglite') {
    const loadDataDir = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDb({ kind: 'pglite', loadDataDir });
  }
  const url = process.env.DATABASE_URL!;
  const name = `wefunnel_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
  const handle = await openDb({ kind: 'postgres', url: withDatabase(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs `suite` once per driver; `db()` is that driver's fresh database, open for the whole suite. */
export function describeDb(title: string, suite: (db: () => DbHandle, kind: DbKind) => void): void {
  describe.each(dbKinds)(`${title} [%s]`, (kind) => {
    let handle: DbHandle | undefined;
    beforeAll(async () => {
      handle = await freshDb(kind);
    });
    afterAll(() => handle?.close());
    suite(() => {
      if (!handle) throw new Error('database not open yet');
      return handle;
    }, kind);
  });
}
