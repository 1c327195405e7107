// Experiments of a flow version (API.md "Analytics"): every `split` and every `send` with variants,
// each arm's contacts and conversions to one goal, with the statistics of shared/analytics.
import { z } from 'zod';
import { dayParam, intParam, optionalParam, text } from './common.ts';

/** `from` … `to`: local days of the workspace's time zone (as the daily stats), on when contacts entered. */
export const experimentsQuery = z.object({
  version: optionalParam(intParam().optional()),
  goal: optionalParam(text().trim().min(1).max(60).optional()),
  from: optionalParam(dayParam().optional()),
  to: optionalParam(dayParam().optional()),
});
export type ExperimentsQuery = z.infer<typeof experimentsQuery>;

const interval = z.tuple([z.number(), z.number()]);

export const experimentArm = z.object({
  /** The split's branch name, or the send's variant index in `[text, ...variants]` ("0" is `text`). */
  key: z.string(),
  /** What a person recognises the arm by: the branch name, or the variant's text. */
  label: z.string(),
  contacts: z.number().int(),
  converted: z.number().int(),
  rate: z.number(),
  ci95: interval,
  /** Two-proportion test against the leading arm; null for the leader and when undefined. */
  pValue: z.number().nullable(),
  /** A split branch that sends nothing (no send, invite or coupon after it): the baseline. */
  holdout: z.boolean(),
  /** Against the holdout, when the split has one: rate difference with its 95% interval. */
  lift: z.object({ diff: z.number(), ci95: interval, relative: z.number().nullable() }).nullable(),
});

export const experiment = z.object({
  nodeId: z.string(),
  type: z.enum(['split', 'send']),
  /** The card's own name, if it has one. */
  label: z.string().nullable(),
  arms: z.array(experimentArm),
  /** The leader against the others (Bonferroni-adjusted); null with fewer than two arms with contacts. */
  pValue: z.number().nullable(),
  /** The winning arm's key: significant at p < 0.05 on the minimum sample. */
  winner: z.string().nullable(),
});

export const experimentsBody = z.object({
  version: z.number().int(),
  /** The goal conversions count toward; null when the version has no goal node and none was asked. */
  goal: z.string().nullable(),
  /** The version's goal names, in graph order (the first is the default). */
  goals: z.array(z.string()),
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  /** Contacts every compared arm needs before a winner is named. */
  minContacts: z.number().int(),
  experiments: z.array(experiment),
});
export type ExperimentsBody = z.infer<typeof experimentsBody>;
export type Experiment = z.infer<typeof experiment>;
export type ExperimentArm = z.infer<typeof experimentArm>;
