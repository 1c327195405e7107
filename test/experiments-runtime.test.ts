// Experiment members as real turns write them (inbound and the sweeper's timers): one per contact and
// experiment node, the arm and time of the first visit; and the experiments a flow answers from them
// agree with what its node visits and goals say.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../runtime/db/client.ts';
import { claimDueRuns, fireRuns } from '../runtime/sweeper/sweeper.ts';
import { flowExperiments } from '../server/flows/experiments.ts';
import { experimentMembers } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { contactsTalk } from './support/contacts-talk.ts';
import { describeDb } from './support/db.ts';
import { card, edge } from './support/graph.ts';
import { publishGraph, seedWorkspace } from './support/runtime.ts';

/**
 * go → split → hello (3 variants) → ask: "买" reaches the goal, any other reply goes round to the
 * split again (a second visit in the run); a day's silence sends `late` (2 variants) from the sweeper.
 */
const graph = {
  nodes: [
    card('kw', 'trigger.keyword', { keywords: ['go'] }),
    card('ab', 'split', {
      branches: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 1 },
      ],
    }),
    card('hello', 'send', { text: 'H0', variants: ['H1', 'H2'] }),
    card('ask', 'wait_reply', { timeout: 'P1D' }),
    card('check', 'condition', {
      match: 'any',
      rules: [{ field: 'reply.text', op: 'contains', value: '买' }],
    }),
    card('won', 'goal', { name: 'bought' }),
    card('late', 'send', { text: 'L0', variants: ['L1'] }),
    card('plain', 'send', { text: 'bye' }),
  ],
  edges: [
    edge('kw', 'next', 'ab'),
    edge('ab', 'a', 'hello'),
    edge('ab', 'b', 'hello'),
    edge('hello', 'next', 'ask'),
    edge('ask', 'replied', 'check'),
    edge('ask', 'timeout', 'late'),
    edge('check', 'true', 'won'),
    edge('check', 'false', 'ab'),
    edge('late', 'next', 'plain'),
  ],
};
const EXPERIMENTS = ['ab', 'hello', 'late'];
const HOUR = 3_600_000;

