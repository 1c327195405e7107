// Opens the database: a node-postgres pool when DATABASE_URL is set, else embedded PGlite.
// Both sit behind one `Db` type; PGlite is a single connection, so it never gets a pool.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { getTableColumns, type InferSelectModel, type SQL, type Table } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../../shared/db/schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Runs `fn` while holding a database-wide lock, so that several processes starting together migrate once. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL only: LISTEN on a channel over a dedicated connection; resolves to an unlisten. */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the data directory as a tarball, which `loadDataDir` can start from. */
  dumpDataDir?(): Promise<Blob>;
}

const MIGRATION_LOCK = 7_301_990;

export type DbTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `loadDataDir`: start from a dumped data directory (tests start from a migrated template). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: Math.max(2, target.poolSize ?? 10) /* exclusive() holds one */,
      // JIT compiles a segment count or a campaign launch for 5–8 s before running it in < 1 s:
      // our statements are short OLTP-ish scans where it never pays off.
      options: '-c jit=off',
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    await pool.query('select 1');
    const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    };
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const listen = async (channel: string, onPayload: (payload: string) => void) => {
      const client = new pg.Client({ connectionString: target.url });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (n) => n.channel === channel && onPayload(n.payload ?? ''));
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return () => client.end();
    };
    return { db, kind: 'postgres', exclusive, listen, close: () => pool.end() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = await PGlite.create(target.dataDir, {
    extensions: { pg_trgm },
    loadDataDir: target.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exclusive: (fn) => fn(),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** A transaction of either driver; every repository function takes `Db`, which a transaction also is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** node-postgres returns `{rows}`, PGlite too; both drivers sit behind `Db`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** What `executePrepared` reaches inside drizzle: the session's prepareQuery and the dialect. */
type DrizzleInternals = {
  session: {
    prepareQuery(
      query: { sql: string },
      fields: undefined,
      name: string | undefined,
      arrayMode: false,
    ): { execute(): Promise<unknown> };
  };
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
};

/** The names given to prepared statement texts, per name asked for: `executePrepared`. */
const preparedNames = new Map<string, string>();
const PREPARED_TEXTS = 64;

/**
 * `db.execute(query)` as a named prepared statement, for a statement of fixed shape run thousands of
 * times a minute (a transaction's turn writes): node-postgres parses it once per connection and
 * PostgreSQL plans it once (a generic plan after five), where an unnamed statement is parsed and
 * planned at every execution — 1–2 ms of a 200-turn write. Each distinct text gets a name of its own
 * (`name` plus a number; past PREPARED_TEXTS texts they run unnamed), so a text that changes costs a
 * preparation, never an error. PGlite runs it as any statement.
 */
export function executePrepared(db: Db, name: string, query: SQL): Promise<unknown> {
  const { session, dialect } = db as unknown as DrizzleInternals;
  const built = dialect.sqlToQuery(query);
  let named = preparedNames.get(built.sql);
  if (named === undefined && preparedNames.size < PREPARED_TEXTS) {
    named = `${name}_${preparedNames.size + 1}`;
    preparedNames.set(built.sql, named);
  }
  return session.prepareQuery(built, undefined, named, false).execute();
}

/**
 * A table's row from `to_jsonb(row)` in a hand-written statement, through the columns' own driver
 * mappings (timestamps to Date, arrays, jsonb), so it is the row drizzle's select would return.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
