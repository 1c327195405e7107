// Daily rollups (DESIGN "Analytics") against the counters and the turns' clock: after a random workload
// of runs through a branching flow around local midnight, node_stats_daily sums to node_stats for every
// node and port, and each increment lands on the day of its turn in the workspace's zone.
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Db, rowsOf } from '../runtime/db/client.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { claimDueRuns, type DueRun, fireRuns } from '../runtime/sweeper/sweeper.ts';
import { workspaces } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph, seedWorkspace } from './support/runtime.ts';

const MINUTE = 60_000;
/** 16:00 UTC is midnight in Asia/Shanghai: the workload starts around it, on three days. */
const MIDNIGHT_SHANGHAI = Date.parse('2026-03-01T16:00:00Z');
const TIMEOUT = 10 * MINUTE; // reply-branches: wait_reply PT10M

type Account = Awaited<ReturnType<typeof seedWorkspace>>['account'];
/** One contact's run: it says the keyword at `start`, then answers after `delay` minutes or stays silent. */
type Visitor = { start: number; answer: string | null; delay: number };

const visitor = fc.record({
  start: fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -3, max: 3 }))
    .map(([day, minutes]) => MIDNIGHT_SHANGHAI + day * 86_400_000 + minutes * MINUTE),
  answer: fc.constantFrom('要的', '好', '不用了', '随便', null, null),
  delay: fc.integer({ min: 1, max: 9 }),
});

let seq = 0;
async function setUp(db: Db, timeZone: string) {
  const n = ++seq;
  const { account, workspaceId } = await seedWorkspace(db, `Rollups ${n}`);
  await db.update(workspaces).set({ timeZone }).where(eq(workspaces.id, workspaceId));
  const flow = await publishGraph(db, workspaceId, `Rollups ${n}`, fixtureGraph('reply-branches'));
  return { account: { ...account, timeZone }, ...flow };
}

/**
 * Plays the visitors' messages in time order, firing the due timeouts in between at their own time:
 * those due at the same instant in one transaction, whose counters add up before the upsert.
 */
async function play(db: Db, account: Account, visitors: Visitor[]) {
  const say = (i: number, text: string, at: number) =>
    handleInbound(
      db,
      account,
      {
        kind: 'message',
        messageId: `m${i}-${at}`,
        contact: { puppetId: `v${i}`, name: `访客${i}` },
        text,
        self: false,
        at: new Date(at),
      },
      new Date(at),
    );
  const events = visitors.flatMap((v, i) => [
    { at: v.start, i, text: '优惠' },
    ...(v.answer ? [{ at: v.start + v.delay * MINUTE, i, text: v.answer }] : []),
  ]);
  events.sort((a, b) => a.at - b.at || a.i - b.i);
  const sweep = async (until: number) => {
    const due = new Map<number, DueRun[]>();
    for (const d of await claimDueRuns(db, new Date(until), 1000))
      due.set(d.wakeAt.getTime(), [...(due.get(d.wakeAt.getTime()) ?? []), d]);
    for (const [at, batch] of due) await fireRuns(db, batch, new Date(at));
  };
  for (const e of events) {
    await sweep(e.at);
    await say(e.i, e.text, e.at);
  }
  await sweep(MIDNIGHT_SHANGHAI + 4 * 86_400_000);
}

type Counter = { node_id: string; port: string; day?: string; n: number };
const key = (c: Counter) => `${c.node_id}/${c.port}${c.day ? `@${c.day}` : ''}`;
const tally = (rows: Counter[]) => Object.fromEntries(rows.map((r) => [key(r), r.n]).sort());

