// Bench (c): `count` waiting runs made due at once, fired by `sweepers` sweepers each doing what a
// runtime process's wall-clock sweep does (claim, fire in batches) — on PostgreSQL each a process of
// its own (sweeper-process.ts), as when that many workers share the due runs. Two shapes: runs waiting
// on an ask's timeout (a snapshot to restore), and a campaign's unstarted runs (the timer starts them
// at the trigger: a send, then a wait).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../runtime/db/client.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { askTimeoutGraph, fixtureGraph, publishGraph, seedWorkspace } from '../test/support/runtime.ts';
import { databaseCpu, databaseCpuSince } from './support.ts';
import { sweep, WAKE_BATCH } from './sweep.ts';

/**
 * The node flags of `npm run worker` (package.json, `node <flags…> <entry>`): each sweeper process runs
 * as a worker does — its young generation included, where a sweep's garbage goes. BENCH_NODE_FLAGS adds more.
 */
const WORKER_FLAGS = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.worker as string
)
  .split(' ')
  .slice(1, -1);

/** Inserts `count` contacts of the account and one due run each, cloned from `template` in SQL. */
async function cloneRuns(db: Db, accountId: string, workspaceId: string, count: number, template: string) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await db.execute(sql`
    insert into contacts (workspace_id, bot_account_id, puppet_id, name, friend_status)
    select ${workspaceId}, ${accountId}, 'w' || g || '-' || ${tag}, 'w' || g, 'friend'
    from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, snapshot, current_node_id,
                      awaits_message, wake_at, wake_token, started_at, updated_at)
    select t.workspace_id, t.flow_id, t.flow_version_id, c.id, 'waiting', t.snapshot, t.current_node_id,
           t.awaits_message, now() - interval '1 second', t.wake_token, t.started_at, t.updated_at
    from runs t, contacts c
    where t.id = ${template} and c.bot_account_id = ${accountId} and c.puppet_id like ${`w%-${tag}`}`);
}

/** A template run of the shape, in a workspace of its own. */
async function template(db: Db, shape: 'timeout' | 'campaign') {
  const { account, workspaceId } = await seedWorkspace(db, `bench-wakes-${shape}-${Date.now()}`);
  const name = `bench-wakes-${shape}-${Date.now()}`;
  const now = new Date();
  if (shape === 'timeout') {
    await publishGraph(db, workspaceId, name, askTimeoutGraph);
    const seed = await handleInbound(
      db,
      account,
      { kind: 'friend_confirm', contact: { puppetId: `seed-${name}`, name: 'seed' }, at: now },
      now,
    );
    return { account, run: seed.turns[0]!.runId };
  }
  const { flowId, flowVersionId } = await publishGraph(db, workspaceId, name, fixtureGraph('campaign'));
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      with c as (
        insert into contacts (workspace_id, bot_account_id, puppet_id, name, friend_status)
        values (${workspaceId}, ${account.id}, ${`seed-${name}`}, 'seed', 'friend') returning id
      )
      insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, current_node_id,
                        wake_at, wake_token, started_at, updated_at)
      select ${workspaceId}, ${flowId}, ${flowVersionId}, c.id, 'waiting', 'campaign', null, 'launch', ${now}, ${now}
      from c returning id`),
  );
  return { account, run: row!.id };
}

export interface WakeFigures {
  perSecond: number;
  fired: number;
  detail: string;
}

/**
 * BENCH_WARMUP: runs each sweeper fires before the clock starts (default 5,000), as a worker that has
 * been running a while — its code compiled by V8's optimising tiers — meets a campaign's send hour.
 * Cold sweepers spend ~0.5 s of CPU each warming up (100k campaign starts: ~20 µs a wake); 0 measures cold.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5000);

/** Makes `count` runs of the shape due and fires them with `sweepers` sweepers; answers wakes/s. */
export async function benchWakes(
  db: Db,
  shape: 'timeout' | 'campaign',
  count: number,
  sweepers: number,
): Promise<WakeFigures> {
  // BENCH_DDL: a schema change to try before a migration is written (runtime.bench.ts).
  if (process.env.BENCH_DDL) await db.execute(sql.raw(process.env.BENCH_DDL));
  const { account, run } = await template(db, shape);
  const due = async (n: number) => {
    await cloneRuns(db, account.id, account.workspaceId, n, run);
    await db.execute(sql`analyze runs`);
    await db.execute(sql`analyze contacts`);
  };
  const onPostgres = Boolean(process.env.DATABASE_URL);
  const crew = onPostgres ? await sweeperProcesses(sweepers) : sweepersHere(db, sweepers);
  if (WARMUP > 0) {
    await due(WARMUP * sweepers);
    await crew.go();
  }
  await due(count);
  const database = onPostgres ? databaseCpu() : null;
  const t = performance.now();
  const { fired, cpuUs } = await crew.go();
  const seconds = (performance.now() - t) / 1000;
  const spent = databaseCpuSince(database);
  crew.close();
  const perWake = (us: number) => `${(us / Math.max(1, fired)).toFixed(0)} µs/wake`;
  const pg = spent === null ? '' : `, PostgreSQL's ${perWake(spent * 1e6)}`;
  return {
    perSecond: fired / seconds,
    fired,
    detail: `${crew.how}, warmed on ${WARMUP} runs each, claimed and fired in batches of ${WAKE_BATCH}; sweepers' CPU ${perWake(cpuUs)}${pg}`,
  };
}

/** Sweepers told to sweep together: how many runs they fired and the CPU they spent (µs). */
interface Crew {
  how: string;
  go(): Promise<{ fired: number; cpuUs: number }>;
  close(): void;
}

/** Each sweeper a process of its own, as in a deployment (PostgreSQL), started once and told to go each sweep. */
async function sweeperProcesses(sweepers: number): Promise<Crew> {
  const children = Array.from({ length: sweepers }, () =>
    fork(fileURLToPath(new URL('./sweeper-process.ts', import.meta.url)), {
      execArgv: [
        ...WORKER_FLAGS,
        ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
        ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      ],
    }),
  );
  const reports = async () =>
    (await Promise.all(children.map((child) => once(child, 'message')))).map(([m]) => m);
  await reports();
  return {
    how: 'a process each',
    async go() {
      for (const child of children) child.send('go');
      const done = (await reports()) as { fired: number; cpuUs: number }[];
      return {
        fired: done.reduce((n, d) => n + d.fired, 0),
        cpuUs: done.reduce((n, d) => n + d.cpuUs, 0),
      };
    },
    // After the figures: the database's CPU is read while the sweepers' connections are open.
    close: () => {
      for (const child of children) child.send('close');
    },
  };
}

/** PGlite is one connection in this process: the sweepers take turns on it. */
function sweepersHere(db: Db, sweepers: number): Crew {
  return {
    how: 'in one process',
    async go() {
      const cpu = process.cpuUsage();
      const fired = (await Promise.all(Array.from({ length: sweepers }, () => sweep(db)))).reduce(
        (a, b) => a + b,
        0,
      );
      const used = process.cpuUsage(cpu);
      return { fired, cpuUs: used.user + used.system };
    },
    close: () => {},
  };
}
