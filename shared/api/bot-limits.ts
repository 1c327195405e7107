// Pacing limits of a bot account (API.md "Bot accounts"). Personal WeChat bans accounts for bursts,
// so real puppets get conservative defaults; the sandbox has none.
import { z } from 'zod';
import { schemaError } from '../schema-issues.ts';
import { int } from './common.ts';

export const botLimitsSchema = z
  .object({
    messagesPerMinute: int({ min: 1, max: 600 }),
    messagesPerDay: int({ min: 1, max: 100_000 }),
    acceptsPerHour: int({ min: 1, max: 600 }),
    acceptsPerDay: int({ min: 1, max: 10_000 }),
    /**
     * Friend requests the bot sends (website leads): WeChat refuses frequent adds ("操作太频繁") and
     * bans for them, so a personal account does a handful an hour. null: no limit. Accounts stored
     * before these existed use the safe defaults.
     */
    addsPerHour: int({ min: 1, max: 600 }).nullable().optional(),
    addsPerDay: int({ min: 1, max: 10_000 }).nullable().optional(),
    /** Group invites and removals: WeChat refuses frequent ones too ("操作太频繁"). null: no limit. */
    invitesPerHour: int({ min: 1, max: 600 }).nullable().optional(),
    invitesPerDay: int({ min: 1, max: 10_000 }).nullable().optional(),
    removesPerHour: int({ min: 1, max: 600 }).nullable().optional(),
    removesPerDay: int({ min: 1, max: 10_000 }).nullable().optional(),
    /** Within int4, so a pause always fits a timer (setTimeout takes at most 2^31 - 1 ms). */
    jitterMs: z.tuple([int(), int()]),
  })
  .refine((l) => l.jitterMs[0] <= l.jitterMs[1], { ...schemaError('jitter_range'), path: ['jitterMs'] });
export type BotLimits = z.infer<typeof botLimitsSchema>;

/** Roughly what a careful human does: a few messages a minute, a handful of accepts an hour. */
export const SAFE_LIMITS: BotLimits = {
  messagesPerMinute: 6,
  messagesPerDay: 1000,
  acceptsPerHour: 5,
  acceptsPerDay: 40,
  addsPerHour: 3,
  addsPerDay: 15,
  invitesPerHour: 10,
  invitesPerDay: 60,
  removesPerHour: 10,
  removesPerDay: 40,
  jitterMs: [2000, 8000],
};

/** The sandbox simulates WeChat: nothing to protect, so no pacing unless its limits are edited. */
export const SANDBOX_LIMITS: BotLimits = {
  messagesPerMinute: 600,
  messagesPerDay: 100_000,
  acceptsPerHour: 600,
  acceptsPerDay: 10_000,
  addsPerHour: 600,
  addsPerDay: 10_000,
  invitesPerHour: 600,
  invitesPerDay: 10_000,
  removesPerHour: 600,
  removesPerDay: 10_000,
  jitterMs: [0, 0],
};
