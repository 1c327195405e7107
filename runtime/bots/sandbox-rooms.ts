// The simulated WeChat's groups (DESIGN "Groups"): the sandbox bot creates them (it owns and manages
// every one), contacts join by QR code and leave, the bot adds members — at once up to 40 members,
// above that as an invitation the contact accepts later — says things with @-mentions and removes
// members. Every event goes through the world's `track`, so a caller can wait for what it caused.
import { randomUUID } from 'node:crypto';
import type { mock } from 'wechaty-puppet-mock';
import { type ContactRef, type InboundEvent, NotAFriendError, type RoomRef } from './port.ts';
import { DIRECT_ADD_MAX_MEMBERS } from './wechaty-rooms.ts';

/** What the world lends its groups. */
export interface GroupsContext {
  mocker: mock.Mocker;
  /** The bot's own user (the world is started). */
  selfId(): string;
  /** A known contact as the port names it; throws for one the world does not know. */
  ref(puppetId: string): ContactRef;
  isFriend(puppetId: string): boolean;
  /** Hands an event to the runtime, as work of `key` (a contact's or a group's puppet id). */
  track(key: string, event: InboundEvent): void;
  now(): Date;
}

/** What the bot did in a group, as its members saw it. */
export type GroupLine =
  | { kind: 'said'; text: string; mentions: string[] }
  | { kind: 'removed'; contactPuppetId: string };

/** A group as the database remembers it (after a restart the world knows it again from this). */
export interface SandboxGroup {
  puppetId: string;
  topic: string;
  memberPuppetIds: string[];
}

interface Group {
  topic: string;
  payload: { memberIdList: string[] };
  saw: GroupLine[];
}

/** How many lines of what the bot did a simulated group remembers (the archive keeps them all). */
const LINES_KEPT = 200;

export const newSandboxRoomId = () => `sandbox-room-${randomUUID()}`;

export class SandboxGroups {
  private readonly groups = new Map<string, Group>();
  /** Per contact: the groups whose invitation they have not accepted yet, oldest first. */
  private readonly invites = new Map<string, string[]>();

  constructor(private readonly ctx: GroupsContext) {}

  /** Makes a group known under its stored id, with its members (after a restart, or one created since). */
  know(group: SandboxGroup): void {
    if (this.groups.has(group.puppetId)) return;
    const memberIdList = [this.ctx.selfId(), ...group.memberPuppetIds];
    // The mock's copy lets a member's message name its group when it travels through Wechaty.
    const payload = {
      id: group.puppetId,
      topic: group.topic,
      memberIdList,
      ownerId: this.ctx.selfId(),
      adminIdList: [this.ctx.selfId()],
    };
    this.ctx.mocker.createRoom(payload);
    this.groups.set(group.puppetId, { topic: group.topic, payload, saw: [] });
  }

  has(roomPuppetId: string): boolean {
    return this.groups.has(roomPuppetId);
  }

  /** The bot creates a group with these contacts: the runtime hears it as a `room_sync` (work of the group). */
  create(roomPuppetId: string, topic: string, memberPuppetIds: string[]): void {
    if (this.groups.has(roomPuppetId)) return;
    for (const id of memberPuppetIds) this.ctx.ref(id);
    this.know({ puppetId: roomPuppetId, topic, memberPuppetIds: [...new Set(memberPuppetIds)] });
    this.ctx.track(roomPuppetId, {
      kind: 'room_sync',
      room: this.roomRef(roomPuppetId),
      members: this.members(roomPuppetId).map((id) => this.ctx.ref(id)),
      at: this.ctx.now(),
    });
  }

  /** Everyone in the group but the bot. */
  members(roomPuppetId: string): string[] {
    const self = this.ctx.selfId();
    return this.group(roomPuppetId).payload.memberIdList.filter((id) => id !== self);
  }

  isMember(roomPuppetId: string, puppetId: string): boolean {
    return this.group(roomPuppetId).payload.memberIdList.includes(puppetId);
  }

  /** The contact joins (a QR code scan): false when they were in already (nothing happens). */
  join(roomPuppetId: string, puppetId: string): boolean {
    this.ctx.ref(puppetId);
    if (this.isMember(roomPuppetId, puppetId)) return false;
    this.withdraw(puppetId, roomPuppetId);
    this.group(roomPuppetId).payload.memberIdList.push(puppetId);
    this.ctx.track(puppetId, {
      kind: 'room_join',
      room: this.roomRef(roomPuppetId),
      contacts: [this.ctx.ref(puppetId)],
      // Nobody invited them (a QR code), or the bot did: the bot is nobody's contact.
      inviter: null,
      at: this.ctx.now(),
    });
    return true;
  }

