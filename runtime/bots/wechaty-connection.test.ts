import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileBox, FileBoxType } from 'file-box';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { types } from 'wechaty';
import { mockWorld, mockWorlds, sayOfType } from './__fixtures__/mock-puppet.ts';
import {
  type BotConnection,
  type BotStatusEvent,
  type InboundEvent,
  NotAFriendError,
  RoomNotManagedError,
} from './port.ts';
import { createWechatyConnection } from './wechaty-connection.ts';
import { pacedEach, type RoomSyncPace } from './wechaty-rooms.ts';

const MOCK_PUPPET = fileURLToPath(new URL('./__fixtures__/mock-puppet.ts', import.meta.url));

const dirs: string[] = [];
const open: BotConnection[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const bot of open.splice(0)) await bot.stop();
  mockWorlds.clear();
});

/** Values in arrival order; `next()` waits for the next one. */
function queue<T>() {
  const items: T[] = [];
  const waiting: ((item: T) => void)[] = [];
  return {
    push(item: T) {
      const wake = waiting.shift();
      if (wake) wake(item);
      else items.push(item);
    },
    next(): Promise<T> {
      return items.length > 0 ? Promise.resolve(items.shift()!) : new Promise((r) => waiting.push(r));
    },
    /** What arrived and nobody took yet. */
    pending: (): T[] => [...items],
  };
}

/** A logged-in account on a mock world (its own unless `key` names one), with what it reports. */
async function account(
  onInbound?: (event: InboundEvent) => void | Promise<void>,
  key: string = randomUUID(),
  roomSync?: Partial<RoomSyncPace>,
) {
  const world = mockWorld(key, 'Shop assistant');
  const bot = await createWechatyConnection({
    name: 'Support desk',
    puppet: MOCK_PUPPET,
    puppetOptions: { world: key },
    roomSync,
  });
  open.push(bot);
  const inbound = queue<InboundEvent>();
  const status = queue<BotStatusEvent>();
  bot.onInbound((event) => {
    inbound.push(event);
    return onInbound?.(event);
  });
  bot.onStatus((event) => status.push(event));
  await bot.start();
  expect(await status.next()).toEqual({ kind: 'login', self: { id: world.user.id, name: 'Shop assistant' } });
  return { key, world, bot, inbound, status };
}

