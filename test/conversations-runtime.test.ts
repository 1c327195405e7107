// The inbox on the runtime side, on every driver: a message nothing takes opens the contact's
// conversation (the bot paused), what the contact says while a human has it only counts in the inbox,
// agents' replies go through the outbox (paced, unsigned, at most once after a crash), a snooze ends
// on time, the round robin only picks agents who are online, and closing gives the bot back.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { refreshLeases } from '../runtime/bots/leases.ts';
import type { BotConnection } from '../runtime/bots/port.ts';
import { Bus, type BusEvent } from '../runtime/bus.ts';
import {
  assignConversation,
  ConversationError,
  closeConversation,
  noteConversation,
  openConversation,
  replyAsAgent,
  snoozeConversation,
  wakeSnoozed,
} from '../runtime/conversations/actions.ts';
import { claim } from '../runtime/dispatcher/claim.ts';
import { dispatchAccount } from '../runtime/dispatcher/dispatcher.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { wakeSnoozedConversations } from '../runtime/sweeper/sweeper.ts';
import { patchContact } from '../server/contacts/contacts.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { ONLINE_MS } from '../shared/api/conversations.ts';
import {
  botAccounts,
  contacts,
  conversationCycles,
  conversationEvents,
  conversationNotes,
  conversations,
  members,
  messages,
  outbox,
  users,
  workspaces,
} from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { publishGraph, seedWorkspace } from './support/runtime.ts';

const signUp = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['报名'] } },
    { id: 'hi', type: 'send', position: { x: 0, y: 100 }, data: { text: '欢迎报名！' } },
  ],
  edges: [{ id: 'e1', source: 'kw', sourceHandle: 'next', target: 'hi' }],
};

