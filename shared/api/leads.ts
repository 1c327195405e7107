// Website leads (API.md "Leads"): a website backend posts a phone or weixin handle (with an API key
// of role marketer+); the bot adds the person as a friend, and `trigger.lead` flows start with the
// lead's attributes once they accept. A marketer may also paste many at once.
import { z } from 'zod';
import { LEAD_STATUSES } from '../db/leads.ts';
import { normalizeChinaMobile } from '../flow/answer.ts';
import { attributeKeySchema } from '../flow/schemas.ts';
import { schemaError } from '../schema-issues.ts';
import { cursorParam, optionalParam, text } from './common.ts';

export const leadBody = z
  .object({
    /** A mainland-China mobile (spaces, dashes, +86 allowed); stored as its 11 digits. */
    phone: text().trim().max(40).optional(),
    weixin: text().trim().min(1).max(100).optional(),
    name: text().trim().max(100).optional(),
    attributes: z
      .record(attributeKeySchema, z.union([text().max(2000), z.number().finite(), z.boolean()]))
      .refine((a) => Object.keys(a).length <= 50, schemaError('too_many_attributes', { max: 50 }))
      .optional(),
    /** The friend request's hello; default: the workspace's name. */
    hello: text().trim().max(200).optional(),
    /** The account that adds the lead; default: a running real account, else the sandbox. */
    botAccountId: z.uuid().optional(),
  })
  .superRefine((lead, ctx) => {
    if (!lead.phone && !lead.weixin)
      ctx.addIssue({ code: 'custom', path: ['phone'], ...schemaError('lead_target') });
    if (lead.phone && !normalizeChinaMobile(lead.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], ...schemaError('china_mobile') });
  })
  .transform((lead) => ({ ...lead, phone: lead.phone ? normalizeChinaMobile(lead.phone) : undefined }));
export type LeadInput = z.output<typeof leadBody>;

export const leadCreated = z.object({
  id: z.uuid(),
  status: z.enum(LEAD_STATUSES),
  /** The same phone (or handle) was posted before: this is that lead. */
  duplicate: z.boolean(),
});

/** Pasted leads (a CSV of phones): each row answered on its own, the good ones created. */
export const leadBulkBody = z.object({ leads: z.array(z.unknown()).min(1).max(1000) });
export const leadBulkResult = z.object({
  results: z.array(
    z.object({
      row: z.number().int(),
      id: z.uuid().optional(),
      status: z.enum(LEAD_STATUSES).optional(),
      duplicate: z.boolean().optional(),
      /** Each refused field: `path`, English `message`, and the zod issue's `code` with its parameters. */
      errors: z
        .array(z.object({ path: z.string(), message: z.string(), code: z.string() }).loose())
        .optional(),
    }),
  ),
});

export const leadSchema = z.object({
  id: z.uuid(),
  phone: z.string().nullable(),
  weixin: z.string().nullable(),
  name: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  status: z.enum(LEAD_STATUSES),
  botAccountId: z.uuid(),
  contactId: z.uuid().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});
export const leadsQuery = z.object({
  status: optionalParam(z.enum(LEAD_STATUSES).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: optionalParam(cursorParam.optional()),
});
export const leadPage = z.object({ items: z.array(leadSchema), nextCursor: z.string().nullable() });

export const sandboxLeadAccepted = z.object({
  leadId: z.uuid(),
  contactId: z.uuid(),
  replies: z.array(
    z.object({ text: z.string(), nodeId: z.string().nullable(), flowId: z.string().nullable() }),
  ),
});
