// Experiments for `npm run bench:analytics`: a flow with 5 splits whose contacts went through all of
// them, among the other flows' history; GET /api/flows/:id/experiments timed (target < 100 ms).
// `seedExperiment` writes arms of exact sizes in SQL; the tests and the e2e seed with it too.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../runtime/db/client.ts';
import { flowExperiments } from '../server/flows/experiments.ts';
import { publishVersion } from '../server/flows/publish.ts';
import { flows, flowVersions } from '../shared/db/schema.ts';
import { percentile } from './support.ts';

export interface ArmSeed {
  /** The branch name (split) or the variant index in `[text, ...variants]` (send). */
  key: string;
  contacts: number;
  converted: number;
}

export interface ExperimentSeed {
  workspaceId: string;
  botAccountId: string;
  flowId: string;
  flowVersionId: string;
  goal: string;
  /** When the first contact entered; each next one a second later. */
  at: Date;
  /** The first node's arms decide the contacts and who converts; later nodes split the same contacts
   * by their own arm sizes (a contact past their total does not visit them). */
  nodes: { nodeId: string; type: 'split' | 'send'; arms: ArmSeed[] }[];
  /** Other cards every run visits (history that is not an experiment). */
  padding?: string[];
  /** Spreads the contacts' entries over this many seconds (default: one a second). */
  spreadSeconds?: number;
}

/**
 * Contacts, one completed run each, their visits, experiment members (as the runtime writes them) and
 * goals: one statement of generate_series.
 */
export async function seedExperiment(db: Db, seed: ExperimentSeed): Promise<void> {
  const [first] = seed.nodes;
  if (!first) return;
  const total = first.arms.reduce((n, arm) => n + arm.contacts, 0);
  const step = (seed.spreadSeconds ?? total) / Math.max(1, total);
  const tag = `exp${Math.random().toString(36).slice(2, 10)}`;
  const nodes = seed.nodes.map((node) => {
    let start = 0;
    return {
      node_id: node.nodeId,
      split: node.type === 'split',
      arms: node.arms.map((arm) => {
        const block = { key: arm.key, lo: start, hi: start + arm.contacts, conv: start + arm.converted };
        start += arm.contacts;
        return block;
      }),
    };
  });
  const arms = nodes.flatMap((n, k) => n.arms.map((a) => ({ ...a, node_id: n.node_id, split: n.split, k })));
  await db.execute(sql`
    with c as (
      insert into contacts (workspace_id, bot_account_id, puppet_id, name)
      select ${seed.workspaceId}, ${seed.botAccountId}, ${tag} || ':' || g, 'Exp ' || g
      from generate_series(0, ${total - 1}) g
      returning id, split_part(puppet_id, ':', 2)::int as i
    ),
    r as (
      insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, started_at, updated_at)
      select ${seed.workspaceId}, ${seed.flowId}, ${seed.flowVersionId}, c.id, 'completed', t.at, t.at
      from c cross join lateral (select ${seed.at.toISOString()}::timestamptz
        + c.i * ${step}::float8 * interval '1 second' as at) t
      returning id, contact_id, started_at
    ),
    rc as (select r.id, r.contact_id, r.started_at, c.i from r join c on c.id = r.contact_id),
    a as (select * from jsonb_to_recordset(${JSON.stringify(arms)}::jsonb)
      as a(node_id text, split boolean, key text, lo int, hi int, conv int, k int)),
    m as (
      insert into experiment_members (flow_version_id, node_id, contact_id, arm, entered_at)
      select ${seed.flowVersionId}, a.node_id, rc.contact_id, a.key, rc.started_at + a.k * interval '1 second'
      from rc join a on rc.i >= a.lo and rc.i < a.hi
    ),
    v as (
      insert into node_visits (run_id, node_id, visit, port, variant, entered_at)
      select rc.id, a.node_id, 1, case when a.split then a.key else 'next' end,
        case when a.split then null else a.key::smallint end, rc.started_at + a.k * interval '1 second'
      from rc join a on rc.i >= a.lo and rc.i < a.hi
      union all
      select rc.id, p.node_id, 1, 'next', null, rc.started_at
      from rc cross join unnest(${`{${(seed.padding ?? []).join(',')}}`}::text[]) as p(node_id)
    ),
    g as (
      insert into goals (workspace_id, flow_version_id, run_id, contact_id, name, created_at)
      select ${seed.workspaceId}, ${seed.flowVersionId}, rc.id, rc.contact_id, ${seed.goal},
        rc.started_at + interval '1 hour'
      from rc join jsonb_to_recordset(${JSON.stringify(nodes[0]!.arms)}::jsonb) as a(lo int, conv int)
        on rc.i >= a.lo and rc.i < a.conv
    )
    select 1`);
}