describe('a Wechaty account', () => {
  it('keeps its memory card (the login session) in the given file, not in the working folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wefunnel-session-'));
    dirs.push(dir);
    const before = readdirSync(process.cwd()).filter((f) => f.endsWith('.memory-card.json'));
    const sessionFile = join(dir, 'accounts', 'account-1');
    const bot = await createWechatyConnection({
      name: 'Support desk',
      puppet: fileURLToPath(new URL('./__fixtures__/session-puppet.ts', import.meta.url)),
      sessionFile,
    });
    await bot.start();
    await bot.stop();
    expect(readFileSync(`${sessionFile}.memory-card.json`, 'utf8')).toContain('logged-in');
    expect(readdirSync(process.cwd()).filter((f) => f.endsWith('.memory-card.json'))).toEqual(before);
  });

  it("reports a customer's private message under the customer", async () => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美', weixin: 'xiaomei88' });
    customer.say('你好').to(world.user);
    expect(await inbound.next()).toMatchObject({
      kind: 'message',
      contact: { puppetId: customer.id, name: '小美', alias: null, weixin: 'xiaomei88' },
      room: null,
      text: '你好',
      messageKind: 'text',
      self: false,
    });
  });

  it('files what the operator types on the phone under the customer it was typed to', async () => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    world.user.say('我来帮你看看').to(customer);
    expect(await inbound.next()).toMatchObject({
      kind: 'message',
      contact: { puppetId: customer.id, name: '小美' },
      room: null,
      text: '我来帮你看看',
      self: true,
    });
  });

  it("reports the bot's own send, echoed by the puppet, as a self message to the customer", async () => {
    const { world, bot, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    await bot.say(customer.id, '欢迎！');
    expect(await inbound.next()).toMatchObject({
      contact: { puppetId: customer.id },
      text: '欢迎！',
      self: true,
    });
  });

  it('reports a group message with its group, its talker, and whether the bot was @-mentioned', async () => {
    const { world, inbound } = await account();
    const member = world.mocker.createContact({ name: '阿强' });
    const group = world.mocker.createRoom({ topic: '上海车友会', memberIdList: [member.id, world.user.id] });
    member.say('@Shop assistant 有优惠吗', [world.user]).to(group);
    expect(await inbound.next()).toMatchObject({
      contact: { puppetId: member.id, name: '阿强' },
      room: { id: group.id, topic: '上海车友会' },
      text: '@Shop assistant 有优惠吗',
      mentionsBot: true,
      self: false,
    });
    member.say('大家好').to(group);
    expect(await inbound.next()).toMatchObject({ room: { id: group.id }, mentionsBot: false });
  });

  it("reports the operator's own group message with the bot's user as contact and the group", async () => {
    const { world, inbound } = await account();
    const member = world.mocker.createContact({ name: '阿强' });
    const group = world.mocker.createRoom({ topic: '上海车友会', memberIdList: [member.id, world.user.id] });
    world.user.say('欢迎新朋友').to(group);
    expect(await inbound.next()).toMatchObject({
      contact: { puppetId: world.user.id },
      room: { id: group.id, topic: '上海车友会' },
      self: true,
    });
  });

  it.each([
    ['photo.jpg', 'image'],
    ['clip.mp4', 'video'],
  ])('reports a %s the customer sends as %s media without text', async (name, messageKind) => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    customer.say(FileBox.fromBase64(Buffer.from('not really media').toString('base64'), name)).to(world.user);
    expect(await inbound.next()).toMatchObject({ contact: { puppetId: customer.id }, text: '', messageKind });
  });

  // wechaty-puppet-mock's `say` makes only images and videos of a FileBox: the other types are made by hand.
  it.each([
    [types.Message.Audio, 'voice'],
    [types.Message.Attachment, 'file'],
    [types.Message.Emoticon, 'emoticon'],
    [types.Message.MiniProgram, 'mini_program'],
    [types.Message.Location, 'location'],
    [types.Message.Contact, 'contact_card'],
    [types.Message.Transfer, 'transfer'],
    [types.Message.RedEnvelope, 'red_envelope'],
    [types.Message.Recalled, 'recalled'],
    [types.Message.GroupNote, 'system'],
    [types.Message.ChatHistory, 'other'],
    [types.Message.Unknown, 'other'],
  ])('reports Wechaty message type %i as %s, keeping none of the puppet text', async (type, messageKind) => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    sayOfType(world, customer, world.user, type, '<msg><appmsg>puppet xml</appmsg></msg>');
    expect(await inbound.next()).toMatchObject({ text: '', messageKind });
  });

  it('reports a link card with its title as text', async () => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    sayOfType(world, customer, world.user, types.Message.Url);
    const event = await inbound.next();
    expect(event).toMatchObject({ messageKind: 'link' });
    // wechaty-puppet-mock titles every link card after its message id.
    expect(event.kind === 'message' && event.text).toBe(
      `mock title for ${event.kind === 'message' && event.messageId}`,
    );
  });

  it('passes names, topics and texts with lone surrogates and NUL through without failing', async () => {
    const { world, inbound } = await account();
    const odd = 'A\ud800B\u0000C\udfff';
    const member = world.mocker.createContact({ name: odd });
    const group = world.mocker.createRoom({ topic: odd, memberIdList: [member.id, world.user.id] });
    member.say(odd).to(group);
    expect(await inbound.next()).toMatchObject({ contact: { name: odd }, room: { topic: odd }, text: odd });
    member.say(odd).to(world.user);
    expect(await inbound.next()).toMatchObject({ contact: { name: odd }, text: odd });
  });

  it('reports a handler that throws or rejects as an error, never an unhandled rejection, and keeps delivering', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const failures = [
        () => {
          throw new Error('the router is down');
        },
        () => Promise.reject(new Error('the database is down')),
      ];
      const { world, inbound, status } = await account(() => failures.shift()?.());
      const customer = world.mocker.createContact({ name: '小美' });
      customer.say('first').to(world.user);
      expect(await status.next()).toEqual({ kind: 'error', message: 'the router is down' });
      customer.say('second').to(world.user);
      expect(await status.next()).toEqual({ kind: 'error', message: 'the database is down' });
      customer.say('third').to(world.user);
      const texts = [await inbound.next(), await inbound.next(), await inbound.next()].map(
        (e) => e.kind === 'message' && e.text,
      );
      expect(texts).toEqual(['first', 'second', 'third']);
      // Node reports a rejection nobody handled once the microtasks have run: let them run.
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('reports a group whose topic cannot be read with an empty topic', async () => {
    const { world, inbound } = await account();
    const member = world.mocker.createContact({ name: '阿强' });
    // No topic of its own: Wechaty names the group after its members, which the puppet fails to list.
    const group = world.mocker.createRoom({ topic: '', memberIdList: [member.id, world.user.id] });
    vi.spyOn(world.mocker.puppet, 'roomMemberList').mockRejectedValue(new Error('network down'));
    member.say('有人吗').to(group);
    expect(await inbound.next()).toMatchObject({ room: { id: group.id, topic: '' }, text: '有人吗' });
  });

  it('logs in again on the same world after a restart, where its contacts still are', async () => {
    const first = await account();
    const customer = first.world.mocker.createContact({ name: '小美' });
    await first.bot.stop();
    const { inbound } = await account(undefined, first.key);
    customer.say('我回来了').to(first.world.user);
    expect(await inbound.next()).toMatchObject({ contact: { puppetId: customer.id }, text: '我回来了' });
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('media on a Wechaty account', () => {
  it('sends an uploaded image as a file the contact receives, with the same bytes', async () => {
    const { world, bot, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    await bot.sendMedia(customer.id, { kind: 'image', data: PNG, mime: 'image/png', filename: 'coupon.png' });
    // The mock echoes what the account sent as its own message to the customer.
    const echo = await inbound.next();
    expect(echo).toMatchObject({ contact: { puppetId: customer.id }, messageKind: 'image', self: true });
    expect(echo.kind === 'message' && echo.media).toEqual({
      mime: 'image/png',
      data: PNG,
      filename: 'coupon.png',
    });
  });

  it('sends an image address as a file box of that URL (the puppet fetches it)', async () => {
    const { world, bot } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    const sendFile = vi.spyOn(world.mocker.puppet, 'messageSendFile').mockResolvedValue(undefined);
    await bot.sendMedia(customer.id, { kind: 'image_url', url: 'https://cdn.example.com/banner.png' });
    const [conversation, box] = sendFile.mock.calls[0]!;
    expect(conversation).toBe(customer.id);
    expect(box.toJSON()).toMatchObject({ type: FileBoxType.Url, url: 'https://cdn.example.com/banner.png' });
  });

  it('sends a link card and a mini-program card with every field in the puppet payload', async () => {
    const { world, bot } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    const sendUrl = vi.spyOn(world.mocker.puppet, 'messageSendUrl');
    const sendMini = vi.spyOn(world.mocker.puppet, 'messageSendMiniProgram');
    await bot.sendMedia(customer.id, {
      kind: 'link',
      url: 'https://shop.example.com/spring',
      title: '春季新品',
      description: '全场八折',
      thumbnailUrl: 'https://cdn.example.com/spring.jpg',
    });
    await bot.sendMedia(customer.id, {
      kind: 'mini_program',
      appId: 'wx1234567890abcdef',
      title: '会员中心',
      pagePath: 'pages/member/index?from=bot',
      thumbnailUrl: 'https://cdn.example.com/member.jpg',
      username: 'gh_0123456789ab',
      description: '领取积分',
    });
    expect(sendUrl).toHaveBeenCalledWith(customer.id, {
      url: 'https://shop.example.com/spring',
      title: '春季新品',
      description: '全场八折',
      thumbnailUrl: 'https://cdn.example.com/spring.jpg',
    });
    expect(sendMini).toHaveBeenCalledWith(customer.id, {
      appid: 'wx1234567890abcdef',
      title: '会员中心',
      pagePath: 'pages/member/index?from=bot',
      thumbUrl: 'https://cdn.example.com/member.jpg',
      username: 'gh_0123456789ab',
      description: '领取积分',
    });
  });

  it('reports a media send WeChat refuses for a non-friend, or to nobody, as NotAFriendError', async () => {
    const { world, bot } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    vi.spyOn(world.mocker.puppet, 'messageSendUrl').mockRejectedValue(new Error('对方不是你的好友'));
    const link = { kind: 'link' as const, url: 'https://shop.example.com', title: 'Shop' };
    await expect(bot.sendMedia(customer.id, link)).rejects.toBeInstanceOf(NotAFriendError);
    await expect(bot.sendMedia('nobody-at-all', link)).rejects.toBeInstanceOf(NotAFriendError);
  });

  it("attaches a viewable copy of the customer's image to its message", async () => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    customer.say(FileBox.fromBase64(PNG.toString('base64'), 'IMG_0001.png')).to(world.user);
    const event = await inbound.next();
    expect(event).toMatchObject({ messageKind: 'image', text: '', self: false });
    expect(event.kind === 'message' && event.media).toEqual({
      mime: 'image/png',
      data: PNG,
      filename: 'IMG_0001.png',
    });
  });

  it.each([
    ['larger than 2 MB', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])],
    ['not an image its bytes show', Buffer.from('<svg onload="alert(1)"/>')],
  ])('delivers an image %s without a copy', async (_, data) => {
    const { world, inbound } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    customer.say(FileBox.fromBase64(data.toString('base64'), 'photo.png')).to(world.user);
    const event = await inbound.next();
    expect(event).toMatchObject({ contact: { puppetId: customer.id }, messageKind: 'image' });
    expect(event).not.toHaveProperty('media');
  });

  it('delivers an image whose file the puppet fails to give without a copy, and no error', async () => {
    const { world, inbound, status } = await account();
    const customer = world.mocker.createContact({ name: '小美' });
    vi.spyOn(world.mocker.puppet, 'messageFile').mockRejectedValue(new Error('CDN expired'));
    customer.say(FileBox.fromBase64(PNG.toString('base64'), 'photo.png')).to(world.user);
    const event = await inbound.next();
    expect(event).toMatchObject({ messageKind: 'image' });
    expect(event).not.toHaveProperty('media');
    customer.say('还在吗').to(world.user);
    expect(await inbound.next()).toMatchObject({ text: '还在吗' });
    expect(status.pending()).toEqual([]);
  });
});

describe('friend adds on a Wechaty account', () => {
  it('searches the phone, sends the request with the hello, and names the person found', async () => {
    const { world, bot } = await account();
    const lead = world.mocker.createContact({ name: '王先生', friend: false });
    const search = vi
      .spyOn(world.mocker.puppet, 'friendshipSearchPhone')
      .mockImplementation(async (phone) => (phone === '13812345678' ? lead.id : null));
    const add = vi.spyOn(world.mocker.puppet, 'friendshipAdd');
    const result = await bot.addFriend({ phone: '13812345678', weixin: null }, '您好，我是小助手');
    expect(result).toEqual({
      outcome: 'requested',
      contact: { puppetId: lead.id, name: '王先生', alias: null, weixin: null },
    });
    expect(search).toHaveBeenCalledWith('13812345678');
    expect(add).toHaveBeenCalledWith(lead.id, expect.objectContaining({ hello: '您好，我是小助手' }));
  });

  it('searches the weixin handle when there is no phone (or nobody has it)', async () => {
    const { world, bot } = await account();
    const lead = world.mocker.createContact({ name: 'Lily', friend: false, weixin: 'lily_sh' });
    vi.spyOn(world.mocker.puppet, 'friendshipSearchPhone').mockResolvedValue(null);
    const byHandle = vi.fn(async (handle: string) => (handle === 'lily_sh' ? lead.id : null));
    Object.assign(world.mocker.puppet, { friendshipSearchHandle: byHandle });
    const add = vi.spyOn(world.mocker.puppet, 'friendshipAdd');
    expect(await bot.addFriend({ phone: '13812345678', weixin: 'lily_sh' }, 'hi')).toMatchObject({
      outcome: 'requested',
      contact: { puppetId: lead.id, weixin: 'lily_sh' },
    });
    expect(await bot.addFriend({ phone: null, weixin: 'lily_sh' }, 'hi')).toMatchObject({
      outcome: 'requested',
    });
    expect(byHandle).toHaveBeenCalledTimes(2);
    expect(add).toHaveBeenCalledTimes(2);
  });

  it('sends no request to a friend, and answers not_found when nobody has the phone', async () => {
    const { world, bot } = await account();
    const friend = world.mocker.createContact({ name: '老朋友', friend: true });
    const search = vi.spyOn(world.mocker.puppet, 'friendshipSearchPhone');
    const add = vi.spyOn(world.mocker.puppet, 'friendshipAdd');
    search.mockResolvedValueOnce(friend.id);
    expect(await bot.addFriend({ phone: '13900000000', weixin: null }, 'hi')).toMatchObject({
      outcome: 'already_friend',
      contact: { puppetId: friend.id, name: '老朋友' },
    });
    search.mockResolvedValueOnce(null);
    expect(await bot.addFriend({ phone: '13900000001', weixin: null }, 'hi')).toEqual({
      outcome: 'not_found',
    });
    expect(add).not.toHaveBeenCalled();
  });
});

/** A pause the test opens: what the sync asked to wait, and a way to let it go on. */
function gate() {
  const asked: number[] = [];
  const waiting = queue<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      asked.push(ms);
      waiting.push(resolve);
    });
  /** Resolves with the release of the next pause once the sync asks for it. */
  const paused = () => waiting.next();
  return { asked, pause, paused, open: async () => (await paused())() };
}

