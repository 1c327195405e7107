// Groups (API.md "Groups"): the groups of every account, room sets (群池) with capacity and a public
// live code, members ranked by activity, lurkers and their paced removal, the group's chat, and the
// sandbox's simulated groups. Every list is keyset-paginated and scoped to the caller's workspace.
import { z } from 'zod';
import { schemaError } from '../schema-issues.ts';
import { durationProblem } from '../time/duration.ts';
import { cursorParam, optionalParam, text } from './common.ts';
import { transcriptMedia } from './media.ts';

export const ACTIVITY_GRADES = ['active', 'normal', 'lurker'] as const;
export type ActivityGrade = (typeof ACTIVITY_GRADES)[number];

/** A room set is named by the marketer; capacities are members a group takes before rotation moves on. */
const setName = text().trim().min(1).max(60);
const capacity = z.number().int().min(1).max(500);
const slug = z.string().refine((s) => /^[a-z0-9][a-z0-9-]{2,39}$/.test(s), schemaError('live_code_slug'));

/** WeChat stops admitting by QR scan at 200 members: the live code skips a group that large. */
export const QR_SCAN_LIMIT = 200;
/** A WeChat group QR code lasts 7 days; the set warns a day before it expires. */
export const QR_LIFETIME_DAYS = 7;
/** A room set warns when fewer seats than this are left. */
export const LOW_SEATS = 50;

/** Where the public live code page of a slug is (no login). */
export const liveCodePath = (slug: string): string => `/j/${slug}`;

export const QR_STATUSES = ['none', 'ok', 'expiring', 'expired'] as const;
export type QrStatus = (typeof QR_STATUSES)[number];

