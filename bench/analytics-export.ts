// The contacts CSV export on N contacts (default 1,000,000; DATABASE_URL = a PostgreSQL database it may
// fill): rows per second through the whole stream (pages, encoder, a reader that keeps up), and the
// process's RSS sampled every 100 ms — peak, and at a quarter, half and the end (flat: the export
// holds two pages). Targets: ≥ 50,000 rows/s, memory that does not grow with N.
// Run alone: `node --import tsx bench/analytics-export.ts --contacts N`; bench/analytics.bench.ts calls it.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, openDb, rowsOf } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { exportContacts } from '../server/contacts/export.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts } from '../shared/db/schema.ts';

const MB = 1024 * 1024;
const WORKSPACE = 'bench: contacts export';

/** One workspace of `n` contacts (three attributes, two tags; one in ten in a group), or the one seeded before. */
async function seed(db: Db, n: number): Promise<string> {
  const [found] = rowsOf<{ id: string; n: number }>(
    await db.execute(sql`select w.id, (select count(*)::int from contacts c where c.workspace_id = w.id) as n
      from workspaces w where w.name = ${WORKSPACE}`),
  );
  if (found?.n === n) return found.id;
  if (found) await db.execute(sql`delete from workspaces where id = ${found.id}`);
  const [w] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into workspaces (name) values (${WORKSPACE}) returning id`),
  );
  const [b] = await db
    .insert(botAccounts)
    .values({ workspaceId: w!.id, name: '导出账号', puppet: 'sandbox', limits: SANDBOX_LIMITS })
    .returning({ id: botAccounts.id });
  const [r] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into rooms (workspace_id, bot_account_id, puppet_room_id, topic)
      values (${w!.id}, ${b!.id}, 'bench-room', '会员群') returning id`),
  );
  for (let from = 0; from < n; from += 250_000) {
    await db.execute(sql`insert into contacts (workspace_id, bot_account_id, puppet_id, weixin, name, friend_status,
        first_added_at, last_inbound_at, tags, attributes)
      select ${w!.id}, ${b!.id}, 'wxid_' || i, 'wx' || i, '联系人 ' || i, 'friend',
        now() - i * interval '1 minute', now() - i * interval '1 second', array['vip', 'tag' || (i % 50)],
        jsonb_build_object('city', '上海', 'age', i % 80, 'source', case when i % 7 = 0 then '=formula' else 'ad' end)
      from generate_series(${from + 1}::int, ${Math.min(from + 250_000, n)}::int) i`);
  }
  await db.execute(sql`insert into room_members (workspace_id, room_id, contact_id, joined_at)
    select ${w!.id}, ${r!.id}, c.id, now() from contacts c
    where c.workspace_id = ${w!.id} and c.puppet_id like '%0'`);
  await db.execute(sql`analyze contacts`);
  return w!.id;
}

export interface ExportBench {
  contacts: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
  rssMb: { before: number; quarter: number; half: number; end: number; peak: number };
}

/** Seeds (or reuses) `n` contacts in `db`, then exports them all and measures. */
export async function benchContactsExport(db: Db, n: number): Promise<ExportBench> {
  const workspaceId = await seed(db, n);
  global.gc?.();
  const rss = () => process.memoryUsage.rss() / MB;
  const at = { before: rss(), quarter: 0, half: 0, end: 0, peak: rss() };
  const sampler = setInterval(() => {
    at.peak = Math.max(at.peak, rss());
  }, 100);
  let rows = 0;
  let bytes = 0;
  const t = performance.now();
  const stream = await exportContacts(
    db,
    workspaceId,
    {},
    {
      onPage: (count) => {
        rows += count;
        if (!at.quarter && rows >= n / 4) at.quarter = rss();
        if (!at.half && rows >= n / 2) at.half = rss();
      },
    },
  );
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  at.end = rss();
  at.peak = Math.max(at.peak, at.end);
  const round = (v: number) => Math.round(v);
  return {
    contacts: n,
    rows,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: round(rows / seconds),
    megabytes: round(bytes / MB),
    rssMb: {
      before: round(at.before),
      quarter: round(at.quarter),
      half: round(at.half),
      end: round(at.end),
      peak: round(at.peak),
    },
  };
}

export function printContactsExport(r: ExportBench) {
  console.log(
    `contacts export: ${r.rows} rows, ${r.megabytes} MB in ${r.seconds} s = ${r.rowsPerSecond} rows/s ` +
      `(target ≥ 50000: ${r.rowsPerSecond >= 50_000 ? 'ok' : 'MISSED'}); RSS MB before ${r.rssMb.before}, ` +
      `at 1/4 ${r.rssMb.quarter}, 1/2 ${r.rssMb.half}, end ${r.rssMb.end}, peak ${r.rssMb.peak}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv.indexOf('--contacts');
  const n = Number(arg > 0 ? process.argv[arg + 1] : 1_000_000);
  const url = process.env.DATABASE_URL;
  if (!url) console.warn('DATABASE_URL is not set: PGlite, figures not comparable (use --contacts 20000)');
  const handle = await openDb(url ? { kind: 'postgres', url } : { kind: 'pglite' });
  await runMigrations(handle);
  printContactsExport(await benchContactsExport(handle.db, n));
  await handle.close();
}
