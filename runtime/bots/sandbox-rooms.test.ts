// The simulated WeChat's groups: what the runtime hears when the sandbox bot creates a group, a
// contact joins by QR code, speaks (with or without @ the bot), leaves, is added (at once, or by an
// invitation above 40 members) or removed — and that each call waits for the turns it caused.
import { afterEach, describe, expect, it } from 'vitest';
import { wallClock } from '../clock.ts';
import { type InboundEvent, NotAFriendError } from './port.ts';
import { SandboxWorld } from './sandbox.ts';

const worlds: SandboxWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.stop();
});

/**
 * A started world. Its runtime handles events at once, or — after `hold()` — each only when the test
 * ends its turn: `turns.next()` gives the event and `done`.
 */
async function started() {
  const world = new SandboxWorld('Sandbox bot', wallClock);
  worlds.push(world);
  const heard: InboundEvent[] = [];
  let held = false;
  const arrived: { event: InboundEvent; done: () => void }[] = [];
  const takers: ((turn: { event: InboundEvent; done: () => void }) => void)[] = [];
  world.onInbound((event) => {
    heard.push(event);
    if (!held) return;
    return new Promise<void>((done) => {
      const turn = { event, done };
      const take = takers.shift();
      if (take) take(turn);
      else arrived.push(turn);
    });
  });
  await world.start();
  const people = (...names: string[]) =>
    names.map((name, i) => {
      const puppetId = `c-${i}-${name}`;
      world.know({ puppetId, name, weixin: null, friend: true });
      return puppetId;
    });
  return {
    world,
    heard,
    people,
    hold: () => {
      held = true;
    },
    turns: {
      next: () =>
        new Promise<{ event: InboundEvent; done: () => void }>((resolve) => {
          const turn = arrived.shift();
          if (turn) resolve(turn);
          else takers.push(resolve);
        }),
    },
  };
}

const ROOM = 'sandbox-room-1';
const room = { id: ROOM, topic: '上海车友会', ownerPuppetId: expect.any(String), botIsAdmin: true };
const ref = (puppetId: string, name: string) => ({ puppetId, name, weixin: null });

