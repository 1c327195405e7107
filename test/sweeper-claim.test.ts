// The sweeper's claim (DESIGN "Wake"): due runs are claimed and fired in one transaction, with SKIP
// LOCKED on the runs and their contacts — two sweepers at once fire every due run exactly once, a
// run whose contact another turn holds is left for the next pass, and a run with nothing to fire
// waits a lease instead of being claimed first on every pass.
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { handleInbound } from '../runtime/router/inbound.ts';
import { CLAIM_LEASE_MS, fireDueRuns } from '../runtime/sweeper/sweeper.ts';
import { contacts, nodeStats, runs } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { askTimeoutGraph, publishGraph, seedWorkspace } from './support/runtime.ts';

describeDb('sweeper claim', (handle, kind) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let flowVersionId: string;
  const t0 = new Date('2026-11-25T02:00:00Z');
  let seq = 0;

  beforeAll(async () => {
    ({ account } = await seedWorkspace(handle().db));
    ({ flowVersionId } = await publishGraph(handle().db, account.workspaceId, 'Sweeper', askTimeoutGraph));
  });

  /** `count` contacts befriend us at `at`: each one's run waits on the ask's 1-hour timeout. */
  const befriend = async (count: number, at: Date) => {
    const made: string[] = [];
    for (let i = 0; i < count; i++) {
      const contact = { puppetId: `sw-${++seq}`, name: `sw${seq}` };
      const r = await handleInbound(handle().db, account, { kind: 'friend_confirm', contact, at }, at);
      made.push(r.contactId!);
    }
    return made;
  };
  const runsOf = (contactIds: string[]) =>
    handle().db.select().from(runs).where(inArray(runs.contactId, contactIds));
  const drain = async (now: Date) => {
    let fired = 0;
    for (;;) {
      const due = await fireDueRuns(handle().db, now, 7);
      if (due.claimed === 0) return fired;
      fired += due.outcomes.filter(Boolean).length;
    }
  };

  it('two sweepers at once fire each due run exactly once', async () => {
    const at = new Date(t0.getTime());
    const who = await befriend(30, at);
    const later = new Date(at.getTime() + 2 * 3600_000);
    const [a, b] = await Promise.all([drain(later), drain(later)]);
    expect(a + b).toBe(30);
    const after = await runsOf(who);
    expect(after.map((r) => r.status)).toEqual(Array(30).fill('exited'));
    const [timedOut] = await handle()
      .db.select({ n: sql<number>`sum(${nodeStats.count})::int` })
      .from(nodeStats)
      .where(
        sql`${nodeStats.flowVersionId} = ${flowVersionId} and ${nodeStats.nodeId} = 'q' and ${nodeStats.port} = 'timeout'`,
      );
    expect(timedOut?.n).toBe(30);
    expect(await drain(later)).toBe(0);
  });

  it.runIf(kind === 'postgres')(
    'leaves a run whose contact another turn holds for the next pass',
    async () => {
      const at = new Date(t0.getTime() + 86_400_000);
      const [held, free] = await befriend(2, at);
      const later = new Date(at.getTime() + 2 * 3600_000);
      await handle().db.transaction(async (tx) => {
        await tx.select().from(contacts).where(eq(contacts.id, held!)).for('update');
        // The sweeper runs on another connection of the pool: it does not wait for the lock.
        expect(await drain(later)).toBe(1);
      });
      const [heldRun, freeRun] = [(await runsOf([held!]))[0]!, (await runsOf([free!]))[0]!];
      expect(freeRun.status).toBe('exited');
      expect(heldRun.status).toBe('waiting');
      expect(await drain(later)).toBe(1);
      expect((await runsOf([held!]))[0]!.status).toBe('exited');
    },
  );

  it('puts a due run with nothing to fire off by a lease instead of claiming it on every pass', async () => {
    const at = new Date(t0.getTime() + 2 * 86_400_000);
    const [who] = await befriend(1, at);
    await handle().db.update(runs).set({ wakeToken: null }).where(eq(runs.contactId, who!));
    const later = new Date(at.getTime() + 2 * 3600_000);
    expect(await fireDueRuns(handle().db, later)).toEqual({ claimed: 1, outcomes: [null] });
    expect(await fireDueRuns(handle().db, later)).toEqual({ claimed: 0, outcomes: [] });
    const [run] = await runsOf([who!]);
    expect(run!.status).toBe('waiting');
    expect(run!.wakeAt!.getTime()).toBe(later.getTime() + CLAIM_LEASE_MS);
  });
});
