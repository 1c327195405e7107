// The segment language (API.md "Segments and campaigns"): the `condition` node's rules, matched all
// or any, and what a campaign adds around them — exclusions, schedule, send-time window.
import { z } from 'zod';
import { clockTimeSchema, durationSchema } from '../flow/schemas.ts';
import { conditionRuleSchema } from '../nodes/condition.ts';
import { refineSegmentRules } from './refine.ts';

export const segmentRulesSchema = z
  .object({
    match: z.enum(['all', 'any']).default('all'),
    /** Empty: every contact of the workspace. */
    rules: z.array(conditionRuleSchema).max(50).default([]),
  })
  .superRefine(refineSegmentRules);
export type SegmentRules = z.infer<typeof segmentRulesSchema>;

/** Who a campaign leaves out even when the rules take them. Each on by default. */
export const EXCLUSIONS = [
  'recentlyTalked',
  'leftGroup',
  'deletedUs',
  'inConversation',
  'overBudget',
] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export const exclusionsSchema = z.object({
  /** Talked with us (either way) within `recentlyTalkedWithin` (default P3D). */
  recentlyTalked: z.boolean().default(true),
  recentlyTalkedWithin: durationSchema.default('P3D'),
  /** Left a group of a room set the rules name (any room set when the rules name none) and is not back. */
  leftGroup: z.boolean().default(true),
  deletedUs: z.boolean().default(true),
  /** Has an open or snoozed conversation with a human in the inbox. */
  inConversation: z.boolean().default(true),
  /** Already got the workspace's per-contact budget of bot-initiated messages this day or week. */
  overBudget: z.boolean().default(true),
});
export type CampaignExclusions = z.infer<typeof exclusionsSchema>;
export const DEFAULT_EXCLUSIONS: CampaignExclusions = exclusionsSchema.parse({});

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const campaignWindowSchema = z.object({
  from: clockTimeSchema,
  to: clockTimeSchema,
  /** Empty: any day. */
  days: z.array(z.enum(WEEKDAYS)).max(7).default([]),
});
export type CampaignWindow = z.infer<typeof campaignWindowSchema>;

export const campaignScheduleSchema = z.object({
  /** Launch at (ISO); absent: launch now. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** Launch again every month on the same day and time, each occurrence a campaign of its own. */
  repeat: z.enum(['monthly']).optional(),
});
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;
