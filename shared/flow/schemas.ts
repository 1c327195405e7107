// Zod pieces several node types share, with messages a marketer can act on.

import { z } from 'zod';
import { durationProblem, MAX_DURATION, MAX_DURATION_MS } from './duration.ts';
import { isValidRegex } from './regex.ts';
import { ATTRIBUTE_KEY } from './variables.ts';

const DURATION_MESSAGES = {
  format: 'Use an ISO-8601 duration such as PT30S, PT10M, PT2H, P3D or P1W',
  too_long: `At most ${MAX_DURATION} (${MAX_DURATION_MS / 86_400_000} days)`,
} as const;

export const durationSchema = z.string().superRefine((text, ctx) => {
  const problem = durationProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: DURATION_MESSAGES[problem], params: { problem } });
});

/** A number a node compares or weighs with: finite and within ±`limit`, so sums and dates stay exact. */
export const boundedNumber = (limit: number) => z.number().finite().min(-limit).max(limit);

export const attributeKeySchema = z
  .string()
  .regex(ATTRIBUTE_KEY, { message: 'Lowercase letters, digits and _, starting with a letter, at most 40' });

export const tagSchema = z.string().trim().min(1).max(40);

export const regexSchema = z.string().refine(isValidRegex, { message: 'Not a valid regular expression' });

export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time such as 09:30' });

export const timeWindowSchema = z.object({ from: clockTimeSchema, to: clockTimeSchema });