export const roomItem = z.object({
  id: z.uuid(),
  topic: z.string(),
  botAccountId: z.uuid(),
  memberCount: z.number().int(),
  /** The capacity that applies: the group's own, else its set's, else 500. */
  capacity: z.number().int(),
  /** The group's own capacity; null: its set's (or 500). */
  ownCapacity: z.number().int().nullable().optional(),
  roomSet: z.string().nullable(),
  open: z.boolean(),
  /** The bot owns or manages the group (it may remove members). */
  botIsAdmin: z.boolean(),
  joinedToday: z.number().int(),
  leftToday: z.number().int(),
  /** The group's QR code for the live code, when uploaded. */
  qr: z.object({ url: z.string(), expiresAt: z.iso.datetime() }).nullable(),
  /** The QR code on the group's account clock: expiring = within a day. */
  qrStatus: z.enum(QR_STATUSES).optional(),
  /** Invites sent and not yet accepted (they count as taken seats until they expire). */
  pendingInvites: z.number().int().optional(),
  botAccountName: z.string().optional(),
  /** Now on the group's account clock (a sandbox account's runs ahead of the wall clock). */
  clockNow: z.iso.datetime().optional(),
});
export type RoomItem = z.infer<typeof roomItem>;
export const roomsQuery = z.object({
  q: optionalParam(text().max(100).optional()),
  roomSet: optionalParam(text().max(60).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: optionalParam(cursorParam.optional()),
});
export const roomPage = z.object({ items: z.array(roomItem), nextCursor: z.string().nullable() });

export const roomMember = z.object({
  contactId: z.uuid(),
  name: z.string(),
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
  via: z.string(),
  inviter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lastMessageAt: z.iso.datetime().nullable(),
  /** Messages in the grading window (the workspace's `activityGrades.days`, 30 by default). */
  messages30d: z.number().int(),
  grade: z.enum(ACTIVITY_GRADES),
  isAdmin: z.boolean(),
});
export const roomMembersQuery = z.object({
  sort: optionalParam(z.enum(['messages30d', 'joinedAt', 'lastMessageAt']).default('messages30d')),
  grade: optionalParam(z.enum(ACTIVITY_GRADES).optional()),
  admin: optionalParam(z.enum(['true', 'false']).optional()),
  /** Members who left too. */
  left: optionalParam(z.enum(['true', 'false']).optional()),
  q: optionalParam(text().max(100).optional()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type RoomMember = z.infer<typeof roomMember>;
export const roomMemberPage = z.object({ items: z.array(roomMember), total: z.number().int() });
export const roomDetail = roomItem.extend({
  members: roomMemberPage,
  /** The workspace's grading the members were graded by. */
  grading: z
    .object({ days: z.number().int(), active: z.number().int(), lurker: z.number().int() })
    .optional(),
});
export type RoomDetail = z.infer<typeof roomDetail>;
export const roomPatchBody = z.object({
  roomSet: setName.nullable().optional(),
  capacity: capacity.nullable().optional(),
  open: z.boolean().optional(),
});
export const roomMemberPatchBody = z.object({ isAdmin: z.boolean() });
export const roomMemberParams = z.object({ id: z.uuid(), contactId: z.uuid() });

export const roomMessagesQuery = z.object({
  q: optionalParam(text().max(100).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: optionalParam(z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional()),
});
export const roomMessage = z.object({
  id: z.number().int(),
  /** The member who spoke; null for the bot or the operator on the phone. */
  contactId: z.uuid().nullable(),
  name: z.string(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  kind: z.string(),
  media: transcriptMedia.nullable().optional(),
  at: z.iso.datetime(),
  /** Who wrote it: a member, or on the bot's side the bot (a flow), an agent or the operator on the phone. */
  author: z.enum(['contact', 'bot', 'agent', 'operator']).optional(),
  /** The member a message of the bot's side @-mentioned (WeChat shows `@name` before the text). */
  mentioned: z.object({ contactId: z.uuid(), name: z.string() }).nullable().optional(),
});
export type RoomMessage = z.infer<typeof roomMessage>;
/** Newest first; the next page is `?before=<the last id>`. */
export const roomMessages = z.array(roomMessage);

const MAX_SILENCE = 'P365D';

export const lurkersQuery = z.object({
  /** Silent this long since joining (and since their last message). */
  silentFor: optionalParam(
    text()
      .max(20)
      .refine((s) => durationProblem(s, MAX_SILENCE) !== 'format', schemaError('duration_format'))
      .refine(
        (s) => durationProblem(s, MAX_SILENCE) !== 'too_long',
        schemaError('duration_too_long', { max: MAX_SILENCE, days: 365 }),
      )
      .default('P14D'),
  ),
});
export const lurker = z.object({
  contactId: z.uuid(),
  name: z.string(),
  joinedAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime().nullable(),
  isAdmin: z.boolean().optional(),
});
export type Lurker = z.infer<typeof lurker>;
/** The silent members, longest silent first. */
export const lurkerList = z.object({ items: z.array(lurker), silentFor: z.string() });
export const cleanupBody = z.object({ contactIds: z.array(z.uuid()).min(1).max(500) });
export const cleanupQueued = z.object({ queued: z.number().int() });

/** `PUT /api/rooms/:id/qr?expiresAt=` takes the QR image as the raw body (as `POST /api/media`). */
export const roomQrQuery = z.object({ expiresAt: optionalParam(z.iso.datetime().optional()) });
export const roomQr = z.object({ url: z.string(), expiresAt: z.iso.datetime() });

export const roomSetBody = z.object({ name: setName, capacity: capacity.default(450) });
export const roomSetPatchBody = z.object({ name: setName.optional(), capacity: capacity.optional() });
export const ROOM_SET_WARNINGS = ['low_seats', 'qr_expiring', 'qr_expired', 'no_qr'] as const;
export type RoomSetWarning = (typeof ROOM_SET_WARNINGS)[number];
export const roomSetItem = z.object({
  id: z.uuid(),
  name: z.string(),
  capacity: z.number().int(),
  rooms: z.number().int(),
  /** Seats left in open groups below their capacity, pending invites counted as taken. */
  seatsLeft: z.number().int(),
  /** What needs the marketer: fewer than 50 seats left, a QR code expiring within a day or expired. */
  warnings: z.array(z.enum(ROOM_SET_WARNINGS)),
  liveCode: z.object({ slug: z.string(), tags: z.array(z.string()), url: z.string() }).nullable(),
  /** Open groups of the set. */
  openRooms: z.number().int().optional(),
  /** Members of the set's groups. */
  members: z.number().int().optional(),
});
export type RoomSetItem = z.infer<typeof roomSetItem>;
export const roomSetList = z.array(roomSetItem);
export const roomSetParams = z.object({ name: setName });
export const liveCodeBody = z.object({
  slug,
  tags: z.array(text().trim().min(1).max(40)).max(20).default([]),
});
export const liveCodeStatsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });
export const liveCodeStats = z.object({
  days: z.array(z.object({ day: z.string(), scans: z.number().int(), joins: z.number().int() })),
});
export type LiveCodeStats = z.infer<typeof liveCodeStats>;

/** Workspace settings: activity grades over the last `days` days (`PATCH /api/workspace {activityGrades}`). */
export const activityGradesSchema = z
  .object({
    days: z.number().int().min(1).max(90),
    active: z.number().int().min(1).max(100_000),
    lurker: z.number().int().min(0).max(100_000),
  })
  .refine((g) => g.lurker < g.active, { ...schemaError('lurker_below_active'), path: ['lurker'] });
export type ActivityGrades = z.infer<typeof activityGradesSchema>;
export const DEFAULT_ACTIVITY_GRADES: ActivityGrades = { days: 30, active: 20, lurker: 0 };

// The sandbox's simulated groups (API.md "Groups", Sandbox).
export const sandboxRoomBody = z.object({
  topic: text().trim().min(1).max(100),
  members: z.array(z.uuid()).max(500).default([]),
});
export const sandboxRoomCreated = z.object({ id: z.uuid() });
export const sandboxRoomMemberBody = z.object({ contactId: z.uuid() });
export const sandboxRoomMessageBody = z.object({
  contactId: z.uuid(),
  text: text().min(1).max(10_000),
  mentionsBot: z.boolean().default(false),
});
/** What the bot said as a result: in the group (`roomId` set) and in private. */
export const roomReply = z.object({
  text: z.string(),
  nodeId: z.string().nullable(),
  flowId: z.string().nullable(),
  roomId: z.uuid().nullable(),
});
export const roomRepliesBody = z.object({ replies: z.array(roomReply) });
export const acceptInviteBody = z.object({ roomId: z.uuid().optional() }).default({});
export const inviteAccepted = z.object({ roomId: z.uuid(), replies: z.array(roomReply) });
