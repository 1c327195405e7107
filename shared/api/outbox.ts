// Undelivered outbox messages (`unknown` after a crash, or `failed`): listed per contact, resent or
// dismissed by a person, counted per bot account.
import { z } from 'zod';

export const UNDELIVERED_STATUSES = ['unknown', 'failed'] as const;

export const undeliveredItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** The message text; null for an action that is not a message (a friend accept). */
  text: z.string().nullable(),
  status: z.enum(UNDELIVERED_STATUSES),
  error: z.string().nullable(),
  /** When the row was written (the turn that queued it). */
  at: z.iso.datetime(),
  nodeId: z.string().nullable(),
  flowId: z.string().nullable(),
});
export type UndeliveredItem = z.infer<typeof undeliveredItem>;
export const undeliveredList = z.array(undeliveredItem);

/** Outbox ids are int8; anything that is not one names no row, so the route answers 404. */
export const outboxIdParams = z.object({
  id: z
    .string()
    .transform((s) => (/^[1-9]\d{0,15}$/.test(s) && Number(s) <= Number.MAX_SAFE_INTEGER ? Number(s) : null)),
});

export const outboxActionResult = z.object({
  id: z.number().int(),
  status: z.enum(['queued', 'dismissed']),
});

/** Per bot account: its outbox rows waiting for a person. */
export const undeliveredCounts = z.object({ unknown: z.number().int(), failed: z.number().int() });
