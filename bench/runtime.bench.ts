// `npm run bench:runtime` (DATABASE_URL = a PostgreSQL database it may fill; PGlite without it):
// (a) the database's own single-row insert transactions/s, (b) end-to-end turns/s of many contacts
// answering a 5-turn flow concurrently (inbound → committed snapshot + outbox + stats) with p50/p99,
// their events through the runtime's batcher as the bot manager sends them, (c) waiting runs made due
// at once: wakes fired/s, for runs waiting on an ask timeout and for a campaign's unstarted runs (the
// first timer starts them: a send and a wait). Knobs: BENCH_CONTACTS, BENCH_TALKING (contacts in
// conversation at once), BENCH_CONCURRENCY (transactions at once in (a)), BENCH_WAKES, BENCH_SWEEPERS,
// BENCH_PARTS (which of a, b, c to run; all by default), BENCH_SHAPES, BENCH_WAKE_BATCH, BENCH_NODE_FLAGS (more
// node flags for the sweeper processes of (c), which run with the worker's own), BENCH_PROF (a
// directory: each sweeper process of (c) writes a V8 CPU profile there), BENCH_WARMUP (runs each sweeper
// fires before (c)'s clock starts, default 5,000; 0 measures cold processes), BENCH_DDL (SQL run before
// (c)'s runs are made: try an index or a dropped one without a migration).

import { sql } from 'drizzle-orm';
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { InboundBatcher } from '../runtime/router/batcher.ts';
import { publishGraph, seedWorkspace } from '../test/support/runtime.ts';
import { insertBaseline, pool } from './support.ts';
import { benchWakes } from './wakes.ts';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Contacts in conversation at once in (b); their events share the batcher's transactions. */
const TALKING = Number(process.env.BENCH_TALKING ?? 64);
const WAKES = Number(process.env.BENCH_WAKES ?? 100_000);
/** Sweepers at once, as when this many worker processes share the due runs. */
const SWEEPERS = Number(process.env.BENCH_SWEEPERS ?? 4);
const PARTS = process.env.BENCH_PARTS ?? 'abc';
const url = process.env.DATABASE_URL;
const handle = await openDb(url ? { kind: 'postgres', url, poolSize: CONCURRENCY + 2 } : { kind: 'pglite' });
await runMigrations(handle);
const { db } = handle;
console.log(`database: ${handle.kind}, concurrency ${CONCURRENCY}`);

// (a) baseline
const baseline = await insertBaseline(db, CONCURRENCY);
if (PARTS.includes('a')) console.log(`(a) single-row insert transactions: ${baseline.toFixed(0)}/s`);

// (b) five turns per contact: START on friend confirm, then four answers
const { account } = await seedWorkspace(db, `bench-${Date.now()}`);
if (PARTS.includes('b')) {
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
      ...questions.slice(0, -1).map((q, i) => ({
        id: `e${i}`,
        source: q.id,
        sourceHandle: 'answered',
        target: questions[i + 1]!.id,
      })),
      { id: 'g', source: 'q4', sourceHandle: 'answered', target: 'done' },
    ],
  };
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
  const t = performance.now();
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
  console.log(
    `(b) turns: ${turnsPerSecond.toFixed(0)}/s over ${latencies.length} turns, p50 ${pct(50)} ms, p99 ${pct(99)} ms; (b)/(a) = ${(turnsPerSecond / baseline).toFixed(2)}`,
  );
}

// (c) WAKES runs made due at once, fired by SWEEPERS sweepers as the runtime's loop does
if (PARTS.includes('c')) {
  for (const shape of (process.env.BENCH_SHAPES ?? 'timeout,campaign').split(',') as (
    | 'timeout'
    | 'campaign'
  )[]) {
    const r = await benchWakes(db, shape, WAKES, SWEEPERS);
    console.log(
      `(c) wakes fired (${shape}): ${r.perSecond.toFixed(0)}/s (${r.fired} of ${WAKES} due runs, ${SWEEPERS} sweepers, ${r.detail}); (c)/(a) = ${(r.perSecond / baseline).toFixed(2)}`,
    );
  }
}
await db.execute(sql`drop table if exists bench_rows`);
await handle.close();
