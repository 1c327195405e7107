// A bot account on real WeChat / WeCom: a Wechaty with the account's puppet (wechaty-puppet-wechat4u,
// wechaty-puppet-service, or any Wechaty 1.x puppet package), mapped onto the runtime's port.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MemoryCard } from 'memory-card';
import { type Friendship, type Message, type Wechaty, WechatyBuilder } from 'wechaty';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import { type BotConnection, type BotStatusEvent, type InboundEvent, NotAFriendError } from './port.ts';

const NOT_FRIEND = /not.*friend|非好友|不是.*好友|deleted|blocked/i;

export async function createWechatyConnection(account: {
  name: string;
  puppet: string;
  puppetOptions?: Record<string, unknown>;
  /** Where Wechaty keeps the account's memory card (the puppet's login session survives a restart). */
  sessionFile?: string;
}): Promise<BotConnection> {
  let puppet: PuppetInterface;
  try {
    const mod = (await import(account.puppet)) as {
      default?: new (o?: unknown) => PuppetInterface;
      PuppetWechat4u?: never;
    };
    const Puppet =
      mod.default ??
      (Object.values(mod).find((v) => typeof v === 'function') as new (
        o?: unknown,
      ) => PuppetInterface);
    puppet = new Puppet(account.puppetOptions ?? {});
  } catch (err) {
    throw new Error(`cannot load puppet package "${account.puppet}": ${(err as Error).message}`);
  }
  // Without a memory card of our own, Wechaty writes `<name>.memory-card.json` into the working folder.
  let memory: MemoryCard | undefined;
  if (account.sessionFile) {
    mkdirSync(dirname(account.sessionFile), { recursive: true });
    memory = new MemoryCard({ name: account.sessionFile });
    await memory.load();
  }
  const bot: Wechaty = WechatyBuilder.build({
    name: account.name,
    puppet,
    memory: memory ?? new MemoryCard(),
  });
  const requests = new Map<string, Friendship>();
  let inbound: (event: InboundEvent) => void = () => {};
  let status: (event: BotStatusEvent) => void = () => {};

  bot.on('error', (err: unknown) =>
    status({ kind: 'error', message: String((err as Error)?.message ?? err) }),
  );
  bot.on('scan', (qrcode: string, code: number) => status({ kind: 'scan', qrcode, status: code }));
  bot.on('login', (user) => status({ kind: 'login', self: { id: user.id, name: user.name() } }));
  bot.on('logout', () => status({ kind: 'logout' }));
  bot.on('message', async (message: Message) => {
    const talker = message.talker();
    const room = message.room();
    inbound({
      kind: 'message',
      messageId: message.id,
      contact: {
        puppetId: talker.id,
        name: talker.name(),
        alias: (await talker.alias().catch(() => null)) ?? null,
        weixin: talker.weixin() ?? null,
      },
      room: room ? { id: room.id, topic: await room.topic().catch(() => '') } : null,
      text:
        message.type() === bot.Message.Type.Text
          ? message.text()
          : `[${bot.Message.Type[message.type()] ?? 'message'}]`,
      self: message.self(),
      at: message.date(),
    });
  });
  bot.on('friendship', (friendship: Friendship) => {
    const contact = friendship.contact();
    const ref = { puppetId: contact.id, name: contact.name(), weixin: contact.weixin() ?? null };
    if (friendship.type() === bot.Friendship.Type.Receive) {
      requests.set(friendship.id, friendship);
      inbound({
        kind: 'friend_request',
        requestId: friendship.id,
        contact: ref,
        hello: friendship.hello(),
        at: new Date(),
      });
    } else if (friendship.type() === bot.Friendship.Type.Confirm) {
      inbound({ kind: 'friend_confirm', contact: ref, at: new Date() });
    }
  });

  return {
    start: () => bot.start(),
    stop: () => bot.stop(),
    onInbound: (handler) => {
      inbound = handler;
    },
    onStatus: (handler) => {
      status = handler;
    },
    async say(puppetId, text) {
      const contact = await bot.Contact.find({ id: puppetId });
      if (!contact) throw new NotAFriendError(puppetId);
      try {
        await contact.say(text);
      } catch (err) {
        if (NOT_FRIEND.test(String((err as Error)?.message))) throw new NotAFriendError(puppetId);
        throw err;
      }
    },
    async acceptFriendRequest(requestId) {
      const friendship = requests.get(requestId) ?? (await bot.Friendship.load(requestId));
      await friendship.accept();
      requests.delete(requestId);
    },
  };
}
