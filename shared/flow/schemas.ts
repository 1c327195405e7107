// Zod pieces several node types share, with messages a marketer can act on.

import { z } from 'zod';
import { isValidRegex } from './answer.ts';
import { isDuration } from './duration.ts';
import { ATTRIBUTE_KEY } from './variables.ts';

export const durationSchema = z
  .string()
  .refine(isDuration, { message: 'Use an ISO-8601 duration such as PT30S, PT10M, PT2H, P3D or P1W' });

export const attributeKeySchema = z
  .string()
  .regex(ATTRIBUTE_KEY, { message: 'Lowercase letters, digits and _, starting with a letter, at most 40' });

export const tagSchema = z.string().trim().min(1).max(40);

export const regexSchema = z.string().refine(isValidRegex, { message: 'Not a valid regular expression' });

export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time such as 09:30' });

export const timeWindowSchema = z.object({ from: clockTimeSchema, to: clockTimeSchema });
