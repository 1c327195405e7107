// The `handoff` node in the runtime, on every driver: it opens the contact's conversation (assigned,
// its note rendered, the bot paused) and the run waits; closing the conversation sends the run on by
// `resolved` with the bot back on; its timeout fires only while no human has answered — and then the
// bot takes the contact back, the conversation staying open for the agents.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { closeConversation, replyAsAgent } from '../runtime/conversations/actions.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { claimDueRuns, fireRun } from '../runtime/sweeper/sweeper.ts';
import {
  contacts,
  conversationCycles,
  conversationEvents,
  conversationNotes,
  conversations,
  members,
  nodeStats,
  outbox,
  runs,
  users,
} from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { publishGraph, seedWorkspace } from './support/runtime.ts';

const support = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['人工'] } },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 100 },
      data: {
        text: '正在为你转接人工客服，请稍等～',
        note: '{{contact.name|客户}}要找人工',
        timeout: 'PT30M',
      },
    },
    { id: 'thanks', type: 'send', position: { x: 0, y: 200 }, data: { text: '问题解决啦，有事随时找我～' } },
    {
      id: 'busy',
      type: 'send',
      position: { x: 300, y: 200 },
      data: { text: '客服都在忙，我们稍后回复你！' },
    },
  ],
  edges: [
    { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'human' },
    { id: 'e2', source: 'human', sourceHandle: 'resolved', target: 'thanks' },
    { id: 'e3', source: 'human', sourceHandle: 'timeout', target: 'busy' },
  ],
};

const prices = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['价格'] } },
    { id: 'price', type: 'send', position: { x: 0, y: 100 }, data: { text: '价格请看官网' } },
  ],
  edges: [{ id: 'e1', source: 'kw', sourceHandle: 'next', target: 'price' }],
};

