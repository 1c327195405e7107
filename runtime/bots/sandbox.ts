// The `sandbox` puppet: a simulated WeChat on wechaty-puppet-mock, driven by the simulator API and
// tests through bot commands (runtime/commands.ts). Contacts' messages travel through a real Wechaty
// instance to the runtime, stamped with the account's own clock; friend requests are simulated here
// because the mock's friendship payloads and accept are not usable as they ship. Each call resolves
// once what it caused for that contact — its turn, the friend confirm it led to, their deliveries —
// is done, so a caller waits for its own events and nobody else's. Its groups are sandbox-rooms.ts.
import { randomUUID } from 'node:crypto';
import { MemoryCard } from 'memory-card';
import { type Message, type Wechaty, WechatyBuilder } from 'wechaty';
import * as PUPPET from 'wechaty-puppet';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import type { Clock } from '../clock.ts';
import {
  type BotConnection,
  type BotStatusEvent,
  type FriendAddResult,
  type FriendTarget,
  type InboundEvent,
  type InboundHandler,
  NotAFriendError,
  type OutboundMedia,
} from './port.ts';
import { SandboxGroups } from './sandbox-rooms.ts';
import { sayableOf } from './wechaty-media.ts';

type ContactMock = ReturnType<mock.Mocker['createContact']>;

/** A contact the simulated WeChat knows, as the database remembers it. */
export interface SandboxPerson {
  puppetId: string;
  name: string;
  weixin: string | null;
  friend: boolean;
}

/** Message ids a world remembers having made (a command is performed again within minutes). */
const CREATED_KEPT = 10_000;

/** How long a message may take to come back out of Wechaty before the call gives up. */
const ECHO_TIMEOUT_MS = 15_000;

/** How many of the media a simulated contact received it remembers (the archive keeps them all). */
const RECEIVED_KEPT = 20;

/**
 * The simulated person a friend add reaches: every phone and handle has one, under an id derived
 * from it, so an add retried after a restart finds the same person.
 */
export const sandboxPersonFor = (target: FriendTarget): SandboxPerson => ({
  puppetId: target.phone ? `sandbox-phone-${target.phone}` : `sandbox-weixin-${target.weixin}`,
  name: target.phone ?? target.weixin ?? '',
  weixin: target.phone ? null : target.weixin,
  friend: false,
});

export class SandboxWorld implements BotConnection {
  private readonly mocker = new mock.Mocker();
  private readonly bot: Wechaty;
  private self: ContactMock | null = null;
  private readonly contacts = new Map<string, { mock: ContactMock; weixin: string | null }>();
  private readonly friends = new Set<string>();
  private readonly requests = new Map<string, string>();
  /** Friend adds of the bot the simulated person has not accepted yet: puppet id → hello. */
  private readonly adds = new Map<string, string>();
  /** Per contact: the latest media the bot sent them. */
  private readonly media = new Map<string, OutboundMedia[]>();
  /** Messages sent into Wechaty, by id, until the bot hears them. */
  private readonly echoes = new Map<string, () => void>();
  /** The ids of the messages made so far (the latest CREATED_KEPT): a repeated call makes none again. */
  private readonly created = new Set<string>();
  /** Per contact: the inbound events in flight (their turns and deliveries). */
  private readonly work = new Map<string, Set<Promise<unknown>>>();
  private inbound: InboundHandler = () => {};
  private status: (event: BotStatusEvent) => void = () => {};
  /** The simulated groups: create, join, leave, invitations, and what the bot did in each. */
  readonly groups = new SandboxGroups({
    mocker: this.mocker,
    selfId: () => {
      if (!this.self) throw new Error('the sandbox bot is not started');
      return this.self.id;
    },
    ref: (puppetId) => this.ref(puppetId),
    isFriend: (puppetId) => this.friends.has(puppetId),
    track: (key, event) => this.track(key, event),
    now: () => this.clock.now(),
  });

  constructor(
    private readonly name: string,
    private readonly clock: Clock,
  ) {
    this.bot = WechatyBuilder.build({
      name: `sandbox-${randomUUID()}`,
      puppet: new PuppetMock({ mocker: this.mocker }),
      // The simulated world keeps nothing on disk.
      memory: new MemoryCard(),
    });
    // Without an error listener Wechaty rethrows and would take the process down.
    this.bot.on('error', (err: unknown) =>
      this.status({ kind: 'error', message: String((err as Error)?.message ?? err) }),
    );
    this.bot.on('message', (message: Message) => this.onMessage(message));
  }

  onInbound(handler: InboundHandler): void {
    this.inbound = handler;
  }
  onStatus(handler: (event: BotStatusEvent) => void): void {
    this.status = handler;
  }

  async start(): Promise<void> {
    await this.bot.start();
    this.self = this.mocker.createContact({ name: this.name });
    this.mocker.login(this.self);
    this.status({ kind: 'login', self: { id: this.self.id, name: this.name } });
  }

  async stop(): Promise<void> {
    await this.bot.stop().catch(() => {});
  }