describeDb('conversations in the runtime', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  const t0 = new Date('2026-12-01T02:00:00Z');
  let seq = 0;
  const db = () => handle().db;

  beforeAll(async () => {
    ({ account } = await seedWorkspace(db(), 'Inbox'));
    await db()
      .update(workspaces)
      .set({
        botSignature: '—— 机器人助理',
        fallback: {
          autoReplies: [{ keywords: ['价格'], reply: '价格请看官网' }],
          handoff: true,
          handoffReply: '已为你转接人工客服',
        },
      })
      .where(eq(workspaces.id, account.workspaceId));
    await publishGraph(db(), account.workspaceId, 'Sign-up', signUp);
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
  const conversationOf = async (contactId: string) =>
    (await db().select().from(conversations).where(eq(conversations.contactId, contactId)))[0]!;
  const contactRow = async (contactId: string) =>
    (await db().select().from(contacts).where(eq(contacts.id, contactId)))[0]!;
  const archived = (contactId: string) =>
    db().select().from(messages).where(eq(messages.contactId, contactId)).orderBy(asc(messages.id));
  const queuedTexts = async (contactId: string) =>
    (
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.contactId, contactId), eq(outbox.kind, 'message')))
        .orderBy(asc(outbox.id))
    ).map((row) => ('text' in row.payload ? row.payload.text : ''));
  const eventsOf = async (conversationId: string) =>
    (
      await db()
        .select()
        .from(conversationEvents)
        .where(eq(conversationEvents.conversationId, conversationId))
        .orderBy(asc(conversationEvents.id))
    ).map((e) => [e.kind, e.params]);
  const member = async (name: string, options: { agent: boolean; seenAgoMs: number | null }) => {
    const [user] = await db()
      .insert(users)
      .values({ email: `${name}-${Math.random()}@example.com`, name, passwordHash: 'x' })
      .returning();
    await db()
      .insert(members)
      .values({
        workspaceId: account.workspaceId,
        userId: user!.id,
        role: options.agent ? 'agent' : 'marketer',
        agent: options.agent,
        lastSeenAt: options.seenAgoMs === null ? null : new Date(t0.getTime() - options.seenAgoMs),
      });
    return user!.id;
  };

  it('answers an auto-reply keyword without a human, and opens the conversation for a message nothing takes', async () => {
    const priced = await say('alice', '请问价格');
    expect(priced.conversations).toBeUndefined();
    expect((await archived(priced.contactId!)).map((m) => m.route)).toEqual(['auto_reply']);

    const lost = await say('alice', '你们几点下班？');
    const alice = lost.contactId!;
    expect(await queuedTexts(alice)).toEqual([
      '价格请看官网\n—— 机器人助理',
      '已为你转接人工客服\n—— 机器人助理',
    ]);
    const conversation = await conversationOf(alice);
    expect(lost.conversations).toEqual([conversation.id]);
    expect(conversation).toMatchObject({
      status: 'open',
      unread: 1,
      waitingSince: t0,
      lastMessageText: '你们几点下班？',
      lastMessageDirection: 'in',
      assigneeId: null,
    });
    expect((await contactRow(alice)).handoff).toBe(true);
    expect((await archived(alice)).map((m) => m.route)).toEqual(['auto_reply', 'handoff']);
    const [cycle] = await db()
      .select()
      .from(conversationCycles)
      .where(eq(conversationCycles.conversationId, conversation.id));
    expect(cycle).toMatchObject({ id: conversation.cycleId, openedBy: 'fallback', openedAt: t0 });
    expect(await eventsOf(conversation.id)).toEqual([['opened', { by: 'fallback' }]]);
  });

  it('lets a human have the contact: what it says counts as unread and no flow answers, not even a keyword', async () => {
    const later = new Date(t0.getTime() + 60_000);
    const result = await say('alice', '报名', later);
    const alice = result.contactId!;
    expect(result.turns).toEqual([]);
    expect(await queuedTexts(alice)).toHaveLength(2);
    expect((await archived(alice)).at(-1)).toMatchObject({ text: '报名', route: 'human' });
    const conversation = await conversationOf(alice);
    expect(result.conversations).toEqual([conversation.id]);
    // Still waiting since the first message nobody answered.
    expect(conversation).toMatchObject({ unread: 2, waitingSince: t0, lastMessageText: '报名' });
  });

  /** One dispatcher pass of `owner` at `now`, sending into `said`. */
  const dispatch = async (owner: string, now: Date, said: string[]) => {
    const [row] = await db().select().from(botAccounts).where(eq(botAccounts.id, account.id));
    const target = {
      accountId: account.id,
      owner,
      fencingToken: Number(row!.fencingToken),
      connection: phone(said),
    };
    return dispatchAccount(db(), target, () => now);
  };
  /** `owner` takes the account's lease over, as when the worker that held it died. */
  const takeOver = async (owner: string) => {
    await db()
      .update(botAccounts)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(botAccounts.id, account.id));
    expect((await refreshLeases(db(), owner, 15_000)).taken).toHaveLength(1);
  };

  it('sends an agent’s reply through the outbox, unsigned, with its author, paced like every message', async () => {
    const at = new Date(t0.getTime() + 300_000);
    const alice = (await say('alice', '在吗', at)).contactId!;
    await takeOver('worker-a');
    await dispatch('worker-a', at, []);
    await db()
      .update(botAccounts)
      .set({ limits: { ...SANDBOX_LIMITS, messagesPerMinute: 1 } })
      .where(eq(botAccounts.id, account.id));
    const agent = await member('小张', { agent: true, seenAgoMs: 0 });
    const { id } = await conversationOf(alice);
    const reply = (text: string) =>
      db().transaction((tx) => replyAsAgent(tx, id, account.workspaceId, { text, authorId: agent, at }));
    const first = await reply('你好，我是小张');
    const second = await reply('请问有什么可以帮你？');
    expect(first).toMatchObject({ conversationId: id, queued: 1, botAccountId: account.id });
    expect(second.outboxId).toBeGreaterThan(first.outboxId);
    expect(await conversationOf(alice)).toMatchObject({ waitingSince: null, unread: 0 });

    // One message a minute: the first reply goes a minute after the last message, the second one more.
    const said: string[] = [];
    const pass = await dispatch('worker-a', new Date(at.getTime() + 61_000), said);
    expect(said).toEqual(['你好，我是小张']);
    expect(pass.nextAt!.getTime()).toBeGreaterThanOrEqual(at.getTime() + 121_000);
    const sentAt = new Date(at.getTime() + 61_000);
    const [archivedReply] = (await archived(alice)).filter((m) => m.text === '你好，我是小张');
    expect(archivedReply).toMatchObject({ direction: 'out', author: 'agent', authorId: agent, at: sentAt });
    const conversation = await conversationOf(alice);
    expect(conversation).toMatchObject({ lastMessageText: '你好，我是小张', lastMessageDirection: 'out' });
    const [cycle] = await db()
      .select()
      .from(conversationCycles)
      .where(eq(conversationCycles.id, conversation.cycleId!));
    expect(cycle).toMatchObject({ firstResponseAt: sentAt, firstResponderId: agent });
    await dispatch('worker-a', new Date(at.getTime() + 122_000), said);
    expect(said).toEqual(['你好，我是小张', '请问有什么可以帮你？']);
    await db()
      .update(botAccounts)
      .set({ limits: SANDBOX_LIMITS, pacing: null })
      .where(eq(botAccounts.id, account.id));
  });

  it('sends a reply committed before a crash at most once: never again once it may have reached WeChat', async () => {
    const at = new Date(t0.getTime() + 600_000);
    const bob = (await say('bob', '有人吗', at)).contactId!;
    const agent = await member('小李', { agent: true, seenAgoMs: 0 });
    const { id } = await conversationOf(bob);
    const reply = (text: string) =>
      db().transaction((tx) => replyAsAgent(tx, id, account.workspaceId, { text, authorId: agent, at }));
    const interrupted = await reply('马上帮你查');
    const pending = await reply('查到了');
    // The worker holding the account claims the first reply, then dies before WeChat answers.
    await takeOver('worker-b');
    const [row] = await db().select().from(botAccounts).where(eq(botAccounts.id, account.id));
    expect(await claim(db(), interrupted.outboxId, 'worker-b', Number(row!.fencingToken))).not.toBeNull();
    await takeOver('worker-c');
    const said: string[] = [];
    await dispatch('worker-c', at, said);
    await dispatch('worker-c', new Date(at.getTime() + 60_000), said);
    const status = async (outboxId: number) =>
      (await db().select({ s: outbox.status }).from(outbox).where(eq(outbox.id, outboxId)))[0]!.s;
    expect(said.filter((t) => t === '马上帮你查' || t === '查到了')).toEqual(['查到了']);
    expect(await status(interrupted.outboxId)).toBe('unknown');
    expect(await status(pending.outboxId)).toBe('sent');
    // The old holder, back from the dead, cannot send the row either.
    await db().update(outbox).set({ status: 'queued' }).where(eq(outbox.id, interrupted.outboxId));
    expect(await claim(db(), interrupted.outboxId, 'worker-b', Number(row!.fencingToken))).toBeNull();
  });

  it('snoozes until a time: the runtime opens it again then, and a message from the contact wakes it earlier', async () => {
    const carol = (await say('carol', '我晚点再来')).contactId!;
    const { id } = await conversationOf(carol);
    const until = new Date(t0.getTime() + 3_600_000);
    await db().transaction((tx) => snoozeConversation(tx, id, account.workspaceId, until, null, t0));
    expect(await conversationOf(carol)).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    expect(await db().transaction((tx) => wakeSnoozed(tx, new Date(t0.getTime() + 1_800_000)))).toEqual([]);
    // The runtime's loop wakes it when its time comes, and tells the inbox.
    const heard: BusEvent[] = [];
    const bus = new Bus();
    bus.subscribe((event) => heard.push(event));
    expect(await wakeSnoozedConversations(db(), bus, until)).toBe(1);
    expect(heard).toEqual([{ kind: 'conversation', workspaceId: account.workspaceId, conversationId: id }]);
    expect(await conversationOf(carol)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await eventsOf(id)).slice(-2)).toEqual([
      ['snoozed', { until: until.toISOString() }],
      ['reopened', { by: 'snooze' }],
    ]);

    await db().transaction((tx) => snoozeConversation(tx, id, account.workspaceId, until, null, t0));
    await say('carol', '我回来了');
    expect(await conversationOf(carol)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await eventsOf(id)).at(-1)).toEqual(['reopened', { by: 'message' }]);
  });

  it('gives round-robin conversations to online agents only, the least busy first', async () => {
    // Nobody seen lately, then four members: two agents online, one away, a marketer online.
    await db()
      .update(members)
      .set({ lastSeenAt: new Date(t0.getTime() - 86_400_000) })
      .where(eq(members.workspaceId, account.workspaceId));
    const busy = await member('忙碌', { agent: true, seenAgoMs: 60_000 });
    const free = await member('空闲', { agent: true, seenAgoMs: 30_000 });
    const away = await member('离线', { agent: true, seenAgoMs: ONLINE_MS + 60_000 });
    const marketer = await member('市场', { agent: false, seenAgoMs: 0 });
    const at = (second: number) => new Date(t0.getTime() + second * 1000);
    const open = async (puppetId: string, second: number) => {
      const row = await contactRow((await say(puppetId, '你好', at(second))).contactId!);
      const { conversationId } = await db().transaction((tx) =>
        openConversation(tx, row, { by: 'agent', at: at(second), assign: 'round_robin' }),
      );
      return (await db().select().from(conversations).where(eq(conversations.id, conversationId)))[0]!;
    };
    const dave = await open('dave', 1);
    expect([busy, free]).toContain(dave.assigneeId);
    await db().transaction((tx) => assignConversation(tx, dave.id, account.workspaceId, busy, null, at(1)));
    const picks = [];
    for (const [i, puppetId] of ['erin', 'frank', 'grace'].entries())
      picks.push((await open(puppetId, 2 + i)).assigneeId);
    // `free` had none open; then one each, and `busy` was assigned longer ago; then `free` has fewer.
    expect(picks).toEqual([free, busy, free]);

    const refused = db().transaction((tx) =>
      assignConversation(tx, dave.id, account.workspaceId, marketer, null, at(9)),
    );
    await expect(refused).rejects.toBeInstanceOf(ConversationError);
    await expect(refused).rejects.toMatchObject({ code: 'not_assignable' });
    // Assigning by hand may pick an agent who is away.
    await db().transaction((tx) => assignConversation(tx, dave.id, account.workspaceId, away, null, at(9)));
    expect((await conversationOf(dave.contactId)).assigneeId).toBe(away);
    expect((await eventsOf(dave.id)).at(-1)).toEqual(['assigned', { to: { id: away, name: '离线' } }]);

    // Nobody online: unassigned; the note is there for whoever takes it.
    const late = new Date(t0.getTime() + ONLINE_MS * 2);
    const henry = await contactRow((await say('henry', '你好', late)).contactId!);
    const { conversationId } = await db().transaction((tx) =>
      openConversation(tx, henry, { by: 'agent', at: late, assign: 'round_robin', note: '大客户' }),
    );
    expect((await conversationOf(henry.id)).assigneeId).toBeNull();
    const notes = await db()
      .select()
      .from(conversationNotes)
      .where(eq(conversationNotes.conversationId, conversationId));
    expect(notes.map((n) => [n.text, n.authorId])).toEqual([['大客户', null]]);
  });

  it('pauses the bot by hand from the contact, and puts it back on by closing the conversation', async () => {
    const ivy = (await say('ivy', '在不在')).contactId!;
    const { id } = await conversationOf(ivy);
    const heard: BusEvent[] = [];
    const bus = new Bus();
    bus.subscribe((event) => heard.push(event));
    const back = await patchContact(db(), account.workspaceId, ivy, { handoff: false }, { bus });
    expect(back.handoff).toBe(false);
    expect(await conversationOf(ivy)).toMatchObject({ status: 'closed' });
    expect(heard).toEqual([{ kind: 'conversation', workspaceId: account.workspaceId, conversationId: id }]);
    const paused = await patchContact(db(), account.workspaceId, ivy, { handoff: true });
    expect(paused.handoff).toBe(true);
    expect(await conversationOf(ivy)).toMatchObject({ id, status: 'open' });
    expect((await eventsOf(id)).at(-1)).toEqual(['opened', { by: 'agent' }]);
  });

  it('closes: the cycle ends, the bot is back for the contact and answers its keywords again', async () => {
    const alice = (await db().select().from(contacts).where(eq(contacts.puppetId, 'alice')))[0]!;
    const { id, cycleId } = await conversationOf(alice.id);
    const closer = await member('主管', { agent: true, seenAgoMs: 0 });
    await db().transaction((tx) =>
      noteConversation(tx, id, account.workspaceId, { text: '已处理', authorId: closer, at: t0 }),
    );
    const closedAt = new Date(t0.getTime() + 600_000);
    const change = await db().transaction((tx) =>
      closeConversation(tx, id, account.workspaceId, closer, closedAt),
    );
    expect(change).toMatchObject({ conversationId: id, turns: [], queued: 0 });
    expect(await conversationOf(alice.id)).toMatchObject({
      status: 'closed',
      cycleId: null,
      waitingSince: null,
    });
    const [cycle] = await db().select().from(conversationCycles).where(eq(conversationCycles.id, cycleId!));
    expect(cycle).toMatchObject({ closedAt, closedById: closer });
    expect((await contactRow(alice.id)).handoff).toBe(false);
    expect((await eventsOf(id)).at(-1)).toEqual(['closed', {}]);

    const result = await say('alice', '报名');
    expect(result.turns).toHaveLength(1);
    expect((await queuedTexts(alice.id)).at(-1)).toBe('欢迎报名！\n—— 机器人助理');
    // A message to the bot while the conversation is closed neither counts nor reopens it.
    expect(await conversationOf(alice.id)).toMatchObject({ status: 'closed', unread: 0 });
  });
});

/** WeChat as the dispatcher sees it: every private text lands in `said`. */
function phone(said: string[]): BotConnection {
  return {
    start: async () => {},
    stop: async () => {},
    onInbound: () => {},
    onStatus: () => {},
    acceptFriendRequest: async () => {},
    sendMedia: async () => {},
    addFriend: async () => ({ outcome: 'not_found' }),
    roomSay: async () => {},
    roomAdd: async () => 'added',
    roomRemove: async () => {},
    say: async (_puppetId, text) => {
      said.push(text);
    },
  };
}
