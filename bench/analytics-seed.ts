// bench:analytics' world, made in SQL (generate_series, one statement per batch of flows — never a JS
// loop per run): one workspace (Asia/Shanghai), contacts, published funnel flows, and finished runs over
// the last `days` days whose node visits, experiment members, node_stats(_daily) and goals agree as the runtime's
// turns would have written them. Other analytics benches seed their own flows with `seedRuns`.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../runtime/db/client.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { NODE_STATS_SHARDS } from '../shared/db/schema.ts';
import { publishGraph } from '../test/support/runtime.ts';

export const TIME_ZONE = 'Asia/Shanghai';
const PREFIX = 'bench-analytics-';

/** One node a path passes: entered `at` minutes after the run started, left through `port` at the next step's time. */
export interface Step {
  node: string;
  /** Null: the run stays (the last node). */
  port: string | null;
  at?: number;
  /** A goal node: the run's goal of this name. */
  goal?: string;
  /** A send with variants: each contact gets one of `variants` (sticky, as the runtime picks). */
  variants?: number;
}
/** A way through a flow, taken by `weight` runs in every sum of the weights. */
export interface Path {
  weight: number;
  steps: Step[];
}

export interface AnalyticsWorld {
  workspaceId: string;
  accountId: string;
  /** The seed's clock: the runs lie in the `days` before it, so a reused world is read at it too. */
  now: Date;
  flows: { flowId: string; flowVersionId: string }[];
}

/** trigger → hello → ask (reply or a day's timeout) → check → offer → goal, or bye, or a reminder. */
export const funnelGraph = (keyword: string) => {
  const node = (id: string, type: string, data: object, y: number) => ({
    id,
    type,
    position: { x: 0, y },
    data,
  });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}-${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  return {
    nodes: [
      node('kw', 'trigger.keyword', { keywords: [keyword] }, 0),
      node(
        'hello',
        'send',
        { text: '本周有会员优惠，要了解一下吗？', variants: ['想知道本周的会员优惠吗？'] },
        100,
      ),
      node('ask', 'wait_reply', { timeout: 'P1D' }, 200),
      node(
        'check',
        'condition',
        { match: 'any', rules: [{ field: 'reply.text', op: 'contains', value: '要' }] },
        300,
      ),
      node('offer', 'send', { text: '下单链接在这里' }, 400),
      node('won', 'goal', { name: '购买' }, 500),
      node('bye', 'send', { text: '好的，有需要随时找我～' }, 400),
      node('remind', 'send', { text: '优惠今晚截止哦' }, 300),
      node('end', 'end', {}, 600),
    ],
    edges: [
      edge('kw', 'next', 'hello'),
      edge('hello', 'next', 'ask'),
      edge('ask', 'replied', 'check'),
      edge('ask', 'timeout', 'remind'),
      edge('check', 'true', 'offer'),
      edge('check', 'false', 'bye'),
      edge('offer', 'next', 'won'),
      edge('won', 'next', 'end'),
      edge('bye', 'next', 'end'),
      edge('remind', 'next', 'end'),
    ],
  };
};

const opening: Step[] = [
  { node: 'kw', port: 'next' },
  { node: 'hello', port: 'next', variants: 2 },
];
/** ~5.9 visits a run: 40% time out, 30% decline, 30% buy (after a 45-minute think). */
export const FUNNEL_PATHS: Path[] = [
  {
    weight: 8,
    steps: [
      ...opening,
      { node: 'ask', port: 'timeout' },
      { node: 'remind', port: 'next', at: 1440 },
      { node: 'end', port: null, at: 1440 },
    ],
  },
  {
    weight: 6,
    steps: [
      ...opening,
      { node: 'ask', port: 'replied' },
      { node: 'check', port: 'false', at: 20 },
      { node: 'bye', port: 'next', at: 20 },
      { node: 'end', port: null, at: 20 },
    ],
  },
  {
    weight: 6,
    steps: [
      ...opening,
      { node: 'ask', port: 'replied' },
      { node: 'check', port: 'true', at: 45 },
      { node: 'offer', port: 'next', at: 45 },
      { node: 'won', port: 'next', at: 45, goal: '购买' },
      { node: 'end', port: null, at: 45 },
    ],
  },
];

