// Workspace settings (not in API.md's first wave): time zone, bot disclosure signature, and the
// fallback for messages no flow takes — keyword auto-replies, then handing the contact to a human —
// the thresholds of group members' activity grades, and for campaigns (API "Segments and campaigns")
// the per-contact message budget and the words that make a reply simple or show intent.
import { z } from 'zod';
import { schemaError } from '../schema-issues.ts';
import { text } from './common.ts';
import { activityGradesSchema } from './rooms.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const autoReplySchema = z.object({
  /** The message contains one of these (case-insensitive). */
  keywords: z.array(text().trim().min(1).max(50)).min(1).max(20),
  reply: text().trim().min(1).max(2000),
});

export const fallbackSchema = z.object({
  autoReplies: z.array(autoReplySchema).max(100).default([]),
  /** No auto-reply matched: pause the bot for this contact until an agent hands it back. */
  handoff: z.boolean().default(true),
  /** Sent once when the contact is handed to a human; empty: say nothing. */
  handoffReply: text().trim().max(2000).default(''),
});
export type Fallback = z.infer<typeof fallbackSchema>;
export const DEFAULT_FALLBACK: Fallback = { autoReplies: [], handoff: true, handoffReply: '' };

/** Bot-initiated messages one contact may get per sliding day / week, across all flows and campaigns. */
export const messageBudgetSchema = z
  .object({ perDay: z.number().int().min(1).max(100), perWeek: z.number().int().min(1).max(700) })
  .refine((b) => b.perWeek >= b.perDay, { ...schemaError('per_week_below_per_day'), path: ['perWeek'] });
export type MessageBudget = z.infer<typeof messageBudgetSchema>;

/** A workspace word list (simple replies, intent keywords): up to 200 words of 1–50 characters. */
export const wordListSchema = z.array(text().trim().min(1).max(50)).max(200);

export const workspaceBody = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  botSignature: z.string().nullable(),
  fallback: fallbackSchema,
  /** Group members' activity grades (API "Groups"): ≥ `active` messages in `days` days is active, ≤ `lurker` a lurker. */
  activityGrades: z.object({ days: z.number().int(), active: z.number().int(), lurker: z.number().int() }),
  messageBudget: z.object({ perDay: z.number().int(), perWeek: z.number().int() }),
  /** A campaign reply that is only one of these (trimmed, case-insensitive) is a simple reply. */
  simpleReplies: z.array(z.string()),
  /** A campaign reply containing one of these shows purchase intent. */
  intentKeywords: z.array(z.string()),
});
export type WorkspaceBody = z.infer<typeof workspaceBody>;

export const workspacePatchBody = z.object({
  name: text().trim().min(1).max(200).optional(),
  timeZone: text().max(100).refine(isTimeZone, schemaError('time_zone')).optional(),
  botSignature: text().trim().max(200).nullable().optional(),
  fallback: fallbackSchema.optional(),
  activityGrades: activityGradesSchema.optional(),
  messageBudget: messageBudgetSchema.optional(),
  simpleReplies: wordListSchema.optional(),
  intentKeywords: wordListSchema.optional(),
});
