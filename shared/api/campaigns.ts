// Segments and campaigns (API.md "Segments and campaigns"): what the editor, the server and outside
// scripts agree on.
import { z } from 'zod';
import { durationSchema } from '../flow/schemas.ts';
import { schemaError } from '../schema-issues.ts';
import {
  campaignScheduleSchema,
  campaignWindowSchema,
  exclusionsSchema,
  segmentRulesSchema,
} from '../segments/rules.ts';
import { cursorParam, optionalParam, text } from './common.ts';

export { segmentRulesSchema } from '../segments/rules.ts';

export const segmentPreviewBody = z.object({
  rules: segmentRulesSchema,
  exclusions: exclusionsSchema.optional(),
});
export const sampleContact = z.object({
  id: z.uuid(),
  name: z.string(),
  alias: z.string().nullable(),
  friendStatus: z.string(),
  tags: z.array(z.string()),
  lastInboundAt: z.iso.datetime().nullable(),
});
export const segmentPreview = z.object({
  /** Contacts the rules take, exclusions applied. */
  count: z.number().int(),
  /** How many each exclusion took out of the rules' match (a contact may be in several). */
  excluded: z.object({
    recentlyTalked: z.number().int(),
    leftGroup: z.number().int(),
    deletedUs: z.number().int(),
    inConversation: z.number().int(),
    overBudget: z.number().int(),
  }),
  sample: z.array(sampleContact).max(10),
});
export type SegmentPreview = z.infer<typeof segmentPreview>;

export const segmentBody = z.object({ name: text().trim().min(1).max(100), rules: segmentRulesSchema });
/** GET /api/segments/names: the goal names and attribute keys a rule can name, for the builder to offer. */
export const segmentNames = z.object({ goals: z.array(z.string()), attributes: z.array(z.string()) });
export type SegmentNames = z.infer<typeof segmentNames>;

export const segmentItem = z.object({
  id: z.uuid(),
  name: z.string(),
  rules: segmentRulesSchema,
  createdAt: z.iso.datetime(),
});

export const campaignBody = z
  .object({
    name: text().trim().min(1).max(100),
    flowId: z.uuid(),
    segmentId: z.uuid().optional(),
    rules: segmentRulesSchema.optional(),
    exclusions: exclusionsSchema.optional(),
    schedule: campaignScheduleSchema.default({}),
    sendTime: z.enum(['fixed', 'best_hour']).default('fixed'),
    window: campaignWindowSchema.optional(),
    replyTo: z.enum(['flow', 'inbox']).default('flow'),
    replyWindow: durationSchema.default('P3D'),
  })
  .refine((b) => (b.segmentId === undefined) !== (b.rules === undefined), {
    message: 'name a segment or give rules, not both',
    path: ['segmentId'],
  });
export type CampaignBody = z.infer<typeof campaignBody>;

/** A flow a campaign can send (GET /api/campaigns/flows): its sends, and how many carry variants. */
export const campaignFlowChoice = z.object({
  id: z.uuid(),
  name: z.string(),
  sends: z.number().int(),
  variants: z.number().int(),
});
export type CampaignFlowChoice = z.infer<typeof campaignFlowChoice>;

export const RISKS = ['ok', 'high', 'over_limit'] as const;
export const campaignEstimate = z.object({
  audience: z.number().int(),
  perAccount: z.array(
    z.object({
      botAccountId: z.uuid(),
      name: z.string(),
      /** Messages this campaign makes the account send (audience × messages per member). */
      messages: z.number().int(),
      /** What the account may send a day under its budgets, after what it already has queued. */
      perDay: z.number().int(),
      days: z.number(),
      risk: z.enum(RISKS),
      /** Why the risk is not ok: a code the reader's catalogue words. */
      reason: z.string().nullable(),
      finishesAt: z.iso.datetime().nullable(),
    }),
  ),
  finishesAt: z.iso.datetime().nullable(),
});
export type CampaignEstimate = z.infer<typeof campaignEstimate>;

export const campaignCounts = z.object({
  audience: z.number().int(),
  scheduled: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  replied: z.number().int(),
  deletedUs: z.number().int(),
  simpleReply: z.number().int(),
  intent: z.number().int(),
  otherReply: z.number().int(),
  noReply: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.number().int(),
});
export type CampaignCounts = z.infer<typeof campaignCounts>;

export const campaignDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  flowId: z.uuid(),
  flowName: z.string(),
  segmentId: z.uuid().nullable(),
  rules: segmentRulesSchema,
  exclusions: exclusionsSchema,
  schedule: campaignScheduleSchema,
  sendTime: z.enum(['fixed', 'best_hour']),
  window: campaignWindowSchema.nullable(),
  replyTo: z.enum(['flow', 'inbox']),
  replyWindow: z.string(),
  status: z.enum(['draft', 'scheduled', 'running', 'paused', 'finished', 'cancelled']),
  parentId: z.uuid().nullable(),
  launchedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  counts: campaignCounts,
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const BUCKET_PARAMS = [
  'intent',
  'simpleReply',
  'otherReply',
  'noReply',
  'deletedUs',
  'failed',
] as const;
export const campaignContactsQuery = z.object({
  bucket: z.enum(BUCKET_PARAMS),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** A `nextCursor` of this list, checked here (a 400 naming it) and decoded by the list. */
  cursor: optionalParam(
    z
      .string()
      .max(200)
      .refine((s) => cursorParam.safeParse(s).success, schemaError('cursor'))
      .optional(),
  ),
});
export const campaignContact = sampleContact.extend({
  reply: z.string().nullable(),
  repliedAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
  /** The contact's inbox conversation, when it has one ("open in inbox"). */
  conversationId: z.uuid().nullable(),
});
