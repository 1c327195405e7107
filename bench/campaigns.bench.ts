// `npm run bench:campaigns` (DATABASE_URL = a PostgreSQL database it may fill): on `--contacts N`
// contacts (default 1,000,000; campaigns-seed.ts; `--reuse`: the world an earlier run seeded) — (a) the segment builder's count with 3 rules and
// every exclusion on: p50/p95 over 20 runs (target p95 < 500 ms), with the count statement's plan;
// (b) launching a campaign that enrolls ~N/10 contacts (target < 10 s at 100k); (c) a broadcast and a
// recall over 10 accounts sent by the real dispatcher on a simulated clock: the most any account
// window, day cap and per-contact budget window held / its limit (must be ≤ 1.0), nothing unsent.
import { sql } from 'drizzle-orm';
import { launchCampaign } from '../runtime/campaigns/launch.ts';
import { openDb, rowsOf } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { previewSegment } from '../runtime/segments/preview.ts';
import { campaigns } from '../shared/db/schema.ts';
import { DEFAULT_EXCLUSIONS, type SegmentRules, segmentRulesSchema } from '../shared/segments/rules.ts';
import { reuseWorld, SPREAD_TAG, seedWorld } from './campaigns-seed.ts';
import { spread } from './campaigns-spread.ts';
import { percentile } from './support.ts';

const arg = process.argv.indexOf('--contacts');
const CONTACTS = Number(arg > 0 ? process.argv[arg + 1] : (process.env.BENCH_CONTACTS ?? 1_000_000));
const url = process.env.DATABASE_URL;
if (!url) console.warn('DATABASE_URL is not set: PGlite, figures not comparable (use --contacts 20000)');
const handle = await openDb(url ? { kind: 'postgres', url, poolSize: 16 } : { kind: 'pglite' });
await runMigrations(handle);
const { db } = handle;

let t = performance.now();
const reused = process.argv.includes('--reuse') ? await reuseWorld(db, CONTACTS) : null;
const world = reused ?? (await seedWorld(db, CONTACTS, new Date()));
const { now } = world;
// PostgreSQL's JIT spends seconds compiling the segment's wide expressions: compare PGOPTIONS='-c jit=off'.
const [jit] = rowsOf<{ jit: string }>(await db.execute(sql`show jit`));
console.log(
  `database: ${handle.kind} (jit ${jit?.jit}); ${reused ? 'reused' : 'seeded'} ${CONTACTS} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// (a) three rules, every exclusion on
const rules: SegmentRules = segmentRulesSchema.parse({
  match: 'all',
  rules: [
    { field: 'contact.friendStatus', op: 'eq', value: 'friend' },
    { field: 'attributes.age', op: 'gte', value: 30 },
    { field: 'contact.firstAddedAt', op: 'before', value: 'P30D' },
  ],
});
const captured: unknown[] = [];
const capturing = new Proxy(db, {
  get(target, key) {
    if (key === 'execute')
      return (query: never) => {
        captured.push(query);
        return target.execute(query);
      };
    const value = Reflect.get(target, key, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
const body = { rules, exclusions: DEFAULT_EXCLUSIONS };
let preview = await previewSegment(capturing, world.workspaceId, body, now);
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  t = performance.now();
  preview = await previewSegment(db, world.workspaceId, body, now);
  times.push(performance.now() - t);
}
times.sort((x, y) => x - y);
console.log(
  `(a) segment count (3 rules + all exclusions): ${preview.count} of ${CONTACTS}, excluded ${JSON.stringify(preview.excluded)}; p50 ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms (target < 500)`,
);
// The preview's statements: the accounts' shared clock, the count by exclusion mask, the sample.
const plan = await db.execute(sql`explain (analyze, buffers) ${captured.at(-2) as ReturnType<typeof sql>}`);
console.log(
  `    the count's plan:\n${(plan.rows as { 'QUERY PLAN': string }[]).map((r) => `      ${r['QUERY PLAN']}`).join('\n')}`,
);

// (b) launch: every contact of one city of eight, less the exclusions (~N/10)
const campaign = async (name: string, rules: unknown) => {
  const [row] = await db
    .insert(campaigns)
    .values({
      workspaceId: world.workspaceId,
      name,
      flowId: await world.campaignFlow(name),
      rules: segmentRulesSchema.parse(rules),
      exclusions: DEFAULT_EXCLUSIONS,
    })
    .returning({ id: campaigns.id });
  return row!.id;
};
const broadcast = await campaign('broadcast', {
  rules: [{ field: 'attributes.city', op: 'eq', value: '上海' }],
});
t = performance.now();
const launched = await launchCampaign(db, broadcast, now);
const launchMs = performance.now() - t;
console.log(
  `(b) launch: ${launched.members} members, ${launched.runs} runs in ${(launchMs / 1000).toFixed(2)} s (${((launched.members / launchMs) * 1000).toFixed(0)}/s; target 100k < 10 s)`,
);
// Its runs are not part of (c): they end here unsent.
await db.execute(sql`update runs set status = 'exited', wake_at = null
  where id in (select run_id from campaign_members where campaign_id = ${broadcast})`);

// (c) a broadcast and a recall to the same contacts: two initiated messages each, one a day at most
const tagged = { rules: [{ field: 'tags', op: 'has_tag', value: SPREAD_TAG }] };
for (const name of ['spread-broadcast', 'spread-recall'])
  await launchCampaign(db, await campaign(name, tagged), now);
const s = await spread(db, world.accountIds, { perDay: 1, perWeek: 3 }, now);
const fmt = (x: number) => x.toFixed(2);
console.log(
  `(c) spread over ${world.accountIds.length} accounts: ${s.sent} sent, ${s.unsent} unsent, over ${s.simulatedDays} simulated days (${s.steps} dispatcher passes, ${s.seconds.toFixed(1)} s)`,
);
console.log(
  `    max use / limit — account ${s.accountWindows.map((w) => `${w.label} ${fmt(w.ratio)}`).join(', ')}, per day ${fmt(s.accountPerDay)}; contact per day ${fmt(s.contactPerDay)}, per week ${fmt(s.contactPerWeek)} (each must be ≤ 1.00)`,
);
await handle.close();
