// Contacts and messages (API.md "Contacts and messages").
import { z } from 'zod';
import { attributeKeySchema } from '../flow/schemas.ts';
import { cursorParam, intParam, optionalParam, text } from './common.ts';
import { transcriptMedia } from './media.ts';

export const contactsQuery = z.object({
  q: text().max(100).optional(),
  tag: text().max(40).optional(),
  limit: optionalParam(intParam({ max: 200 }).default(50)),
  cursor: optionalParam(cursorParam.optional()),
});
export const contactSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  alias: z.string().nullable(),
  friendStatus: z.string(),
  tags: z.array(z.string()),
  lastInboundAt: z.iso.datetime().nullable(),
  /** Now on the clock of the contact's bot account: its times are stamped on it (a sandbox runs ahead). */
  clockNow: z.iso.datetime(),
});
export const contactPage = z.object({ items: z.array(contactSummary), nextCursor: z.string().nullable() });
export const contactDetail = contactSummary.extend({
  attributes: z.record(z.string(), z.unknown()),
  /** A human has the conversation: the bot stays quiet for this contact until handed back. */
  handoff: z.boolean(),
  firstAddedAt: z.iso.datetime().nullable(),
  /** The acquisition channel the contact came through, and when (API "Analytics"). */
  channel: z
    .object({ id: z.uuid(), name: z.string(), at: z.iso.datetime().nullable() })
    .nullable()
    .optional(),
  runs: z.array(
    z.object({
      flowId: z.uuid(),
      version: z.number().int(),
      status: z.string(),
      currentNodeId: z.string().nullable(),
      /** The card's name (`label`) where it has one. */
      currentNodeLabel: z.string().nullable(),
    }),
  ),
  /** The groups the contact is in now, newest join first. */
  groups: z.array(z.object({ roomId: z.uuid(), topic: z.string(), joinedAt: z.iso.datetime() })),
  /** Goals the contact reached, newest first (50 at most). */
  goals: z.array(z.object({ name: z.string(), flowId: z.uuid(), at: z.iso.datetime() })),
  /** Coupon codes issued to the contact, newest first (50 at most); `pool` is the pool's name. */
  coupons: z.array(z.object({ code: z.string(), pool: z.string(), at: z.iso.datetime().nullable() })),
});
export const contactPatchBody = z.object({
  /** false hands the contact back to the bot (flows and the fallback answer again). */
  handoff: z.boolean().optional(),
  tags: z.array(text().trim().min(1).max(40)).max(100).optional(),
  attributes: z
    .record(attributeKeySchema, z.union([text().max(2000), z.number(), z.boolean(), z.null()]))
    .optional(),
});
export const messagesQuery = z.object({
  limit: optionalParam(intParam({ max: 200 }).default(50)),
  /** A message id (int8): only messages older than it. */
  before: optionalParam(intParam({ max: Number.MAX_SAFE_INTEGER }).optional()),
});
export const messageSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  /** text, or the kind of media (image, voice…; `text` is then ''). */
  kind: z.string(),
  /** The image or card of the message (see the sandbox transcript's `media`). */
  media: transcriptMedia.nullable(),
  at: z.iso.datetime(),
  nodeId: z.string().nullable(),
  flowId: z.string().nullable(),
  contactId: z.uuid().optional(),
  contactName: z.string().optional(),
});
export const searchQuery = z.object({
  q: text().min(1).max(100),
  limit: optionalParam(intParam({ max: 200 }).default(50)),
});
