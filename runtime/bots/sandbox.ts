// The `sandbox` puppet: a simulated WeChat on wechaty-puppet-mock, driven by the simulator API and
// tests. Contacts' messages travel through a real Wechaty instance to the runtime; friend requests
// are simulated here because the mock's friendship payloads and accept are not usable as they ship.
import { randomUUID } from 'node:crypto';
import { MemoryCard } from 'memory-card';
import { type Contact, type Message, type Wechaty, WechatyBuilder } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { type BotConnection, type BotStatusEvent, type InboundEvent, NotAFriendError } from './port.ts';

type ContactMock = ReturnType<mock.Mocker['createContact']>;

export class SandboxWorld implements BotConnection {
  private readonly mocker = new mock.Mocker();
  private readonly bot: Wechaty;
  private self: ContactMock | null = null;
  private readonly contacts = new Map<string, { mock: ContactMock; weixin: string | null }>();
  private readonly friends = new Set<string>();
  private readonly requests = new Map<string, string>();
  /** What the bot said to each contact, as the simulated phone received it. */
  readonly received = new Map<string, { text: string; at: Date }[]>();
  private inbound: (event: InboundEvent) => void = () => {};
  private status: (event: BotStatusEvent) => void = () => {};

  constructor(private readonly name = 'Wefunnel Sandbox') {
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

  onInbound(handler: (event: InboundEvent) => void): void {
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

  /** After a restart: the contacts and friendships the database remembers, under their old ids. */
  restore(known: { puppetId: string; name: string; weixin: string | null; friend: boolean }[]): void {
    for (const c of known) {
      if (this.contacts.has(c.puppetId)) continue;
      const mock = this.mocker.createContact({ id: c.puppetId, name: c.name, weixin: c.weixin ?? undefined });
      this.contacts.set(c.puppetId, { mock, weixin: c.weixin });
      if (c.friend) this.friends.add(c.puppetId);
    }
  }

  async createContact(input: { name: string; weixin?: string }): Promise<string> {
    const contact = this.mocker.createContact({ name: input.name, weixin: input.weixin });
    this.contacts.set(contact.id, { mock: contact, weixin: input.weixin ?? null });
    return contact.id;
  }

  async sendFriendRequest(puppetId: string, hello: string): Promise<void> {
    const requestId = `req-${randomUUID()}`;
    this.requests.set(requestId, puppetId);
    this.inbound({ kind: 'friend_request', requestId, contact: this.ref(puppetId), hello, at: new Date() });
  }

  async sendMessage(puppetId: string, text: string): Promise<void> {
    const contact = this.known(puppetId);
    if (!this.self) throw new Error('the sandbox bot is not started');
    contact.mock.say(text).to(this.self);
  }

  async acceptFriendRequest(requestId: string): Promise<void> {
    const puppetId = this.requests.get(requestId);
    if (!puppetId) throw new Error(`unknown friend request ${requestId}`);
    this.requests.delete(requestId);
    this.friends.add(puppetId);
    this.inbound({ kind: 'friend_confirm', contact: this.ref(puppetId), at: new Date() });
  }

  async say(puppetId: string, text: string): Promise<void> {
    if (!this.friends.has(puppetId)) throw new NotAFriendError(puppetId);
    const contact = (await this.bot.Contact.find({ id: puppetId })) as Contact | undefined;
    if (!contact) throw new NotAFriendError(puppetId);
    await contact.say(text);
    const list = this.received.get(puppetId) ?? [];
    list.push({ text, at: new Date() });
    this.received.set(puppetId, list);
  }

  /** The simulated contact deletes the bot: the next send fails as on WeChat. */
  unfriend(puppetId: string): void {
    this.friends.delete(puppetId);
  }

  private onMessage(message: Message): void {
    const talker = message.talker();
    if (message.self() || !this.contacts.has(talker.id)) return;
    const text = message.type() === this.bot.Message.Type.Text ? message.text() : '[非文字消息]';
    this.inbound({
      kind: 'message',
      messageId: message.id,
      contact: this.ref(talker.id),
      room: null,
      text,
      self: false,
      at: message.date(),
    });
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