describeDb('experiment members', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let flow: { flowId: string; flowVersionId: string };
  const t0 = new Date('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    ({ account } = await seedWorkspace(handle().db));
    flow = await publishGraph(handle().db, account.workspaceId, 'Experiments', graph);
  });

  const { say, befriend } = contactsTalk(
    () => handle().db,
    () => account,
  );
  const sweep = async (at: Date) => {
    for (;;) {
      const due = await claimDueRuns(handle().db, at, 100);
      if (due.length === 0) return;
      await fireRuns(handle().db, due, at);
    }
  };
  const membersOf = (contactId: string) =>
    handle()
      .db.select()
      .from(experimentMembers)
      .where(
        and(
          eq(experimentMembers.flowVersionId, flow.flowVersionId),
          eq(experimentMembers.contactId, contactId),
        ),
      );

  it('writes one member per experiment node at the first visit; later visits change nothing', async () => {
    const contactId = await befriend('solo', t0);
    await say('solo', 'go', new Date(t0.getTime() + HOUR));
    const first = await membersOf(contactId);
    expect(first.map((m) => m.nodeId).sort()).toEqual(['ab', 'hello']);
    expect(first.every((m) => m.enteredAt.getTime() === t0.getTime() + HOUR)).toBe(true);
    expect(['a', 'b']).toContain(first.find((m) => m.nodeId === 'ab')!.arm);
    // Round the loop (second visits in the run), time out (the sweeper's turn sends `late`), start again.
    await say('solo', 'no', new Date(t0.getTime() + 2 * HOUR));
    await sweep(new Date(t0.getTime() + 30 * HOUR));
    await say('solo', 'go', new Date(t0.getTime() + 40 * HOUR));
    const after = await membersOf(contactId);
    expect(after.map((m) => [m.nodeId, m.arm, m.enteredAt.getTime()]).sort()).toEqual(
      [
        ...first.map((m) => [m.nodeId, m.arm, m.enteredAt.getTime()]),
        ['late', after.find((m) => m.nodeId === 'late')?.arm, t0.getTime() + 30 * HOUR],
      ].sort(),
    );
    const [visits] = rowsOf<{ n: number }>(
      await handle().db.execute(sql`select count(*)::int as n from node_visits nv join runs r on r.id = nv.run_id
        where r.contact_id = ${contactId} and nv.node_id = 'hello'`),
    );
    expect(visits!.n).toBe(3);
  });

  it('answers the arms and conversions that node visits and goals say, after a random workload', async () => {
    let state = 17;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const puppets = Array.from({ length: 24 }, (_, i) => `p${i}`);
    for (const p of puppets) await befriend(p, t0);
    // One who reached the goal, started again and fell silent: `late` entered after their goal.
    const day1 = t0.getTime() + 86_400_000;
    for (const [i, text] of ['go', '我买', 'go'].entries())
      await say('p0', text, new Date(day1 + i * 60_000));
    await sweep(new Date(day1 + 25 * HOUR));
    for (let round = 0; round < 10; round++) {
      const at = t0.getTime() + 3 * 86_400_000 + round * 11 * HOUR;
      await sweep(new Date(at));
      for (const [i, p] of puppets.entries()) {
        const dice = random();
        const text = dice < 0.35 ? 'go' : dice < 0.55 ? '我买' : dice < 0.7 ? 'no' : null;
        if (text) await say(p, text, new Date(at + i * 60_000));
      }
    }
    const zone = (at: Date) => localDay(at.getTime(), 'Asia/Shanghai');
    // Entries whose contact reached the goal only before them (in an earlier run): no conversion.
    let earlier = 0;
    const truth = async (from?: string, to?: string) => {
      const firsts = rowsOf<{ node_id: string; contact_id: string; arm: string; at: Date | string }>(
        await handle().db.execute(sql`
          select distinct on (nv.node_id, r.contact_id) nv.node_id, r.contact_id,
            coalesce(nv.variant::text, nv.port) as arm, nv.entered_at as at
          from node_visits nv join runs r on r.id = nv.run_id
          where r.flow_version_id = ${flow.flowVersionId} and nv.node_id in ('ab', 'hello', 'late')
          order by nv.node_id, r.contact_id, nv.entered_at, nv.visit`),
      );
      const goals = rowsOf<{ contact_id: string; at: Date | string }>(
        await handle().db.execute(sql`select contact_id, created_at as at from goals
          where flow_version_id = ${flow.flowVersionId} and name = 'bought'`),
      );
      const counts = new Map<string, { contacts: number; converted: number }>();
      for (const f of firsts) {
        const day = zone(new Date(f.at));
        if ((from && day < from) || (to && day > to)) continue;
        const key = `${f.node_id}/${f.arm}`;
        const count = counts.get(key) ?? { contacts: 0, converted: 0 };
        count.contacts += 1;
        const entered = new Date(f.at).getTime();
        const reached = goals
          .filter((g) => g.contact_id === f.contact_id)
          .map((g) => new Date(g.at).getTime());
        if (reached.some((at) => at >= entered)) count.converted += 1;
        else if (reached.length > 0) earlier += 1;
        counts.set(key, count);
      }
      return counts;
    };
    const answered = async (from?: string, to?: string) => {
      const body = await flowExperiments(handle().db, account.workspaceId, flow.flowId, {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      expect(body.experiments.map((e) => e.nodeId)).toEqual(EXPERIMENTS);
      const counts = new Map<string, { contacts: number; converted: number }>();
      for (const e of body.experiments)
        for (const arm of e.arms)
          if (arm.contacts > 0)
            counts.set(`${e.nodeId}/${arm.key}`, { contacts: arm.contacts, converted: arm.converted });
      return counts;
    };
    const all = await truth();
    expect([...all.values()].reduce((n, c) => n + c.converted, 0)).toBeGreaterThan(0);
    expect(earlier).toBeGreaterThan(0);
    expect(new Set([...all.keys()].map((k) => k.split('/')[0]))).toEqual(new Set(EXPERIMENTS));
    expect(await answered()).toEqual(all);
    const days = [
      zone(new Date(t0.getTime() + 4 * 86_400_000)),
      zone(new Date(t0.getTime() + 5 * 86_400_000)),
    ];
    expect(await answered(days[0], days[1])).toEqual(await truth(days[0], days[1]));
  });
});