const SPLITS = 5;

/** trigger → split_1 … split_5 (each: branch `a` sends, `b` sends) → goal, as a published version. */
export function fiveSplitGraph() {
  const node = (id: string, type: string, data: object, y: number) => ({
    id,
    type,
    position: { x: 0, y },
    data,
  });
  const nodes = [node('kw', 'trigger.keyword', { keywords: ['exp'] }, 0)];
  const edges: { id: string; source: string; sourceHandle: string; target: string }[] = [];
  let previous = 'kw';
  let port = 'next';
  for (let s = 1; s <= SPLITS; s++) {
    const id = `split_${s}`;
    nodes.push(
      node(
        id,
        'split',
        {
          branches: [
            { name: 'a', weight: 50 },
            { name: 'b', weight: 50 },
          ],
        },
        s * 200,
      ),
    );
    edges.push({ id: `e_${id}`, source: previous, sourceHandle: port, target: id });
    for (const branch of ['a', 'b']) {
      nodes.push(node(`send_${s}${branch}`, 'send', { text: `${s}${branch}` }, s * 200 + 100));
      edges.push({ id: `e_${s}${branch}`, source: id, sourceHandle: branch, target: `send_${s}${branch}` });
    }
    previous = `send_${s}a`;
    port = 'next';
  }
  nodes.push(node('goal', 'goal', { name: 'bought' }, 1400));
  edges.push({ id: 'e_goal', source: previous, sourceHandle: 'next', target: 'goal' });
  return { nodes, edges };
}

/** Publishes `graph` as a new flow of the workspace; answers the flow and version ids. */
async function publishFlow(db: Db, workspaceId: string, name: string, graph: object) {
  const [flow] = await db.insert(flows).values({ workspaceId, name, graph }).returning();
  const published = await publishVersion(db, flow!, graph, null);
  if (!published.ok) throw new Error(`${name} does not compile: ${JSON.stringify(published.errors)}`);
  const [version] = await db
    .select({ id: flowVersions.id })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flow!.id), eq(flowVersions.version, published.version)));
  return { flowId: flow!.id, flowVersionId: version!.id };
}

/**
 * Publishes the 5-split flow in `workspaceId`, gives it `contacts` contacts through every split (and 6
 * other cards each: 11 visits a contact, so 10,000 contacts are twice the visits of an average flow
 * of 10M visits in 200 flows) over 90 days, then times its experiments `samples` times.
 */
export async function benchExperiments(
  db: Db,
  scope: { workspaceId: string; botAccountId: string },
  { contacts = 10_000, samples = 30 } = {},
) {
  const flow = await publishFlow(db, scope.workspaceId, 'Experiments bench', fiveSplitGraph());
  const half = Math.floor(contacts / 2);
  const arms = (s: number) => [
    { key: 'a', contacts: half, converted: Math.round(half * 0.1) },
    { key: 'b', contacts: half, converted: Math.round(half * (0.1 + (SPLITS - s) * 0.004)) },
  ];
  const t0 = performance.now();
  await seedExperiment(db, {
    ...scope,
    ...flow,
    goal: 'bought',
    at: new Date(Date.now() - 90 * 86_400_000),
    spreadSeconds: 90 * 86_400,
    nodes: Array.from({ length: SPLITS }, (_, i) => ({
      nodeId: `split_${i + 1}`,
      type: 'split' as const,
      arms: arms(i),
    })),
    padding: ['kw', 'send_1a', 'send_2a', 'send_3a', 'send_4a', 'send_5a'],
  });
  const seedMs = performance.now() - t0;
  // As autovacuum leaves an insert-only table: its visibility map lets the read skip the heap.
  await db.execute(sql`vacuum analyze experiment_members`);
  await db.execute(sql`analyze goals`);
  const times: number[] = [];
  let winners = 0;
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const body = await flowExperiments(db, scope.workspaceId, flow.flowId, {});
    times.push(performance.now() - t);
    winners = body.experiments.filter((e) => e.winner).length;
  }
  times.sort((a, b) => a - b);
  return {
    contacts: half * 2,
    visits: half * 2 * (SPLITS + 6),
    seedMs: Math.round(seedMs),
    p50: Math.round(percentile(times, 0.5) * 10) / 10,
    p95: Math.round(percentile(times, 0.95) * 10) / 10,
    winners,
  };
}