/** Visits per run of `paths`, on average: how many runs make a number of visits. */
export const visitsPerRun = (paths: Path[]) =>
  paths.reduce((n, p) => n + p.weight * p.steps.length, 0) / paths.reduce((n, p) => n + p.weight, 0);

/** The workspace, its sandbox account and `contacts` contacts. */
export async function seedWorkspace(db: Db, now: Date, contacts: number, label: string) {
  const [ws] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into workspaces (name, time_zone)
      values (${`${PREFIX}${label}-${now.getTime().toString(36)}`}, ${TIME_ZONE}) returning id`),
  );
  const [account] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into bot_accounts (workspace_id, name, puppet, limits)
      values (${ws!.id}, 'bench', 'sandbox', ${JSON.stringify(SANDBOX_LIMITS)}::jsonb) returning id`),
  );
  await db.execute(sql`insert into contacts (workspace_id, bot_account_id, puppet_id, name, friend_status)
    select ${ws!.id}, ${account!.id}, 'c' || g, '用户' || g, 'friend' from generate_series(1, ${contacts}) g`);
  return { workspaceId: ws!.id, accountId: account!.id };
}

/**
 * `runs` finished runs of each version, started uniformly over the `days` days before `now` (each
 * run's whole path lies before `now`), each taking one of `paths` by its weight; with their node
 * visits, node_stats and node_stats_daily (the day a counter's turn fell on in TIME_ZONE, spread over
 * the shards as concurrent turns would) and goals — all from one set of generated steps per statement.
 */
export async function seedRuns(
  db: Db,
  world: Pick<AnalyticsWorld, 'workspaceId' | 'now'> & { flows: { flowId: string; flowVersionId: string }[] },
  options: { paths: Path[]; runs: number; days: number },
): Promise<void> {
  const total = options.paths.reduce((n, p) => n + p.weight, 0);
  let lo = 0;
  const steps = options.paths.flatMap((p, path) => {
    const from = lo;
    lo += p.weight;
    return p.steps.map((s, i) => ({
      path,
      lo: from,
      hi: lo,
      step: i + 1,
      node: s.node,
      port: s.port,
      at: s.at ?? 0,
      left: p.steps[i + 1]?.at ?? s.at ?? 0,
      goal: s.goal ?? null,
      variants: s.variants ?? null,
      last: i === p.steps.length - 1 ? s.node : null,
    }));
  });
  const longest = Math.max(...steps.map((s) => s.left));
  const span = options.days * 1440 - longest - 1;
  await db.execute(sql`
    with
    f as (select * from jsonb_to_recordset(${JSON.stringify(world.flows.map((f, n) => ({ ...f, n })))}::jsonb)
      as x("flowId" uuid, "flowVersionId" uuid, n int)),
    p as (select * from jsonb_to_recordset(${JSON.stringify(steps)}::jsonb) as x(path int, lo int, hi int, step int,
      node text, port text, at int, "left" int, goal text, variants int, last text)),
    contact as (select array_agg(id) as ids from contacts where workspace_id = ${world.workspaceId}),
    r as (
      insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, current_node_id, started_at, updated_at)
      select ${world.workspaceId}, f."flowId", f."flowVersionId",
        contact.ids[1 + (g::bigint * 7919 + f.n * 131) % cardinality(contact.ids)], 'completed', 'end', s.at, s.at
      from f cross join generate_series(1, ${options.runs}) g cross join contact
        cross join lateral (select ${world.now}::timestamptz - ((g::bigint * 104729 + f.n * 977) % ${span * 60}
          + ${longest * 60 + 60}) * interval '1 second' as at) s
      returning id, flow_version_id, contact_id, started_at, abs(hashtext(id::text)) as h
    ),
    steps as materialized (
      select r.id as run_id, r.flow_version_id as v, r.contact_id, (r.h % ${NODE_STATS_SHARDS})::smallint as shard,
        p.node, p.step, p.port, p.goal, case when p.variants is null then null
          else abs(hashtext(r.contact_id::text || p.node)) % p.variants end as variant,
        r.started_at + p.at * interval '1 minute' + p.step * interval '1 second' as entered_at,
        r.started_at + p."left" * interval '1 minute' + (p.step + 1) * interval '1 second' as left_at
      from r join p on r.h % ${total} >= p.lo and r.h % ${total} < p.hi
    ),
    v as (
      insert into node_visits (run_id, node_id, visit, port, variant, entered_at)
      select run_id, node, 1, port, variant, entered_at from steps
    ),
    em as (
      insert into experiment_members (flow_version_id, node_id, contact_id, arm, entered_at)
      select distinct on (v, node, contact_id) v, node, contact_id, variant::text, entered_at
      from steps where variant is not null
      order by v, node, contact_id, entered_at
    ),
    g as (
      insert into goals (workspace_id, flow_version_id, run_id, contact_id, name, created_at)
      select ${world.workspaceId}, v, run_id, contact_id, goal, entered_at from steps where goal is not null
    ),
    counted as (
      select v, node, '' as port, shard, entered_at as at from steps
      union all select v, node, port, shard, left_at from steps where port is not null
    ),
    d as (
      insert into node_stats_daily (flow_version_id, day, node_id, port, shard, count)
      select v, (at at time zone ${TIME_ZONE})::date, node, port, shard, count(*) from counted group by 1, 2, 3, 4, 5
    )
    insert into node_stats (flow_version_id, node_id, port, shard, count)
    select v, node, port, shard, count(*) from counted group by 1, 2, 3, 4`);
}

