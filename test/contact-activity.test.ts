// Each inbound message counts its hour of the week in the contact's activity (`contact_activity`,
// apart from the contact's row): through a flow's turn, through the fallback, and from a group.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { claimDueRuns, fireRuns } from '../runtime/sweeper/sweeper.ts';
import { contactActivity, contacts, runs } from '../shared/db/schema.ts';
import { hourOfWeek } from '../shared/time/zoned.ts';
import { contactsTalk } from './support/contacts-talk.ts';
import { describeDb } from './support/db.ts';
import { publishGraph, seedWorkspace } from './support/runtime.ts';

const signUp = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['报名'] } },
    { id: 'hi', type: 'send', position: { x: 0, y: 100 }, data: { text: '欢迎报名！' } },
  ],
  edges: [{ id: 'e1', source: 'kw', sourceHandle: 'next', target: 'hi' }],
};

describeDb('contact activity', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  const db = () => handle().db;
  beforeAll(async () => {
    ({ account } = await seedWorkspace(db(), 'Activity'));
    await publishGraph(db(), account.workspaceId, 'Sign-up', signUp);
  });
  const { say } = contactsTalk(db, () => account);

  const countsOf = async (puppetId: string) => {
    const [contact] = await db().select().from(contacts).where(eq(contacts.puppetId, puppetId));
    const [row] = await db().select().from(contactActivity).where(eq(contactActivity.contactId, contact!.id));
    return row?.counts ?? null;
  };

  it('counts each message in its hour, whether a turn or the fallback takes it', async () => {
    // Tuesday 21:00 and Wednesday 09:00 in Shanghai.
    const evening = new Date('2026-12-01T13:00:00Z');
    const morning = new Date('2026-12-02T01:00:00Z');
    await say('ann', '报名', evening);
    expect(await countsOf('ann')).toHaveLength(168);
    await say('ann', '随便问问', morning);
    await say('ann', '报名', evening);
    const counts = (await countsOf('ann'))!;
    const tz = 'Asia/Shanghai';
    expect(counts[hourOfWeek(evening, tz)]).toBe(2);
    expect(counts[hourOfWeek(morning, tz)]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('wakes a timer’s best-hour wait at the contact’s busiest hour, read from its counts', async () => {
    // A keyword starts a 1-hour wait, then a 1-day wait at the contact's best hour: the second wait
    // is armed in a timer's turn (the sweeper holds no counts), so its hour shows they were read.
    const waits = {
      nodes: [
        { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['提醒我'] } },
        { id: 'w1', type: 'wait', position: { x: 0, y: 1 }, data: { duration: 'PT1H' } },
        { id: 'w2', type: 'wait', position: { x: 0, y: 2 }, data: { duration: 'P1D', bestTime: true } },
        { id: 'hi', type: 'send', position: { x: 0, y: 3 }, data: { text: '到点啦' } },
      ],
      edges: [
        { id: 'a', source: 'kw', sourceHandle: 'next', target: 'w1' },
        { id: 'b', source: 'w1', sourceHandle: 'next', target: 'w2' },
        { id: 'c', source: 'w2', sourceHandle: 'next', target: 'hi' },
      ],
    };
    await publishGraph(db(), account.workspaceId, 'Remind', waits);
    const at = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai
    const said = await say('cat', '提醒我', at);
    const runId = said.turns[0]!.runId;
    // Busiest on weekdays at 21:00 Shanghai (13:00 UTC).
    const [cat] = await db().select().from(contacts).where(eq(contacts.puppetId, 'cat'));
    await db()
      .update(contactActivity)
      .set({ counts: Array.from({ length: 168 }, (_, i) => (i % 24 === 21 ? 9 : 0)) })
      .where(eq(contactActivity.contactId, cat!.id));
    const later = new Date(at.getTime() + 3_600_000);
    await fireRuns(db(), await claimDueRuns(db(), later, 10), later);
    const [run] = await db().select().from(runs).where(eq(runs.id, runId));
    expect(run!.currentNodeId).toBe('w2');
    // A day after 10:00 Tuesday, in the whole day's window: Wednesday's 21:00 Shanghai.
    expect(run!.wakeAt!.toISOString()).toBe('2026-12-02T13:00:00.000Z');
  });

  it('drops the counts with the contact', async () => {
    await say('bob', '你好', new Date('2026-12-01T13:00:00Z'));
    const [bob] = await db().select().from(contacts).where(eq(contacts.puppetId, 'bob'));
    expect(await countsOf('bob')).not.toBeNull();
    await db().delete(contacts).where(eq(contacts.id, bob!.id));
    expect(await db().select().from(contactActivity).where(eq(contactActivity.contactId, bob!.id))).toEqual(
      [],
    );
  });
});
