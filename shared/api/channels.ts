// Acquisition channels (渠道活码, API.md "Analytics"): a named source of new friends — the public
// friend page `/c/<slug>` (the QR code of the account with the most room today), a hello code, or a
// lead form — with its tags, its spend and its counts: new friends, goals, deletions within 7 days.
import { z } from 'zod';
import { CHANNEL_KINDS } from '../db/channels.ts';
import { schemaError } from '../schema-issues.ts';
import { int, text } from './common.ts';

export { CHANNEL_KINDS, type ChannelKind } from '../db/channels.ts';

/** Where the public friend page of a slug is (no login). */
export const channelPath = (slug: string): string => `/c/${slug}`;

/**
 * A friend request at the account a page view showed, this soon after the view, is the visitor's;
 * until then the view holds one of the account's places today (rotation spreads visitors).
 */
export const SCAN_WINDOW_MS = 30 * 60_000;

export const CHANNEL_SLUG = /^[a-z0-9][a-z0-9-]{2,39}$/;
const slug = z.string().refine((s) => CHANNEL_SLUG.test(s), schemaError('live_code_slug'));
const name = text().trim().min(1).max(60);
/** Short enough to type into WeChat's hello box (at most 50 characters there), and no blanks. */
const helloCode = text()
  .trim()
  .min(2)
  .max(20)
  .refine((s) => !/\s/.test(s), schemaError('hello_code'));
const tags = z.array(text().trim().min(1).max(40)).max(20);
/** Cents, at most ten million yuan. */
const spend = int({ max: 1_000_000_000 });
const botAccountIds = z.array(z.uuid()).max(50);

/** A hello-code channel needs its code. */
const helloNeedsCode = <T extends { kind?: string; helloCode?: string | null }>(
  c: T,
  ctx: z.RefinementCtx,
) => {
  if (c.kind === 'hello' && !c.helloCode)
    ctx.addIssue({ code: 'custom', path: ['helloCode'], ...schemaError('hello_code_required') });
};

export const channelBody = z
  .object({
    name,
    kind: z.enum(CHANNEL_KINDS),
    /** Default: a random address. */
    slug: slug.optional(),
    helloCode: helloCode.optional(),
    tags: tags.default([]),
    spend: spend.default(0),
    botAccountIds: botAccountIds.default([]),
  })
  .superRefine(helloNeedsCode);
export type ChannelInput = z.output<typeof channelBody>;

export const channelPatchBody = z
  .object({
    name: name.optional(),
    kind: z.enum(CHANNEL_KINDS).optional(),
    slug: slug.optional(),
    helloCode: helloCode.nullable().optional(),
    tags: tags.optional(),
    spend: spend.optional(),
    botAccountIds: botAccountIds.optional(),
    archived: z.boolean().optional(),
  })
  .superRefine(helloNeedsCode);
export type ChannelPatch = z.output<typeof channelPatchBody>;

export const channelStats = z.object({
  /** Contacts attributed to the channel who became friends. */
  newFriends: z.number().int(),
  /** Goals those contacts reached (each goal name once per contact). */
  goals: z.number().int(),
  /** Of the new friends, those who deleted us within 7 days of being added. */
  deletedWithin7d: z.number().int(),
  /** Spend (cents) per goal; null without spend or goals. */
  costPerGoal: z.number().nullable(),
});

export const channelItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  slug: z.string(),
  url: z.string(),
  helloCode: z.string().nullable(),
  tags: z.array(z.string()),
  spend: z.number().int(),
  botAccountIds: z.array(z.uuid()),
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
  ...channelStats.shape,
});
export type ChannelItem = z.infer<typeof channelItem>;
export const channelList = z.array(channelItem);
export const channelsQuery = z.object({
  archived: z.enum(['true', 'false']).optional(),
});

/**
 * How many friends an account may hold, by its puppet (STYLE §7: a table, first match wins): a
 * personal WeChat holds 5,000; a WeCom member's customer contacts go much further.
 */
export const FRIEND_CAPS: readonly { puppet: RegExp; cap: number; kind: 'wecom' | 'personal' }[] = [
  { puppet: /wecom|wxwork|workpro|juzi/i, cap: 20_000, kind: 'wecom' },
  { puppet: /.*/, cap: 5_000, kind: 'personal' },
];
export const friendCapOf = (puppet: string) => FRIEND_CAPS.find((c) => c.puppet.test(puppet))!;

/** An account the friend pages rotate across, with its room today. */
export const channelAccount = z.object({
  botAccountId: z.uuid(),
  name: z.string(),
  puppet: z.string(),
  kind: z.enum(['wecom', 'personal']),
  friends: z.number().int(),
  friendCap: z.number().int(),
  /** Friend requests it may still accept today (its `acceptsPerDay` less those accepted). */
  acceptsLeftToday: z.number().int(),
  /** What the page may still send its way today: the lesser of the two, less pending page views. */
  room: z.number().int(),
  /** Its friend QR code (an uploaded image); null: none (a sandbox account shows a generated one). */
  qrUrl: z.string().nullable(),
});
export type ChannelAccount = z.infer<typeof channelAccount>;
export const channelAccountList = z.array(channelAccount);
export const friendQrBody = z.object({ mediaId: z.uuid() });
export const accountParams = z.object({ botAccountId: z.uuid() });

/** The lead form on a lead channel's page (a urlencoded form): a name and a mainland-China mobile. */
export const channelLeadForm = z.object({
  name: text().trim().min(1).max(100),
  /** Checked as a lead's phone (leadBody) when the lead is made. */
  phone: text().trim().min(1).max(40),
});
