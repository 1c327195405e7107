// Bot accounts (API.md "Bot accounts"): list, create, start/stop, edit limits and name.
import { z } from 'zod';
import { BOT_STATUSES } from '../db/bots.ts';
import { botLimitsSchema } from './bot-limits.ts';
import { storableJson, text } from './common.ts';
import { undeliveredCounts } from './outbox.ts';

/** `sandbox`, a known puppet, or any Wechaty 1.x puppet package name. */
const puppetName = text()
  .trim()
  .max(214)
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
  /** Outbox rows of this account that need a person: resend or dismiss them in the contact's view. */
  undelivered: undeliveredCounts,
});

export const botCreateBody = z.object({
  name: text().trim().min(1).max(100),
  puppet: puppetName,
  puppetOptions: storableJson(z.record(text().max(100), z.unknown())).optional(),
  limits: botLimitsSchema.optional(),
});

export const botUpdateBody = z.object({
  name: text().trim().min(1).max(100).optional(),
  limits: botLimitsSchema.optional(),
});
