import { FileBox, FileBoxType } from 'file-box';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, cleanUpAccounts } from './__fixtures__/wechaty-test-kit.ts';
import { NotAFriendError } from './port.ts';

afterEach(cleanUpAccounts);

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
