// `npm run bench:runtime` (DATABASE_URL = a PostgreSQL database it may fill; PGlite without it):
// (a) the database's own single-row insert transactions/s, (b) end-to-end turns/s of many contacts
// answering a 5-turn flow concurrently (inbound → committed snapshot + outbox + stats) with p50/p99,
// their events through the runtime's batcher as the bot manager sends them, (c) waiting runs made due
// at once: wakes fired/s. Knobs: BENCH_CONTACTS, BENCH_TALKING (contacts in conversation at once),
// BENCH_CONCURRENCY (transactions at once in (a)), BENCH_WAKES, BENCH_SWEEPERS.
import { sql } from 'drizzle-orm';
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { InboundBatcher } from '../runtime/router/batcher.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { claimDueRuns, fireRuns, WAKE_BATCH } from '../runtime/sweeper/sweeper.ts';
import { publishGraph, seedWorkspace } from '../test/support/runtime.ts';
import { insertBaseline, pool } from './support.ts';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Contacts in conversation at once in (b); their events share the batcher's transactions. */
const TALKING = Number(process.env.BENCH_TALKING ?? 64);
const WAKES = Number(process.env.BENCH_WAKES ?? 100_000);
/** Wake batches fired at once: one per sweeper, as when this many worker processes share the due runs. */
const SWEEPERS = Number(process.env.BENCH_SWEEPERS ?? 4);
const url = process.env.DATABASE_URL;
const handle = await openDb(url ? { kind: 'postgres', url, poolSize: CONCURRENCY + 2 } : { kind: 'pglite' });
await runMigrations(handle);
const { db } = handle;

// (a) baseline
const baseline = await insertBaseline(db, CONCURRENCY);
let t = performance.now();

// (b) five turns per contact: START on friend confirm, then four answers
const questions = ['q1', 'q2', 'q3', 'q4'].map((id, i) => ({
  id,
  type: 'ask',
  position: { x: 0, y: i },
  data: { question: `问题${i}`, saveAs: `a${i}`, timeout: 'PT1H' },
}));
const graph = {
  nodes: [
    { id: 'start', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
    ...questions,
    { id: 'done', type: 'goal', position: { x: 0, y: 9 }, data: { name: 'done' } },
  ],
  edges: [
    { id: 's', source: 'start', sourceHandle: 'next', target: 'q1' },
    ...questions
      .slice(0, -1)
      .map((q, i) => ({ id: `e${i}`, source: q.id, sourceHandle: 'answered', target: questions[i + 1]!.id })),
    { id: 'g', source: 'q4', sourceHandle: 'answered', target: 'done' },
  ],
};
const { account } = await seedWorkspace(db, `bench-${Date.now()}`);
await publishGraph(db, account.workspaceId, `bench-${Date.now()}`, graph);
const now = new Date();
const latencies: number[] = [];
const timed = async (fn: () => Promise<unknown>) => {
  const s = performance.now();
  await fn();
  latencies.push(performance.now() - s);
};
// Every event goes through the runtime's group-commit batcher, as the bot manager's events do.
const batcher = new InboundBatcher(db, () => now);
const ids = Array.from({ length: CONTACTS }, (_, i) => `c${i}-${Date.now()}`);
t = performance.now();
await pool(ids, TALKING, async (id) => {
  const contact = { puppetId: id, name: id };
  await timed(() => batcher.submit(account, { kind: 'friend_confirm', contact, at: now }));
  for (let turn = 0; turn < 4; turn++) {
    await timed(() =>
      batcher.submit(account, {
        kind: 'message',
        messageId: `${id}-${turn}`,
        contact,
        text: `答${turn}`,
        self: false,
        at: now,
      }),
    );
  }
});
const turnsPerSecond = latencies.length / ((performance.now() - t) / 1000);
latencies.sort((x, y) => x - y);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);

// (c) every run waits on a 1-hour ask timeout: one run made through the router, cloned in SQL into
// WAKES waiting runs of as many contacts, all made due at once, then fired by the sweeper's batches
const tag = Date.now().toString(36);
const seed = await handleInbound(
  db,
  account,
  { kind: 'friend_confirm', contact: { puppetId: `seed-${tag}`, name: 'seed' }, at: now },
  now,
);
const template = seed.turns[0]!.runId;
await db.execute(sql`
  insert into contacts (workspace_id, bot_account_id, puppet_id, name, friend_status)
  select ${account.workspaceId}, ${account.id}, 'w' || g || '-' || ${tag}, 'w' || g, 'friend'
  from generate_series(1, ${WAKES}) g`);
await db.execute(sql`
  insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, snapshot, current_node_id,
                    awaits_message, wake_at, wake_token, started_at, updated_at)
  select t.workspace_id, t.flow_id, t.flow_version_id, c.id, 'waiting', t.snapshot, t.current_node_id,
         t.awaits_message, ${now}, t.wake_token, t.started_at, t.updated_at
  from runs t, contacts c
  where t.id = ${template} and c.bot_account_id = ${account.id} and c.puppet_id like ${`w%-${tag}`}`);
await db.execute(sql`analyze runs`);
t = performance.now();
let fired = 0;
for (;;) {
  const due = await claimDueRuns(db, new Date(now.getTime() + 1000), 2000);
  if (due.length === 0) break;
  const batches = Array.from({ length: Math.ceil(due.length / WAKE_BATCH) }, (_, i) =>
    due.slice(i * WAKE_BATCH, (i + 1) * WAKE_BATCH),
  );
  await pool(batches, SWEEPERS, async (batch) => {
    const turns = await fireRuns(db, batch, new Date(now.getTime() + 1000));
    fired += turns.filter(Boolean).length;
  });
}
const wakesPerSecond = fired / ((performance.now() - t) / 1000);

console.log(`database: ${handle.kind}, concurrency ${CONCURRENCY}`);
console.log(`(a) single-row insert transactions: ${baseline.toFixed(0)}/s`);
console.log(
  `(b) turns: ${turnsPerSecond.toFixed(0)}/s over ${latencies.length} turns, p50 ${pct(50)} ms, p99 ${pct(99)} ms; (b)/(a) = ${(turnsPerSecond / baseline).toFixed(2)}`,
);
console.log(
  `(c) wakes fired: ${wakesPerSecond.toFixed(0)}/s (${fired} of ${WAKES} due runs, ${SWEEPERS} sweepers, batches of ${WAKE_BATCH})`,
);
await db.execute(sql`drop table if exists bench_rows`);
await handle.close();