async function counters(db: Db, flowVersionId: string) {
  const totals = rowsOf<Counter>(
    await db.execute(sql`select node_id, port, sum(count)::int as n from node_stats
      where flow_version_id = ${flowVersionId} group by 1, 2`),
  );
  const rolled = rowsOf<Counter>(
    await db.execute(sql`select node_id, port, sum(count)::int as n from node_stats_daily
      where flow_version_id = ${flowVersionId} group by 1, 2`),
  );
  const daily = rowsOf<Counter>(
    await db.execute(sql`select node_id, port, to_char(day, 'YYYY-MM-DD') as day, sum(count)::int as n
      from node_stats_daily where flow_version_id = ${flowVersionId} group by 1, 2, 3`),
  );
  return { totals: tally(totals), rolled: tally(rolled), daily: tally(daily) };
}

/**
 * What each turn counts, on its own day: the keyword turn enters kw → hello → reply; the answer (or the
 * timeout) leaves `reply` and walks a branch to the end.
 */
function expected(visitors: Visitor[], timeZone: string) {
  const counts: Record<string, number> = {};
  const add = (at: number, ...keys: string[]) => {
    for (const k of keys)
      counts[`${k}@${localDay(at, timeZone)}`] = (counts[`${k}@${localDay(at, timeZone)}`] ?? 0) + 1;
  };
  for (const v of visitors) {
    add(v.start, 'kw/', 'kw/next', 'hello/', 'hello/next', 'reply/');
    if (!v.answer) {
      add(v.start + TIMEOUT, 'reply/timeout', 'quiet/', 'quiet/next', 'end/');
      continue;
    }
    const at = v.start + v.delay * MINUTE;
    const interested = v.answer.includes('要') || /^(好|行|ok)/i.test(v.answer);
    add(at, 'reply/replied', 'check/');
    if (interested)
      add(at, 'check/true', 'note/', 'note/next', 'warm/', 'warm/next', 'details/', 'details/next', 'end/');
    else add(at, 'check/false', 'bye/', 'bye/next', 'end/');
  }
  return Object.fromEntries(Object.entries(counts).sort());
}

describeDb('node_stats_daily', (handle) => {
  it('counts a turn at 15:59 UTC and its answer at 16:01 UTC on two Shanghai days, one UTC day', async () => {
    const start = MIDNIGHT_SHANGHAI - MINUTE;
    const answer = { start, answer: '要的', delay: 2 };
    for (const timeZone of ['Asia/Shanghai', 'UTC']) {
      const { account, flowVersionId } = await setUp(handle().db, timeZone);
      await play(handle().db, account, [answer]);
      const { daily } = await counters(handle().db, flowVersionId);
      const [before, after] =
        timeZone === 'UTC' ? ['2026-03-01', '2026-03-01'] : ['2026-03-01', '2026-03-02'];
      expect(daily[`hello/@${before}`]).toBe(1);
      expect(daily[`reply/@${before}`]).toBe(1);
      expect(daily[`reply/replied@${after}`]).toBe(1);
      expect(daily[`details/next@${after}`]).toBe(1);
      expect(daily).toEqual(expected([answer], timeZone));
    }
  });

  it('adds up the timeouts one transaction fires', async () => {
    const { account, flowVersionId } = await setUp(handle().db, 'Asia/Shanghai');
    const silent = { start: MIDNIGHT_SHANGHAI - 9 * MINUTE, answer: null, delay: 1 };
    await play(handle().db, account, [silent, silent, silent]);
    const { daily } = await counters(handle().db, flowVersionId);
    expect(daily).toMatchObject({
      'reply/@2026-03-01': 3,
      'reply/timeout@2026-03-02': 3,
      'end/@2026-03-02': 3,
    });
  });

  it('sums to node_stats per node and port, each turn on its own local day, after a random workload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(visitor, { minLength: 1, maxLength: 10 }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/Los_Angeles'),
        async (visitors, timeZone) => {
          const { account, flowVersionId } = await setUp(handle().db, timeZone);
          await play(handle().db, account, visitors);
          const { totals, rolled, daily } = await counters(handle().db, flowVersionId);
          expect(rolled).toEqual(totals);
          expect(daily).toEqual(expected(visitors, timeZone));
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
