// Flows, versions and stats (API.md "Flows").
import { z } from 'zod';
import { flowDocumentSchema } from '../flow/index.ts';
import { dayParam, intParam, optionalParam, storableJson, text } from './common.ts';

export const flowStatus = z.enum(['draft', 'published', 'paused']);

export const flowSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: flowStatus,
  publishedVersion: z.number().int().nullable(),
  archived: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export const flowDetail = flowSummary.extend({ graph: z.unknown() });
/** A row of the flows list: the published version's funnel at a glance. */
export const flowListItem = flowSummary.extend({ entered: z.number().int(), goals: z.number().int() });

/** A flow document whose every string the database can store (node data is free JSON). */
const storableGraph = storableJson(flowDocumentSchema);

export const flowCreateBody = z.object({
  name: text().trim().min(1).max(200),
  graph: storableGraph.optional(),
});
export const flowUpdateBody = z.object({
  name: text().trim().min(1).max(200).optional(),
  graph: storableGraph.optional(),
});

export const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The values `message` is built from (`Issue.params`), for a client to phrase it. */
  params: z.record(z.string(), z.unknown()).optional(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.unknown().optional(),
});
export const validationBody = z.object({ errors: z.array(issueSchema), warnings: z.array(issueSchema) });
export const publishedBody = z.object({ version: z.number().int(), warnings: z.array(issueSchema) });

export const versionParams = z.object({ id: z.uuid(), version: intParam() });
export const versionSummary = z.object({
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.uuid().nullable(),
  hash: z.string(),
});
export const versionDetail = z.object({ version: z.number().int(), graph: z.unknown() });

export const statsQuery = z.object({ version: optionalParam(intParam().optional()) });
export const statsBody = z.object({
  version: z.number().int(),
  runs: z.object({
    active: z.number(),
    waiting: z.number(),
    completed: z.number(),
    exited: z.number(),
    failed: z.number(),
  }),
  nodes: z.record(
    z.string(),
    z.object({ entered: z.number(), here: z.number(), ports: z.record(z.string(), z.number()) }),
  ),
  goals: z.record(z.string(), z.number()),
});
export type StatsBody = z.infer<typeof statsBody>;

/** Daily rollups (API.md "Analytics"): local days of the workspace's time zone, `from` ≤ `to`. */
export const dailyStatsQuery = z.object({
  version: optionalParam(intParam().optional()),
  from: optionalParam(dayParam().optional()),
  to: optionalParam(dayParam().optional()),
});
const dayCounts = z.array(z.number().int());
export const dailyStatsBody = z.object({
  version: z.number().int(),
  timeZone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Every day from `from` to `to`, inclusive: the arrays below are aligned with it, zeros filled. */
  days: z.array(z.iso.date()),
  /** Every node of the version; `exits` has the ports runs left through within the range. */
  nodes: z.record(z.string(), z.object({ entered: dayCounts, exits: z.record(z.string(), dayCounts) })),
  totals: z.record(
    z.string(),
    z.object({ entered: z.number().int(), exits: z.record(z.string(), z.number().int()) }),
  ),
});
export type DailyStatsBody = z.infer<typeof dailyStatsBody>;