/** A fresh world: `flows` published funnels, `visits` node visits over `days` days, in batches of 10 flows. */
export async function seedAnalytics(
  db: Db,
  options: { flows: number; visits: number; days: number; contacts: number; now?: Date },
  progress: (line: string) => void = () => {},
): Promise<AnalyticsWorld> {
  const now = options.now ?? new Date();
  const { workspaceId, accountId } = await seedWorkspace(db, now, options.contacts, String(options.visits));
  const flows: AnalyticsWorld['flows'] = [];
  for (let i = 0; i < options.flows; i++) {
    const name = `${PREFIX}${now.getTime().toString(36)}-${i}`;
    flows.push(await publishGraph(db, workspaceId, name, funnelGraph(`促销${i}`)));
  }
  const runs = Math.round(options.visits / visitsPerRun(FUNNEL_PATHS) / options.flows);
  for (let i = 0; i < flows.length; i += 10) {
    const t = performance.now();
    // Room for the statement's hash aggregates in memory (a batch is ~0.5M steps at 10M visits).
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '128MB'`);
      const batch = { workspaceId, now, flows: flows.slice(i, i + 10) };
      await seedRuns(tx, batch, { paths: FUNNEL_PATHS, runs, days: options.days });
    });
    progress(
      `  flows ${i + 1}–${Math.min(flows.length, i + 10)}: ${runs} runs each, ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  for (const table of [
    'runs',
    'node_visits',
    'experiment_members',
    'node_stats',
    'node_stats_daily',
    'goals',
  ])
    await db.execute(sql.raw(`analyze ${table}`));
  return { workspaceId, accountId, now, flows };
}

/** `--reuse`: the latest world seeded with `visits` node visits, or null. */
export async function reuseAnalytics(db: Db, visits: number): Promise<AnalyticsWorld | null> {
  const [found] = rowsOf<{ id: string; name: string; account: string }>(
    await db.execute(sql`select w.id, w.name, (select b.id from bot_accounts b where b.workspace_id = w.id limit 1) as account
      from workspaces w where w.name like ${`${PREFIX}${visits}-%`} order by w.created_at desc limit 1`),
  );
  if (!found) return null;
  const now = new Date(Number.parseInt(found.name.slice(`${PREFIX}${visits}-`.length), 36));
  const flows = rowsOf<{ flowId: string; flowVersionId: string }>(
    await db.execute(sql`select f.id as "flowId", v.id as "flowVersionId" from flows f
      join flow_versions v on v.flow_id = f.id and v.version = f.published_version
      where f.workspace_id = ${found.id} order by f.name`),
  );
  return { workspaceId: found.id, accountId: found.account, now, flows };
}

/** What every part of bench:analytics gets: the database and the seeded world. */
export interface AnalyticsBenchContext {
  db: Db;
  kind: 'pglite' | 'postgres';
  world: AnalyticsWorld;
}
/**
 * A part of bench:analytics (its PARTS): measures one thing against `ctx`, seeding what else it needs
 * (e.g. with `seedRuns`), and answers its figure lines.
 */
export type AnalyticsPart = (ctx: AnalyticsBenchContext) => Promise<string[]>;
