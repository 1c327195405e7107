// `npm run bench:analytics` (DATABASE_URL = a PostgreSQL database it may fill): on `--visits N` node
// visits (default 10,000,000) over 90 days in `--flows F` flows (default 200; analytics-seed.ts;
// `--reuse`: the world an earlier run seeded) — (a) what the editor's stats mode reads for one flow,
// the 30-day funnel and daily trend (`GET /api/flows/:id/stats/daily`'s handler): p50/p95 over 50
// reads of different flows (target p95 < 100 ms), with the rollup query's plan; then every part of
// PARTS, in order: experiments (analytics-experiments.ts), the contacts CSV export (analytics-export.ts).
import { sql } from 'drizzle-orm';
import { openDb, rowsOf } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { dailyRange, dailyStats } from '../server/flows/stats-daily.ts';
import { localDay } from '../shared/time/zoned.ts';
import {
  type AnalyticsBenchContext,
  type AnalyticsPart,
  reuseAnalytics,
  seedAnalytics,
  TIME_ZONE,
} from './analytics-seed.ts';
import { percentile } from './support.ts';

/** Further measurements on the same database, in order (`--no-parts`: none); each module seeds what else it needs. */
export const PARTS: { title: string; run: AnalyticsPart }[] = [
  {
    title: '(b) experiments of a flow with 5 splits (target p95 < 100 ms)',
    run: async ({ db, world }) => {
      const { benchExperiments } = await import('./analytics-experiments.ts');
      const r = await benchExperiments(db, { workspaceId: world.workspaceId, botAccountId: world.accountId });
      return [
        `${r.contacts} contacts, ${r.visits} visits (seeded in ${r.seedMs} ms), ${r.winners} winners: p50 ${r.p50} ms, p95 ${r.p95} ms`,
      ];
    },
  },
  {
    title: '(c) CSV export of 1M contacts (target ≥ 50,000 rows/s)',
    run: async ({ db }) => {
      const { benchContactsExport, printContactsExport } = await import('./analytics-export.ts');
      printContactsExport(await benchContactsExport(db, option('export-contacts', 1_000_000)));
      return [];
    },
  },
];

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return Number(at > 0 ? process.argv[at + 1] : fallback);
};
const VISITS = option('visits', 10_000_000);
const FLOWS = option('flows', 200);
const DAYS = 90;
const READS = 50;

const url = process.env.DATABASE_URL;
if (!url) console.warn('DATABASE_URL is not set: PGlite, figures not comparable (use --visits 200000)');
const handle = await openDb(url ? { kind: 'postgres', url, poolSize: 8 } : { kind: 'pglite' });
await runMigrations(handle);
const { db } = handle;

let t = performance.now();
const reused = process.argv.includes('--reuse') ? await reuseAnalytics(db, VISITS) : null;
if (!reused) console.log(`seeding ${VISITS} node visits over ${DAYS} days in ${FLOWS} flows…`);
const world =
  reused ??
  (await seedAnalytics(
    db,
    { flows: FLOWS, visits: VISITS, days: DAYS, contacts: Math.min(200_000, Math.ceil(VISITS / 50)) },
    console.log,
  ));
const versions = sql.join(
  world.flows.map((f) => sql`${f.flowVersionId}::uuid`),
  sql`, `,
);
const [sums] = rowsOf<{ entered: number; rolled: number; daily_rows: number }>(
  await db.execute(sql`select
      (select sum(count) from node_stats where port = '' and flow_version_id in (${versions}))::bigint as entered,
      (select sum(count) from node_stats_daily where port = '' and flow_version_id in (${versions}))::bigint as rolled,
      (select count(*) from node_stats_daily where flow_version_id in (${versions}))::bigint as daily_rows`),
);
console.log(
  `database: ${handle.kind}; ${reused ? 'reused' : 'seeded'} ${world.flows.length} flows in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
    `${sums?.entered} node visits (rollups ${Number(sums?.rolled) === Number(sums?.entered) ? 'agree' : `DISAGREE: ${sums?.rolled}`}), ` +
    `${sums?.daily_rows} node_stats_daily rows`,
);

// (a) the 30-day funnel + daily trend of one flow, as the editor asks for it
const { from, to } = dailyRange({}, localDay(world.now.getTime(), TIME_ZONE));
const read = (i: number) =>
  dailyStats(db, world.workspaceId, world.flows[i % world.flows.length]!.flowId, { from, to });
for (let i = 0; i < 3; i++) await read(READS + i);
const times: number[] = [];
let body = await read(0);
for (let i = 0; i < READS; i++) {
  t = performance.now();
  body = await read(i * 3);
  times.push(performance.now() - t);
}
times.sort((x, y) => x - y);
console.log(
  `(a) 30-day funnel + daily trend of one flow (${body.days.length} days, ${Object.keys(body.nodes).length} nodes; ` +
    `kw entered ${body.totals.kw?.entered}, goal ${body.totals.won?.entered}): ` +
    `p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms (target < 100)`,
);
const plan = await db.execute(sql`explain (analyze, buffers)
  select day, node_id, port, sum(count)::int from node_stats_daily
  where flow_version_id = ${world.flows[1]!.flowVersionId} and day between ${from}::date and ${to}::date
  group by day, node_id, port`);
console.log(
  `    the rollup query's plan:\n${(plan.rows as { 'QUERY PLAN': string }[]).map((r) => `      ${r['QUERY PLAN']}`).join('\n')}`,
);

const ctx: AnalyticsBenchContext = { db, kind: handle.kind, world };
for (const part of process.argv.includes('--no-parts') ? [] : PARTS) {
  console.log(part.title);
  for (const line of await part.run(ctx)) console.log(`    ${line}`);
}

await handle.close();