  /** Makes a contact known under its stored id (after a restart, or one created since). */
  know(person: SandboxPerson): void {
    if (this.contacts.has(person.puppetId)) return;
    const mock = this.mocker.createContact({
      id: person.puppetId,
      name: person.name,
      weixin: person.weixin ?? undefined,
    });
    this.contacts.set(person.puppetId, { mock, weixin: person.weixin });
    if (person.friend) this.friends.add(person.puppetId);
  }

  /**
   * The contact says `text` to the bot — or in a group they are in, @-mentioning the bot when
   * `mentionsBot` (WeChat then writes `@<bot name>` before the text); `messageId` makes a repeated
   * call the same WeChat message.
   */
  async sendMessage(
    puppetId: string,
    text: string,
    messageId: string = randomUUID(),
    inRoom?: { roomPuppetId: string; mentionsBot: boolean },
  ): Promise<void> {
    this.known(puppetId);
    if (!this.self) throw new Error('the sandbox bot is not started');
    if (inRoom && !this.groups.isMember(inRoom.roomPuppetId, puppetId))
      throw new Error(`${puppetId} is not in the group ${inRoom.roomPuppetId}`);
    const heard = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.echoes.delete(messageId);
        reject(new Error('the simulated WeChat did not deliver the message'));
      }, ECHO_TIMEOUT_MS);
      this.echoes.set(messageId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const base = { id: messageId, talkerId: puppetId, timestamp: this.clock.now().getTime() };
    // The same call made again (its command performed a second time in this process) is the same
    // message told again, never a second one: the router dedupes it by id.
    if (!this.created.has(messageId)) {
      this.remember(messageId);
      this.mocker.MessageMock.create(
        inRoom
          ? {
              ...base,
              type: PUPPET.types.Message.Text,
              roomId: inRoom.roomPuppetId,
              mentionIdList: inRoom.mentionsBot ? [this.self.id] : [],
              text: inRoom.mentionsBot ? `@${this.name}\u2005${text}` : text,
            }
          : { ...base, type: PUPPET.types.Message.Text, listenerId: this.self.id, text },
      );
    }
    this.mocker.puppet.emit('message', { messageId });
    await heard;
    await this.settled(puppetId);
  }

  private remember(messageId: string): void {
    this.created.add(messageId);
    if (this.created.size > CREATED_KEPT) this.created.delete(this.created.values().next().value!);
  }

  /** The contact asks to become a friend; resolves once the request, the accept and its flows are done. */
  async sendFriendRequest(puppetId: string, hello: string, requestId = `req-${randomUUID()}`): Promise<void> {
    this.requests.set(requestId, puppetId);
    this.track(puppetId, {
      kind: 'friend_request',
      requestId,
      contact: this.ref(puppetId),
      hello,
      at: this.clock.now(),
    });
    await this.settled(puppetId);
  }

  /**
   * The simulated WeChat keeps a contact's request across a worker restart (as WeChat does): a
   * request this process never saw is still the contact's.
   */
  async acceptFriendRequest(requestId: string, contactPuppetId: string): Promise<void> {
    const puppetId = this.requests.get(requestId) ?? contactPuppetId;
    this.requests.delete(requestId);
    this.confirm(puppetId);
  }

  /** The contact is our friend now; its confirm event follows (not awaited: `settled` waits for it). */
  confirm(puppetId: string): void {
    this.friends.add(puppetId);
    this.track(puppetId, { kind: 'friend_confirm', contact: this.ref(puppetId), at: this.clock.now() });
  }

  async say(puppetId: string, text: string): Promise<void> {
    if (!this.friends.has(puppetId)) throw new NotAFriendError(puppetId);
    const contact = await this.bot.Contact.find({ id: puppetId });
    if (!contact) throw new NotAFriendError(puppetId);
    await contact.say(text);
  }

  /** Images and cards go through the simulated WeChat like texts, and the contact keeps them. */
  async sendMedia(puppetId: string, media: OutboundMedia): Promise<void> {
    if (!this.friends.has(puppetId)) throw new NotAFriendError(puppetId);
    const contact = await this.bot.Contact.find({ id: puppetId });
    if (!contact) throw new NotAFriendError(puppetId);
    await contact.say(sayableOf(this.bot, media));
    const list = [...(this.media.get(puppetId) ?? []), media].slice(-RECEIVED_KEPT);
    this.media.set(puppetId, list);
  }

  /** The media the simulated contact received from the bot, oldest first (the latest few). */
  received(puppetId: string): readonly OutboundMedia[] {
    return this.media.get(puppetId) ?? [];
  }

  /**
   * Every phone and handle is somebody in the simulated WeChat: the bot's request reaches them and
   * waits until `acceptAdd` (the simulator's "accept") — or they are a friend already.
   */
  async addFriend(target: FriendTarget, hello: string): Promise<FriendAddResult> {
    if (!target.phone && !target.weixin) return { outcome: 'not_found' };
    const person = sandboxPersonFor(target);
    this.know(person);
    const contact = this.ref(person.puppetId);
    if (this.friends.has(person.puppetId)) return { outcome: 'already_friend', contact };
    this.adds.set(person.puppetId, hello);
    return { outcome: 'requested', contact };
  }

  /** The hello of the bot's friend add waiting for this person, or null. */
  pendingAdd(puppetId: string): string | null {
    return this.adds.get(puppetId) ?? null;
  }

  /**
   * The person accepts the bot's friend add: the runtime hears a `friend_confirm`. Resolves once
   * that event's turn, and what it led to, is done. Like WeChat, the request outlives a restart of
   * the process, so a person the database knows (see `know`) may accept one this process never saw.
   */
  async acceptAdd(puppetId: string): Promise<void> {
    this.known(puppetId);
    this.adds.delete(puppetId);
    this.confirm(puppetId);
    await this.settled(puppetId);
  }

  /** The simulated contact deletes the bot (or a test contact starts over): the next send fails as on WeChat. */
  unfriend(puppetId: string): void {
    this.friends.delete(puppetId);
  }

  /** The bot creates a group with these contacts; resolves once the runtime has recorded it. */
  async createRoom(roomPuppetId: string, topic: string, memberPuppetIds: string[]): Promise<void> {
    this.groups.create(roomPuppetId, topic, memberPuppetIds);
    await this.settled(roomPuppetId);
  }

  /** The contact joins by a QR code; resolves once the join's turns are done (at once when already in). */
  async joinRoom(roomPuppetId: string, puppetId: string): Promise<void> {
    this.groups.join(roomPuppetId, puppetId);
    await this.settled(puppetId);
  }

  async leaveRoom(roomPuppetId: string, puppetId: string): Promise<void> {
    this.groups.leave(roomPuppetId, puppetId);
    await this.settled(puppetId);
  }

  /**
   * The contact accepts the bot's invitation to `roomPuppetId` (else their latest) and joins:
   * answers the group, or null when they have no such invitation.
   */
  async acceptInvite(puppetId: string, roomPuppetId?: string): Promise<string | null> {
    const room = this.groups.accept(puppetId, roomPuppetId);
    await this.settled(puppetId);
    return room;
  }

  async roomSay(roomPuppetId: string, text: string, mentionPuppetIds: string[]): Promise<void> {
    this.groups.say(roomPuppetId, text, mentionPuppetIds);
  }

  async roomAdd(roomPuppetId: string, contactPuppetId: string): Promise<'added' | 'invited'> {
    return this.groups.add(roomPuppetId, contactPuppetId);
  }

  async roomRemove(roomPuppetId: string, contactPuppetId: string): Promise<void> {
    this.groups.remove(roomPuppetId, contactPuppetId);
  }

  /** Resolves once every event of this contact (or group) in flight, and what they led to, is done. */
  async settled(puppetId: string): Promise<void> {
    for (let set = this.work.get(puppetId); set && set.size > 0; set = this.work.get(puppetId))
      await Promise.allSettled([...set]);
  }

  /** Hands the event to the runtime as work of `puppetId` (a contact's, or a group's for its sync). */
  private track(puppetId: string, event: InboundEvent): void {
    const set = this.work.get(puppetId) ?? new Set<Promise<unknown>>();
    this.work.set(puppetId, set);
    const done = Promise.resolve()
      .then(() => this.inbound(event))
      .catch(() => {});
    set.add(done);
    void done.finally(() => {
      set.delete(done);
      if (set.size === 0 && this.work.get(puppetId) === set) this.work.delete(puppetId);
    });
  }

  private onMessage(message: Message): void {
    const talker = message.talker();
    if (message.self() || !this.contacts.has(talker.id)) return;
    const text = message.type() === this.bot.Message.Type.Text;
    // A group message comes only from `sendMessage`, which checked the group.
    const room = message.room();
    this.track(talker.id, {
      kind: 'message',
      messageId: message.id,
      contact: this.ref(talker.id),
      room: room ? { id: room.id, topic: this.groups.topic(room.id) } : null,
      text: text ? message.text() : '',
      messageKind: text ? 'text' : 'other',
      mentionsBot: !!room && this.mentionsSelf(message),
      self: false,
      at: message.date(),
    });
    this.echoes.get(message.id)?.();
    this.echoes.delete(message.id);
  }

  private mentionsSelf(message: Message): boolean {
    const payload = message.payload;
    const mentioned = payload && 'mentionIdList' in payload ? (payload.mentionIdList ?? []) : [];
    return !!this.self && mentioned.includes(this.self.id);
  }

  private known(puppetId: string) {
    const contact = this.contacts.get(puppetId);
    if (!contact) throw new Error(`unknown sandbox contact ${puppetId}`);
    return contact;
  }

  private ref(puppetId: string) {
    const contact = this.known(puppetId);
    return { puppetId, name: contact.mock.payload.name, weixin: contact.weixin };
  }
}