describe('groups in the simulated WeChat', () => {
  it('creates a group the bot owns and manages, heard as the group with its members', async () => {
    const { world, heard, people } = await started();
    const [a, b] = people('阿强', '小美');
    await world.createRoom(ROOM, '上海车友会', [a!, b!]);
    expect(heard).toEqual([
      { kind: 'room_sync', room, members: [ref(a!, '阿强'), ref(b!, '小美')], at: expect.any(Date) },
    ]);
    expect(world.groups.members(ROOM)).toEqual([a, b]);
    // Performed again (a command retried): the same group, nothing new heard.
    await world.createRoom(ROOM, '上海车友会', [a!, b!]);
    expect(heard).toHaveLength(1);
  });

  it('lets a contact join by QR code and leave, each once, answering after their turns are done', async () => {
    const { world, heard, people, hold, turns } = await started();
    const [a, c] = people('阿强', '老王');
    await world.createRoom(ROOM, '上海车友会', [a!]);
    hold();
    let joined = false;
    const joining = world.joinRoom(ROOM, c!).then(() => {
      joined = true;
    });
    const join = await turns.next();
    expect(join.event).toEqual({
      kind: 'room_join',
      room,
      contacts: [ref(c!, '老王')],
      inviter: null,
      at: expect.any(Date),
    });
    expect(joined).toBe(false);
    join.done();
    await joining;
    // Joining again (a command retried): already in, nothing heard.
    await world.joinRoom(ROOM, c!);
    const leaving = world.leaveRoom(ROOM, c!);
    const leave = await turns.next();
    expect(leave.event).toEqual({
      kind: 'room_leave',
      room,
      contacts: [ref(c!, '老王')],
      remover: null,
      at: expect.any(Date),
    });
    leave.done();
    await leaving;
    await world.leaveRoom(ROOM, c!);
    expect(heard.map((e) => e.kind)).toEqual(['room_sync', 'room_join', 'room_leave']);
    expect(world.groups.members(ROOM)).toEqual([a]);
  });

  it("passes a member's group message through Wechaty with its group and whether it @-mentions the bot", async () => {
    const { world, heard, people } = await started();
    const [a, outsider] = people('阿强', '路人');
    await world.createRoom(ROOM, '上海车友会', [a!]);
    await world.sendMessage(a!, '有优惠吗', 'm-1', { roomPuppetId: ROOM, mentionsBot: true });
    await world.sendMessage(a!, '大家好', 'm-2', { roomPuppetId: ROOM, mentionsBot: false });
    expect(heard.slice(1)).toEqual([
      {
        kind: 'message',
        messageId: 'm-1',
        contact: ref(a!, '阿强'),
        room: { id: ROOM, topic: '上海车友会' },
        // As WeChat writes it: the @-name first.
        text: '@Sandbox bot\u2005有优惠吗',
        messageKind: 'text',
        mentionsBot: true,
        self: false,
        at: expect.any(Date),
      },
      expect.objectContaining({
        messageId: 'm-2',
        room: { id: ROOM, topic: '上海车友会' },
        text: '大家好',
        mentionsBot: false,
      }),
    ]);
    await expect(
      world.sendMessage(outsider!, '我也想说', 'm-3', { roomPuppetId: ROOM, mentionsBot: false }),
    ).rejects.toThrow(/not in the group/);
    await world.sendMessage(a!, '私聊你', 'm-4');
    expect(heard.at(-1)).toMatchObject({ messageId: 'm-4', room: null, mentionsBot: false });
  });

  it('adds a friend at once up to 40 members; above, the invitation waits until the contact accepts', async () => {
    const { world, heard, people } = await started();
    const [friend, stranger] = people('小美', '路人');
    world.unfriend(stranger!);
    await world.createRoom(ROOM, '上海车友会', []);
    expect(await world.roomAdd(ROOM, friend!)).toBe('added');
    await world.settled(friend!);
    expect(heard.at(-1)).toMatchObject({
      kind: 'room_join',
      contacts: [ref(friend!, '小美')],
      inviter: null,
    });
    expect(await world.roomAdd(ROOM, friend!)).toBe('added');
    await expect(world.roomAdd(ROOM, stranger!)).rejects.toBeInstanceOf(NotAFriendError);

    // 40 members with the bot: the 41st is still added at once, the 42nd invited.
    const crowd = people(...Array.from({ length: 39 }, (_, i) => `成员${i}`));
    await world.createRoom('sandbox-room-big', '大群', crowd);
    const [late, later] = people('迟到的', '更迟的');
    expect(await world.roomAdd('sandbox-room-big', late!)).toBe('added');
    expect(await world.roomAdd('sandbox-room-big', later!)).toBe('invited');
    expect(await world.roomAdd(ROOM, later!)).toBe('added');
    await world.leaveRoom(ROOM, later!);
    const before = heard.length;
    expect(world.groups.invitations(later!)).toEqual(['sandbox-room-big']);
    expect(world.groups.isMember('sandbox-room-big', later!)).toBe(false);
    expect(await world.acceptInvite(later!, ROOM)).toBeNull();
    expect(await world.acceptInvite(later!)).toBe('sandbox-room-big');
    expect(heard.slice(before)).toMatchObject([
      { kind: 'room_join', room: { id: 'sandbox-room-big', topic: '大群' }, contacts: [{ puppetId: later }] },
    ]);
    expect(world.groups.invitations(later!)).toEqual([]);
    expect(await world.acceptInvite(later!)).toBeNull();
  });

  it('records what the bot said in the group and whom it removed, as the group saw it', async () => {
    const { world, heard, people } = await started();
    const [a, b] = people('阿强', '潜水员');
    await world.createRoom(ROOM, '上海车友会', [a!, b!]);
    await world.roomSay(ROOM, '欢迎新朋友', [a!]);
    await world.roomRemove(ROOM, b!);
    await world.settled(b!);
    await world.roomRemove(ROOM, b!);
    expect(world.groups.saw(ROOM)).toEqual([
      { kind: 'said', text: '欢迎新朋友', mentions: [a] },
      { kind: 'removed', contactPuppetId: b },
    ]);
    expect(heard.at(-1)).toMatchObject({ kind: 'room_leave', contacts: [ref(b!, '潜水员')], remover: null });
    expect(heard.filter((e) => e.kind === 'room_leave')).toHaveLength(1);
    await expect(world.roomSay('sandbox-room-unknown', 'hi', [])).rejects.toThrow(/not in the group/);
  });

  it('knows a group again from what the database remembers (a restart), members and all', async () => {
    const { world, heard, people } = await started();
    const [a, b] = people('阿强', '小美');
    world.groups.know({ puppetId: ROOM, topic: '上海车友会', memberPuppetIds: [a!] });
    world.groups.invite(ROOM, b!);
    expect(world.groups.members(ROOM)).toEqual([a]);
    expect(await world.acceptInvite(b!)).toBe(ROOM);
    expect(heard).toMatchObject([{ kind: 'room_join', contacts: [{ puppetId: b }] }]);
    await world.sendMessage(a!, '欢迎', 'm-9', { roomPuppetId: ROOM, mentionsBot: false });
    expect(heard.at(-1)).toMatchObject({ kind: 'message', room: { id: ROOM } });
  });
});