  /** The contact leaves (`removed`: the bot removed them): false when they were not in. */
  leave(roomPuppetId: string, puppetId: string): boolean {
    this.ctx.ref(puppetId);
    const list = this.group(roomPuppetId).payload.memberIdList;
    const at = list.indexOf(puppetId);
    if (at < 0 || puppetId === this.ctx.selfId()) return false;
    list.splice(at, 1);
    this.ctx.track(puppetId, {
      kind: 'room_leave',
      room: this.roomRef(roomPuppetId),
      contacts: [this.ctx.ref(puppetId)],
      remover: null,
      at: this.ctx.now(),
    });
    return true;
  }

  /** Records an invitation of the bot's the contact has not accepted (also one from before a restart). */
  invite(roomPuppetId: string, puppetId: string): void {
    this.group(roomPuppetId);
    const list = this.invites.get(puppetId) ?? [];
    if (!list.includes(roomPuppetId)) this.invites.set(puppetId, [...list, roomPuppetId]);
  }

  /** The groups whose invitation the contact has not accepted, oldest first. */
  invitations(puppetId: string): readonly string[] {
    return this.invites.get(puppetId) ?? [];
  }

  /**
   * The contact accepts an invitation — to `roomPuppetId`, else their latest — and joins. Null when
   * they have none (to that group).
   */
  accept(puppetId: string, roomPuppetId?: string): string | null {
    const list = this.invitations(puppetId);
    const room = roomPuppetId === undefined ? list.at(-1) : list.find((id) => id === roomPuppetId);
    if (!room) return null;
    this.join(room, puppetId);
    return room;
  }

  /** The bot says `text` in the group, @-mentioning these members. */
  say(roomPuppetId: string, text: string, mentionPuppetIds: string[]): void {
    this.remember(roomPuppetId, { kind: 'said', text, mentions: [...mentionPuppetIds] });
  }

  /**
   * The bot adds a friend: at once up to 40 members (the bot included), else an invitation the
   * contact accepts through `accept`. A member already is `added` and nothing happens.
   */
  add(roomPuppetId: string, puppetId: string): 'added' | 'invited' {
    const group = this.group(roomPuppetId);
    if (this.isMember(roomPuppetId, puppetId)) return 'added';
    if (!this.ctx.isFriend(puppetId)) throw new NotAFriendError(puppetId);
    if (group.payload.memberIdList.length > DIRECT_ADD_MAX_MEMBERS) {
      this.invite(roomPuppetId, puppetId);
      return 'invited';
    }
    this.join(roomPuppetId, puppetId);
    return 'added';
  }

  /** The bot (owner of every sandbox group) removes a member; the group sees it. */
  remove(roomPuppetId: string, puppetId: string): void {
    if (this.leave(roomPuppetId, puppetId))
      this.remember(roomPuppetId, { kind: 'removed', contactPuppetId: puppetId });
  }

  /** What the bot did in the group (said, removed), oldest first (the latest few). */
  saw(roomPuppetId: string): readonly GroupLine[] {
    return this.groups.get(roomPuppetId)?.saw ?? [];
  }

  topic(roomPuppetId: string): string {
    return this.group(roomPuppetId).topic;
  }

  private remember(roomPuppetId: string, line: GroupLine): void {
    const group = this.group(roomPuppetId);
    group.saw = [...group.saw, line].slice(-LINES_KEPT);
  }

  private withdraw(puppetId: string, roomPuppetId: string): void {
    const left = this.invitations(puppetId).filter((id) => id !== roomPuppetId);
    if (left.length > 0) this.invites.set(puppetId, left);
    else this.invites.delete(puppetId);
  }

  private roomRef(roomPuppetId: string): RoomRef {
    const self = this.ctx.selfId();
    return { id: roomPuppetId, topic: this.group(roomPuppetId).topic, ownerPuppetId: self, botIsAdmin: true };
  }

  private group(roomPuppetId: string): Group {
    const group = this.groups.get(roomPuppetId);
    if (!group) throw new Error(`the sandbox bot is not in the group ${roomPuppetId}`);
    return group;
  }
}
