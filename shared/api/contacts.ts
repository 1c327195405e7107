// Contacts and messages (API.md "Contacts and messages").
import { z } from 'zod';

export const contactsQuery = z.object({
  q: z.string().max(100).optional(),
  tag: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const contactSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  alias: z.string().nullable(),
  friendStatus: z.string(),
  tags: z.array(z.string()),
  lastInboundAt: z.iso.datetime().nullable(),
});
export const contactPage = z.object({ items: z.array(contactSummary), nextCursor: z.string().nullable() });
export const contactDetail = contactSummary.extend({
  attributes: z.record(z.string(), z.unknown()),
  /** A human has the conversation: the bot stays quiet for this contact until handed back. */
  handoff: z.boolean(),
  firstAddedAt: z.iso.datetime().nullable(),
  runs: z.array(
    z.object({
      flowId: z.uuid(),
      version: z.number().int(),
      status: z.string(),
      currentNodeId: z.string().nullable(),
    }),
  ),
});
export const contactPatchBody = z.object({
  /** false hands the contact back to the bot (flows and the fallback answer again). */
  handoff: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(100).optional(),
  attributes: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'attribute keys match ^[a-z][a-z0-9_]{0,39}$'),
      z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
    )
    .optional(),
});
export const messagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().optional(),
});
export const messageSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  at: z.iso.datetime(),
  nodeId: z.string().nullable(),
  flowId: z.string().nullable(),
  contactId: z.uuid().optional(),
  contactName: z.string().optional(),
});
export const searchQuery = z.object({
  q: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
