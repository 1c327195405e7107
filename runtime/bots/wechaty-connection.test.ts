import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileBox } from 'file-box';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { types } from 'wechaty';
import { sayOfType } from './__fixtures__/mock-puppet.ts';
import { account, cleanUpAccounts, dirs } from './__fixtures__/wechaty-test-kit.ts';
import { createWechatyConnection } from './wechaty-connection.ts';

afterEach(cleanUpAccounts);

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
