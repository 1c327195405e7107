// The simulated WeChat's media and friend adds, through its real Wechaty on wechaty-puppet-mock:
// a contact receives what the bot sends, every phone or handle is somebody the bot can add, and
// accepting the add reaches the runtime as a friend confirm.
import { afterEach, describe, expect, it } from 'vitest';
import { wallClock } from '../clock.ts';
import { type InboundEvent, NotAFriendError, type OutboundMedia } from './port.ts';
import { SandboxWorld, sandboxPersonFor } from './sandbox.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const worlds: SandboxWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.stop();
});

async function started() {
  const world = new SandboxWorld('Sandbox bot', wallClock);
  worlds.push(world);
  const heard: InboundEvent[] = [];
  world.onInbound((event) => {
    heard.push(event);
  });
  await world.start();
  return { world, heard };
}

describe('the simulated WeChat', () => {
  it('delivers images and cards to a friend, who keeps them in order', async () => {
    const { world } = await started();
    world.know({ puppetId: 'c-1', name: '小美', weixin: null, friend: true });
    const sent: OutboundMedia[] = [
      { kind: 'image', data: PNG, mime: 'image/png', filename: 'coupon.png' },
      { kind: 'image_url', url: 'https://cdn.example.com/banner.png' },
      { kind: 'link', url: 'https://shop.example.com', title: '春季新品', description: '全场八折' },
      { kind: 'mini_program', appId: 'wx1234567890abcdef', title: '会员中心', pagePath: 'pages/index' },
    ];
    for (const media of sent) await world.sendMedia('c-1', media);
    expect(world.received('c-1')).toEqual(sent);
    expect(world.received('someone-else')).toEqual([]);
  });

  it('tells a message sent again under the same id as that message again, never a second one', async () => {
    const { world, heard } = await started();
    world.know({ puppetId: 'c-3', name: '阿强', weixin: null, friend: true });
    await world.sendMessage('c-3', '你好', 'same-id');
    // The command performed a second time in this process (its first attempt gave up waiting).
    await world.sendMessage('c-3', '你好', 'same-id');
    const told = heard.filter((e) => e.kind === 'message');
    expect(told.map((e) => (e.kind === 'message' ? [e.messageId, e.text] : null))).toEqual([
      ['same-id', '你好'],
      ['same-id', '你好'],
    ]);
  });

  it('refuses media to a contact who is not a friend, as WeChat does', async () => {
    const { world } = await started();
    world.know({ puppetId: 'c-2', name: '路人', weixin: null, friend: false });
    const link: OutboundMedia = { kind: 'link', url: 'https://shop.example.com', title: 'Shop' };
    await expect(world.sendMedia('c-2', link)).rejects.toBeInstanceOf(NotAFriendError);
    expect(world.received('c-2')).toEqual([]);
  });

  it('finds somebody for every phone and handle, and waits for them to accept', async () => {
    const { world, heard } = await started();
    const byPhone = await world.addFriend({ phone: '13812345678', weixin: null }, '您好，我是小助手');
    expect(byPhone).toEqual({
      outcome: 'requested',
      contact: { puppetId: 'sandbox-phone-13812345678', name: '13812345678', weixin: null },
    });
    const byHandle = await world.addFriend({ phone: null, weixin: 'lily_sh' }, 'hi');
    expect(byHandle).toMatchObject({
      outcome: 'requested',
      contact: { puppetId: 'sandbox-weixin-lily_sh', weixin: 'lily_sh' },
    });
    expect(world.pendingAdd('sandbox-phone-13812345678')).toBe('您好，我是小助手');
    expect(heard).toEqual([]);
    expect(await world.addFriend({ phone: null, weixin: null }, 'hi')).toEqual({ outcome: 'not_found' });
  });

  it('confirms the friendship once the person accepts: the runtime hears it and the bot may send', async () => {
    const { world, heard } = await started();
    const target = { phone: '13812345678', weixin: null };
    const { puppetId } = sandboxPersonFor(target);
    await world.addFriend(target, 'hi');
    await world.acceptAdd(puppetId);
    expect(heard).toEqual([
      {
        kind: 'friend_confirm',
        contact: { puppetId, name: '13812345678', weixin: null },
        at: expect.any(Date),
      },
    ]);
    expect(world.pendingAdd(puppetId)).toBeNull();
    await world.say(puppetId, '欢迎！');
    expect(await world.addFriend(target, 'hi again')).toMatchObject({ outcome: 'already_friend' });
  });

  it('lets a person the database remembers accept an add this process never sent (a restart)', async () => {
    const { world, heard } = await started();
    const person = sandboxPersonFor({ phone: null, weixin: 'lily_sh' });
    world.know(person);
    await world.acceptAdd(person.puppetId);
    expect(heard).toMatchObject([{ kind: 'friend_confirm', contact: { puppetId: person.puppetId } }]);
    await expect(world.acceptAdd('never-heard-of')).rejects.toThrow(/unknown sandbox contact/);
  });
});