describeDb('the handoff node', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let flowId: string;
  let flowVersionId: string;
  let agent: string;
  const t0 = new Date('2026-12-01T02:00:00Z');
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
  let seq = 0;
  const db = () => handle().db;

  beforeAll(async () => {
    ({ account } = await seedWorkspace(db(), 'Handoff'));
    ({ flowId, flowVersionId } = await publishGraph(db(), account.workspaceId, 'Support', support));
    await publishGraph(db(), account.workspaceId, 'Prices', prices);
    const [user] = await db()
      .insert(users)
      .values({ email: 'agent@example.com', name: '小张', passwordHash: 'x' })
      .returning();
    agent = user!.id;
    await db().insert(members).values({
      workspaceId: account.workspaceId,
      userId: agent,
      role: 'agent',
      agent: true,
      lastSeenAt: t0,
    });
  });

  const say = (puppetId: string, text: string, at = t0) =>
    handleInbound(
      db(),
      account,
      {
        kind: 'message',
        messageId: `m${++seq}`,
        contact: { puppetId, name: puppetId },
        text,
        self: false,
        at,
      },
      at,
    );
  const texts = async (contactId: string) =>
    (
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.contactId, contactId), eq(outbox.kind, 'message')))
        .orderBy(asc(outbox.id))
    ).map((row) => ('text' in row.payload ? row.payload.text : ''));
  const runOf = async (contactId: string) =>
    (
      await db()
        .select()
        .from(runs)
        .where(and(eq(runs.contactId, contactId), eq(runs.flowId, flowId)))
    )[0]!;
  const conversationOf = async (contactId: string) =>
    (await db().select().from(conversations).where(eq(conversations.contactId, contactId)))[0]!;
  const paused = async (contactId: string) =>
    (await db().select().from(contacts).where(eq(contacts.id, contactId)))[0]!.handoff;
  /** How many runs left the handoff node through each port (counters are sharded). */
  const ports = async () => {
    const rows = await db()
      .select()
      .from(nodeStats)
      .where(and(eq(nodeStats.flowVersionId, flowVersionId), eq(nodeStats.nodeId, 'human')));
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.port] = (counts[row.port] ?? 0) + row.count;
    return counts;
  };
  /** An agent closes the contact's conversation. */
  const close = async (contactId: string, at: Date) => {
    const { id } = await conversationOf(contactId);
    return db().transaction((tx) => closeConversation(tx, id, account.workspaceId, agent, at));
  };

  it('opens the conversation, assigned and noted, pauses the bot and waits', async () => {
    const asked = await say('老王', '转人工');
    const wang = asked.contactId!;
    expect(asked.turns).toMatchObject([{ status: 'waiting' }]);
    const conversation = await conversationOf(wang);
    expect(asked.turns[0]!.conversations).toEqual([conversation.id]);
    const run = await runOf(wang);
    expect(run).toMatchObject({ status: 'waiting', currentNodeId: 'human', wakeAt: minutes(30) });
    expect(conversation).toMatchObject({
      status: 'open',
      handoffRunId: run.id,
      assigneeId: agent,
      waitingSince: t0,
    });
    const [cycle] = await db()
      .select()
      .from(conversationCycles)
      .where(eq(conversationCycles.conversationId, conversation.id));
    expect(cycle).toMatchObject({ openedBy: 'handoff', flowId, nodeId: 'human', assigneeId: agent });
    const notes = await db()
      .select()
      .from(conversationNotes)
      .where(eq(conversationNotes.conversationId, conversation.id));
    expect(notes.map((n) => n.text)).toEqual(['老王要找人工']);
    const events = await db()
      .select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, conversation.id))
      .orderBy(asc(conversationEvents.id));
    expect(events.map((e) => [e.kind, e.params])).toEqual([
      ['opened', { by: 'handoff', flowId, nodeId: 'human' }],
      ['assigned', { to: { id: agent, name: '小张' } }],
    ]);
    expect(await paused(wang)).toBe(true);
    expect(await texts(wang)).toEqual(['正在为你转接人工客服，请稍等～']);

    // The bot stays quiet while a human has the contact, keywords included.
    const meanwhile = await say('老王', '价格', minutes(5));
    expect(meanwhile.turns).toEqual([]);
    expect(await texts(wang)).toHaveLength(1);
    expect(await conversationOf(wang)).toMatchObject({ unread: 1 });
  });

  it('leaves by resolved when the conversation closes, and the bot answers the next keyword', async () => {
    const wang = (await db().select().from(contacts).where(eq(contacts.puppetId, '老王')))[0]!.id;
    const change = await close(wang, minutes(10));
    expect(change.turns).toMatchObject([{ status: 'completed', flowVersionId }]);
    expect(change.queued).toBe(1);
    expect(await runOf(wang)).toMatchObject({ status: 'completed', currentNodeId: 'thanks', wakeAt: null });
    expect(await conversationOf(wang)).toMatchObject({ status: 'closed', handoffRunId: null });
    expect(await paused(wang)).toBe(false);
    expect((await texts(wang)).at(-1)).toBe('问题解决啦，有事随时找我～');
    expect(await ports()).toMatchObject({ resolved: 1 });

    const next = await say('老王', '价格', minutes(11));
    expect(next.turns).toHaveLength(1);
    expect((await texts(wang)).at(-1)).toBe('价格请看官网');
  });

  it('times out when no human answers: the bot takes the contact back, the conversation stays open', async () => {
    const li = (await say('小李', '人工')).contactId!;
    expect(await claimDueRuns(db(), minutes(29), 10)).toEqual([]);
    const due = await claimDueRuns(db(), minutes(31), 10);
    expect(due.map((d) => d.id)).toEqual([(await runOf(li)).id]);
    const fired = await fireRun(db(), due[0]!, minutes(31));
    const conversation = await conversationOf(li);
    expect(fired).toMatchObject({ status: 'completed', conversations: [conversation.id] });
    expect(await runOf(li)).toMatchObject({ status: 'completed', currentNodeId: 'busy' });
    expect((await texts(li)).at(-1)).toBe('客服都在忙，我们稍后回复你！');
    expect(await paused(li)).toBe(false);
    expect(conversation).toMatchObject({ status: 'open', handoffRunId: null });
    const [resumed] = await db()
      .select()
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, conversation.id),
          eq(conversationEvents.kind, 'bot_resumed'),
        ),
      );
    expect(resumed?.params).toEqual({ reason: 'handoff_timeout' });
    expect(await ports()).toMatchObject({ timeout: 1 });

    // An agent answering later takes the contact over again; closing then resolves no run.
    const { id } = conversation;
    await db().transaction((tx) =>
      replyAsAgent(tx, id, account.workspaceId, { text: '抱歉久等了', authorId: agent, at: minutes(40) }),
    );
    expect(await paused(li)).toBe(true);
    expect((await close(li, minutes(45))).turns).toEqual([]);
  });

  it('never times out once an agent replied: the run waits for the close', async () => {
    const mei = (await say('小美', '人工')).contactId!;
    const { id } = await conversationOf(mei);
    const reply = await db().transaction((tx) =>
      replyAsAgent(tx, id, account.workspaceId, { text: '你好，我是小张', authorId: agent, at: minutes(5) }),
    );
    expect(reply.turns).toMatchObject([{ status: 'waiting' }]);
    expect(await runOf(mei)).toMatchObject({ status: 'waiting', currentNodeId: 'human', wakeAt: null });
    expect(await claimDueRuns(db(), minutes(60), 10)).toEqual([]);
    expect(await texts(mei)).toEqual(['正在为你转接人工客服，请稍等～', '你好，我是小张']);

    await close(mei, minutes(70));
    expect(await runOf(mei)).toMatchObject({ status: 'completed', currentNodeId: 'thanks' });
  });

  it('takes the operator typing on the phone as a human reply too', async () => {
    const zhao = (await say('老赵', '人工')).contactId!;
    const [contact] = await db().select().from(contacts).where(eq(contacts.id, zhao));
    const operator = await handleInbound(
      db(),
      account,
      {
        kind: 'message',
        messageId: 'op-1',
        contact: { puppetId: contact!.puppetId, name: contact!.name },
        text: '赵哥我来了',
        self: true,
        at: minutes(3),
      },
      minutes(3),
    );
    const conversation = await conversationOf(zhao);
    expect(operator.conversations).toEqual([conversation.id]);
    expect(await runOf(zhao)).toMatchObject({ status: 'waiting', wakeAt: null });
    expect(conversation).toMatchObject({ waitingSince: null, lastMessageText: '赵哥我来了' });
    const [cycle] = await db()
      .select()
      .from(conversationCycles)
      .where(eq(conversationCycles.id, conversation.cycleId!));
    expect(cycle).toMatchObject({ firstResponseAt: minutes(3), firstResponderId: null });
  });
});
