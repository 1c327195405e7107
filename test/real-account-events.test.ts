// What a real WeChat account reports, through a real Wechaty on the mock puppet and the whole runtime:
// the operator typing on the phone hands that customer to a human (their conversation opens in the
// inbox, the bot paused); a group message never answers a private question; media is archived with
// its kind; a lone surrogate loses nothing.
import { and, asc, eq } from 'drizzle-orm';
import { FileBox } from 'file-box';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { mockWorld } from '../runtime/bots/__fixtures__/mock-puppet.ts';
import type { App } from '../server/app.ts';
import {
  contacts,
  conversationCycles,
  conversations,
  mediaFiles,
  messages,
  rooms,
  runs,
} from '../shared/db/schema.ts';
import { testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';
import { addMockAccount } from './support/tenants.ts';

const askCity = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['报名'] } },
    {
      id: 'city',
      type: 'ask',
      position: { x: 0, y: 100 },
      data: { question: '你在哪个城市？', saveAs: 'city' },
    },
    { id: 'thanks', type: 'send', position: { x: 0, y: 200 }, data: { text: '{{attributes.city}}，收到！' } },
  ],
  edges: [
    { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'city' },
    { id: 'e2', source: 'city', sourceHandle: 'answered', target: 'thanks' },
  ],
};

describeDb('a real account’s events', (db) => {
  let app: App;
  let accountId: string;
  const key = `real-${Math.random().toString(36).slice(2)}`;
  const world = mockWorld(key, '门店客服');

  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    await publishGraph(db().db, started.workspaceId!, 'Sign-up', askCity);
    ({ accountId } = await addMockAccount(db().db, started.runtime!, started.workspaceId!, key, '门店客服'));
  });
  afterAll(() => app?.close());

  /** Resolves when `probe` holds: the runtime handles Wechaty's events asynchronously. */
  const until = (probe: () => Promise<boolean>) =>
    vi.waitFor(
      async () => {
        if (!(await probe())) throw new Error('not yet');
      },
      { timeout: 15_000, interval: 25 },
    );
  const contactOf = async (puppetId: string) =>
    (
      await db()
        .db.select()
        .from(contacts)
        .where(and(eq(contacts.botAccountId, accountId), eq(contacts.puppetId, puppetId)))
    )[0];
  const archive = async (contactId: string) =>
    db().db.select().from(messages).where(eq(messages.contactId, contactId)).orderBy(asc(messages.id));

  it('files what the operator types on the phone under that customer, and hands the customer to a human', async () => {
    const customer = world.mocker.createContact({ name: '老王' });
    world.user.say('王哥，这单我来跟进').to(customer);
    await until(async () => (await contactOf(customer.id))?.handoff === true);
    const contact = await contactOf(customer.id);
    expect(await archive(contact!.id)).toMatchObject([
      { direction: 'out', author: 'operator', text: '王哥，这单我来跟进' },
    ]);
    // The customer's conversation is open in the inbox, answered by the operator, the bot paused.
    const [conversation] = await db()
      .db.select()
      .from(conversations)
      .where(eq(conversations.contactId, contact!.id));
    expect(conversation).toMatchObject({
      status: 'open',
      botAccountId: accountId,
      waitingSince: null,
      lastMessageText: '王哥，这单我来跟进',
      lastMessageDirection: 'out',
    });
    const [cycle] = await db()
      .db.select()
      .from(conversationCycles)
      .where(eq(conversationCycles.id, conversation!.cycleId!));
    expect(cycle).toMatchObject({ openedBy: 'operator', firstResponseAt: expect.any(Date) });
    // The customer writes back: the inbox counts it, and no flow answers while a human has them.
    customer.say('报名').to(world.user);
    await until(async () => (await archive(contact!.id)).some((m) => m.text === '报名'));
    await until(async () => {
      const [row] = await db().db.select().from(conversations).where(eq(conversations.id, conversation!.id));
      return row?.unread === 1;
    });
    expect((await archive(contact!.id)).map((m) => [m.text, m.route])).toEqual([
      ['王哥，这单我来跟进', null],
      ['报名', 'human'],
    ]);
    expect(await db().db.select().from(runs).where(eq(runs.contactId, contact!.id))).toEqual([]);
    // The bot's own user never becomes a contact.
    expect(await contactOf(world.user.id)).toBeUndefined();
  });

  it('never lets a group message answer a private question', async () => {
    const member = world.mocker.createContact({ name: '小美' });
    const room = world.mocker.createRoom({ topic: '粉丝群', memberIdList: [member.id, world.user.id] });
    member.say('报名').to(world.user);
    await until(async () => {
      const c = await contactOf(member.id);
      return Boolean(c) && (await archive(c!.id)).some((m) => m.text === '你在哪个城市？');
    });
    member.say('大家好').to(room);
    const contact = (await contactOf(member.id))!;
    await until(async () => (await archive(contact.id)).some((m) => m.text === '大家好'));
    const [said] = (await archive(contact.id)).filter((m) => m.text === '大家好');
    const [group] = await db().db.select().from(rooms).where(eq(rooms.botAccountId, accountId));
    expect(group).toMatchObject({ topic: '粉丝群' });
    expect(said).toMatchObject({ direction: 'in', roomId: group!.id });
    expect((await contactOf(member.id))!.attributes).toEqual({});
    const [run] = await db().db.select().from(runs).where(eq(runs.contactId, contact.id));
    expect(run).toMatchObject({ status: 'waiting', currentNodeId: 'city' });

    member.say('杭州').to(world.user);
    await until(async () => (await archive(contact.id)).some((m) => m.text === '杭州，收到！'));
    expect((await contactOf(member.id))!.attributes).toEqual({ city: '杭州' });
  });

  it('archives media with its kind, and a message with a lone surrogate whole', async () => {
    const customer = world.mocker.createContact({ name: '阿珍' });
    customer.say(FileBox.fromBase64('iVBORw0KGgo=', 'photo.png')).to(world.user);
    await until(async () => {
      const c = await contactOf(customer.id);
      return Boolean(c) && (await archive(c!.id)).length > 0;
    });
    const contact = (await contactOf(customer.id))!;
    const [photo] = await archive(contact.id);
    expect(photo).toMatchObject({ kind: 'image', text: '', direction: 'in', media: { kind: 'image' } });
    // A viewable copy of the photo is kept in the workspace's media files.
    const [file] = await db()
      .db.select()
      .from(mediaFiles)
      .where(eq(mediaFiles.id, (photo!.media as { mediaId: string }).mediaId));
    expect(file).toMatchObject({ source: 'inbound', mime: 'image/png' });
    // Nothing takes a photo: a human looks at it.
    await until(async () => (await contactOf(customer.id))?.handoff === true);

    const other = world.mocker.createContact({ name: '阿\udc00强' });
    other.say('报名\ud800').to(world.user);
    await until(async () => {
      const c = await contactOf(other.id);
      return Boolean(c) && (await archive(c!.id)).some((m) => m.text === '你在哪个城市？');
    });
    const answered = (await contactOf(other.id))!;
    expect(answered.name).toBe('阿\ufffd强');
    expect((await archive(answered.id)).map((m) => m.text)).toEqual(['报名\ufffd', '你在哪个城市？']);
  });
});
