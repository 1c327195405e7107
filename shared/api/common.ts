// Pieces every API schema shares: the error body, ids, emails and roles.
import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const roleSchema = z.enum(ROLES);

/** Loose on purpose: self-hosted teams use addresses such as admin@localhost. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address')
  .transform((s) => s.toLowerCase());

export const idParams = z.object({ id: z.uuid() });

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;
