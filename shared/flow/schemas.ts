// Zod pieces several node types share, with messages a marketer can act on.

import { z } from 'zod';
import { schemaError } from '../schema-issues.ts';
import { durationProblem, MAX_DURATION, MAX_DURATION_MS } from '../time/duration.ts';
import { isValidRegex } from './regex.ts';
import { ATTRIBUTE_KEY } from './variables.ts';

const DURATION_ERRORS = {
  format: schemaError('duration_format'),
  too_long: schemaError('duration_too_long', { max: MAX_DURATION, days: MAX_DURATION_MS / 86_400_000 }),
} as const;

export const durationSchema = z.string().superRefine((text, ctx) => {
  const problem = durationProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', ...DURATION_ERRORS[problem] });
});

/** A number a node compares or weighs with: finite and within ±`limit`, so sums and dates stay exact. */
export const boundedNumber = (limit: number) => z.number().finite().min(-limit).max(limit);

export const attributeKeySchema = z
  .string()
  .refine((key) => ATTRIBUTE_KEY.test(key), schemaError('attribute_key', { max: 40 }));

export const tagSchema = z.string().trim().min(1).max(40);

export const regexSchema = z.string().refine(isValidRegex, schemaError('invalid_regex'));

export const clockTimeSchema = z
  .string()
  .refine((time) => /^([01]\d|2[0-3]):[0-5]\d$/.test(time), schemaError('clock_time'));

export const timeWindowSchema = z.object({ from: clockTimeSchema, to: clockTimeSchema });
