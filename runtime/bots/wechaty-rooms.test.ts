import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockWorld } from './__fixtures__/mock-puppet.ts';
import { account, cleanUpAccounts, gate } from './__fixtures__/wechaty-test-kit.ts';
import { NotAFriendError, RoomNotManagedError } from './port.ts';
import { pacedEach } from './wechaty-rooms.ts';

afterEach(cleanUpAccounts);

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