describe('groups on a Wechaty account', () => {
  const ref = (c: { id: string; payload: { name: string } }) => ({
    puppetId: c.id,
    name: c.payload.name,
    alias: null,
    weixin: null,
  });

  it('reports people joining, without the bot and the inviter, with the inviter and the group', async () => {
    const { world, inbound } = await account();
    const owner = world.mocker.createContact({ name: '群主' });
    const [a, b] = [
      world.mocker.createContact({ name: '阿强' }),
      world.mocker.createContact({ name: '小美' }),
    ];
    const group = world.mocker.createRoom({
      topic: '上海车友会',
      memberIdList: [owner.id, world.user.id],
      ownerId: owner.id,
      adminIdList: [],
    });
    group.add(a, b, owner).by(owner);
    expect(await inbound.next()).toEqual({
      kind: 'room_join',
      room: { id: group.id, topic: '上海车友会', ownerPuppetId: owner.id, botIsAdmin: false },
      contacts: [ref(a), ref(b)],
      inviter: ref(owner),
      at: expect.any(Date),
    });
    // Joined by a QR code: some puppets name the newcomer as their own inviter.
    const c = world.mocker.createContact({ name: '老王' });
    group.add(c).by(c);
    expect(await inbound.next()).toMatchObject({ kind: 'room_join', contacts: [ref(c)], inviter: null });
    // The bot's own invite: the runtime knows its invites, and the bot is nobody's contact.
    const d = world.mocker.createContact({ name: '阿May' });
    group.add(d).by(world.user);
    expect(await inbound.next()).toMatchObject({ kind: 'room_join', contacts: [ref(d)], inviter: null });
  });

  it('reports the bot joining a group as the group with every member but the bot', async () => {
    const { world, inbound } = await account();
    const owner = world.mocker.createContact({ name: '群主' });
    const member = world.mocker.createContact({ name: '阿强' });
    const group = world.mocker.createRoom({
      topic: '宝妈群',
      memberIdList: [owner.id, member.id],
      ownerId: owner.id,
      adminIdList: [world.user.id],
    });
    group.add(world.user).by(owner);
    expect(await inbound.next()).toEqual({
      kind: 'room_sync',
      room: { id: group.id, topic: '宝妈群', ownerPuppetId: owner.id, botIsAdmin: true },
      members: [ref(owner), ref(member)],
      at: expect.any(Date),
    });
    expect(inbound.pending()).toEqual([]);
  });

  it('reports leaving and removal with the remover, and the bot removed as the group left', async () => {
    const { world, inbound } = await account();
    const owner = world.mocker.createContact({ name: '群主' });
    const [a, b] = [
      world.mocker.createContact({ name: '阿强' }),
      world.mocker.createContact({ name: '小美' }),
    ];
    const group = world.mocker.createRoom({
      topic: '上海车友会',
      memberIdList: [owner.id, a.id, b.id, world.user.id],
      ownerId: owner.id,
      adminIdList: [],
    });
    group.remove(a).by(a);
    expect(await inbound.next()).toEqual({
      kind: 'room_leave',
      room: { id: group.id, topic: '上海车友会', ownerPuppetId: owner.id, botIsAdmin: false },
      contacts: [ref(a)],
      remover: null,
      at: expect.any(Date),
    });
    group.remove(b).by(owner);
    expect(await inbound.next()).toMatchObject({
      kind: 'room_leave',
      contacts: [ref(b)],
      remover: ref(owner),
    });
    group.remove(world.user).by(owner);
    expect(await inbound.next()).toMatchObject({
      kind: 'room_sync',
      room: { id: group.id },
      members: [],
      left: true,
    });
  });

  it('reports a new topic', async () => {
    const { world, inbound } = await account();
    const member = world.mocker.createContact({ name: '阿强' });
    const group = world.mocker.createRoom({
      topic: '车友会',
      memberIdList: [member.id, world.user.id],
      ownerId: world.user.id,
      adminIdList: [],
    });
    group.topic('上海车友会 2 群').by(member);
    expect(await inbound.next()).toEqual({
      kind: 'room_topic',
      room: { id: group.id, topic: '上海车友会 2 群', ownerPuppetId: world.user.id, botIsAdmin: true },
      at: expect.any(Date),
    });
  });

  it('reads every group after login a page at a time, paced, at most `max`, and tells which it manages', async () => {
    const key = randomUUID();
    const world = mockWorld(key, 'Shop assistant');
    const other = world.mocker.createContact({ name: '群主' });
    const member = world.mocker.createContact({ name: '阿强' });
    const room = (topic: string, ownerId: string, adminIdList: string[], withBot = true) =>
      world.mocker.createRoom({
        topic,
        memberIdList: withBot ? [other.id, member.id, world.user.id] : [other.id, member.id],
        ownerId,
        adminIdList,
      });
    const owned = room('自己的群', world.user.id, []);
    const managed = room('管理的群', other.id, [world.user.id]);
    const joined = room('别人的群', other.id, []);
    const left = room('退了的群', other.id, [], false);
    room('超出上限的群', other.id, []);
    const pace = gate();
    const { inbound } = await account(undefined, key, {
      pageSize: 2,
      pageIntervalMs: 1_500,
      max: 4,
      pause: pace.pause,
    });
    const sync = (r: typeof owned, botIsAdmin: boolean) => ({
      kind: 'room_sync',
      room: { id: r.id, topic: r.payload.topic, ownerPuppetId: r.payload.ownerId, botIsAdmin },
      members: [ref(other), ref(member)],
      at: expect.any(Date),
    });
    expect(await inbound.next()).toEqual(sync(owned, true));
    expect(await inbound.next()).toEqual(sync(managed, true));
    await pace.open();
    expect(pace.asked).toEqual([1_500]);
    expect(await inbound.next()).toEqual(sync(joined, false));
    expect(await inbound.next()).toEqual({ ...sync(left, false), members: [], left: true });
  });

  it('paces its reads: pages with a pause between them, at most `max` items, stopping when aborted', async () => {
    const pace = gate();
    const visited: number[] = [];
    const controller = new AbortController();
    const done = pacedEach(
      [1, 2, 3, 4, 5, 6, 7],
      { pageSize: 2, pageIntervalMs: 1_000, max: 5, pause: pace.pause },
      controller.signal,
      async (n) => {
        visited.push(n);
      },
    );
    const first = await pace.paused();
    expect(visited).toEqual([1, 2]);
    first();
    const second = await pace.paused();
    expect(visited).toEqual([1, 2, 3, 4]);
    second();
    await done;
    expect(visited).toEqual([1, 2, 3, 4, 5]);
    expect(pace.asked).toEqual([1_000, 1_000]);
    const stopped: number[] = [];
    const aborting = new AbortController();
    const cut = pacedEach(
      [1, 2, 3],
      { pageSize: 1, pageIntervalMs: 1_000, max: 10, pause: pace.pause },
      aborting.signal,
      async (n) => {
        stopped.push(n);
      },
    );
    aborting.abort();
    await pace.open();
    await cut;
    expect(stopped).toEqual([1]);
  });

  it('says in a group, @-mentioning members', async () => {
    const { world, bot } = await account();
    const [a, b] = [
      world.mocker.createContact({ name: '阿强' }),
      world.mocker.createContact({ name: '小美' }),
    ];
    const group = world.mocker.createRoom({
      topic: '车友会',
      memberIdList: [a.id, b.id, world.user.id],
      ownerId: world.user.id,
      adminIdList: [],
    });
    const send = vi.spyOn(world.mocker.puppet, 'messageSendText');
    await bot.roomSay(group.id, '欢迎新朋友', [a.id, b.id]);
    await bot.roomSay(group.id, '今晚 8 点开课', []);
    // Wechaty writes the @-names before the text and passes the mentioned ids to the puppet.
    expect(send.mock.calls).toEqual([
      [group.id, '@阿强\u2005@小美 欢迎新朋友', [a.id, b.id]],
      [group.id, '今晚 8 点开课', []],
    ]);
    await expect(bot.roomSay('nowhere@chatroom', 'hi', [])).rejects.toThrow(/not in the group/);
  });

  it('adds a contact to a group of up to 40 members, and invites above', async () => {
    const { world, bot } = await account();
    const newcomer = world.mocker.createContact({ name: '小美' });
    const group = (size: number) =>
      world.mocker.createRoom({
        topic: `${size} 人群`,
        memberIdList: [world.user.id, ...world.mocker.createContacts(size - 1).map((c) => c.id)],
        ownerId: world.user.id,
        adminIdList: [],
      });
    const [forty, fortyOne] = [group(40), group(41)];
    const add = vi.spyOn(world.mocker.puppet, 'roomAdd');
    expect(await bot.roomAdd(forty.id, newcomer.id)).toBe('added');
    expect(await bot.roomAdd(fortyOne.id, newcomer.id)).toBe('invited');
    expect(add.mock.calls).toEqual([
      [forty.id, newcomer.id],
      [fortyOne.id, newcomer.id],
    ]);
  });

  it("names WeChat's refusals of an add: not a friend, or no right to invite here", async () => {
    const { world, bot } = await account();
    const stranger = world.mocker.createContact({ name: '路人', friend: false });
    const group = world.mocker.createRoom({
      topic: '车友会',
      memberIdList: [world.user.id],
      ownerId: world.user.id,
      adminIdList: [],
    });
    const add = vi.spyOn(world.mocker.puppet, 'roomAdd');
    add.mockRejectedValueOnce(new Error('对方不是你的好友'));
    await expect(bot.roomAdd(group.id, stranger.id)).rejects.toBeInstanceOf(NotAFriendError);
    add.mockRejectedValueOnce(new Error('群聊邀请确认已开启，仅群主或管理员可邀请'));
    await expect(bot.roomAdd(group.id, stranger.id)).rejects.toBeInstanceOf(RoomNotManagedError);
    await expect(bot.roomAdd(group.id, 'nobody-at-all')).rejects.toBeInstanceOf(NotAFriendError);
  });

  it('removes a member where the bot owns or manages the group, and refuses elsewhere without asking', async () => {
    const { world, bot } = await account();
    const owner = world.mocker.createContact({ name: '群主' });
    const lurker = world.mocker.createContact({ name: '潜水员' });
    const room = (ownerId: string | undefined, adminIdList: string[]) =>
      world.mocker.createRoom({
        topic: '车友会',
        memberIdList: [owner.id, lurker.id, world.user.id],
        ownerId,
        adminIdList,
      });
    const [owned, managed, foreign, unknownOwner] = [
      room(world.user.id, []),
      room(owner.id, [world.user.id]),
      room(owner.id, []),
      room(undefined, []),
    ];
    const del = vi.spyOn(world.mocker.puppet, 'roomDel');
    await bot.roomRemove(owned.id, lurker.id);
    await bot.roomRemove(managed.id, lurker.id);
    await expect(bot.roomRemove(foreign.id, lurker.id)).rejects.toBeInstanceOf(RoomNotManagedError);
    // A puppet that does not name the owner: WeChat's answer tells.
    del.mockRejectedValueOnce(new Error('no permission to remove member'));
    await expect(bot.roomRemove(unknownOwner.id, lurker.id)).rejects.toBeInstanceOf(RoomNotManagedError);
    expect(del.mock.calls).toEqual([
      [owned.id, lurker.id],
      [managed.id, lurker.id],
      [unknownOwner.id, lurker.id],
    ]);
  });
});
