// Each inbound message counts its hour of the week in the contact's activity (`contact_activity`,
// apart from the contact's row): through a flow's turn, through the fallback, and from a group.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { contactActivity, contacts } from '../shared/db/schema.ts';
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
