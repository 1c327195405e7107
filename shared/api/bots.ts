// Bot accounts (API.md "Bot accounts"): list, create, start/stop, edit limits and name.
import { z } from 'zod';
import { BOT_STATUSES } from '../db/bots.ts';
import { botLimitsSchema } from './bot-limits.ts';

/** `sandbox`, a known puppet, or any Wechaty 1.x puppet package name. */
const puppetName = z
  .string()
  .trim()
  .regex(
    /^(sandbox|(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*)$/,
    'must be "sandbox" or an npm package name',
  );

export const botSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  puppet: z.string(),
  status: z.enum(BOT_STATUSES),
  desired: z.enum(['running', 'stopped']),
  qrcode: z.string().nullable().optional(),
  self: z.object({ name: z.string() }).nullable().optional(),
  error: z.string().nullable().optional(),
  limits: botLimitsSchema,
});

export const botCreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  puppet: puppetName,
  puppetOptions: z.record(z.string(), z.unknown()).optional(),
  limits: botLimitsSchema.optional(),
});

export const botUpdateBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  limits: botLimitsSchema.optional(),
});
