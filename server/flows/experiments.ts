// A flow version's experiments (API.md "Analytics"): per split branch and send variant, the contacts
// that entered it (experiment_members: the arm each contact got at its first visit, written by that
// turn) and how many of them reached the goal afterwards in the same version.
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import {
  type ExperimentNode,
  experimentNodes,
  goalNames,
  readDocument,
} from '../../shared/analytics/experiment-nodes.ts';
import { compareArms, lift, MIN_CONTACTS } from '../../shared/analytics/significance.ts';
import type { Experiment, ExperimentsBody, ExperimentsQuery } from '../../shared/api/experiments.ts';
import { workspaces } from '../../shared/db/schema.ts';
import { HttpError } from '../errors.ts';
import { findVersion } from './flows.ts';

type Counts = Map<string, { contacts: number; converted: number }>;

/**
 * Contacts per (node, arm) and those with a goal of that name in the version at or after they entered
 * ("any goal after entering" is "the last goal after entering"): the version's experiment members,
 * an index-only scan of (version, node, entered_at, arm, contact), hashed against each contact's last
 * goal and counted by a hash aggregate.
 */
async function countArms(
  db: Db,
  versionId: string,
  nodeIds: string[],
  goal: string | null,
  entered: SQL,
): Promise<Counts> {
  const rows = rowsOf<{ node_id: string; arm: string; contacts: number; converted: number }>(
    await db.execute(sql`
      with reached as (
        select contact_id, max(created_at) as at from goals
        where flow_version_id = ${versionId} and name = ${goal}
        group by contact_id
      )
      select m.node_id, m.arm, count(*)::int as contacts, count(g.at)::int as converted
      from experiment_members m
      left join reached g on g.contact_id = m.contact_id and g.at >= m.entered_at
      where m.flow_version_id = ${versionId}
        and m.node_id in (${sql.join(
          nodeIds.map((id) => sql`${id}`),
          sql`, `,
        )}) ${entered}
      group by 1, 2`),
  );
  return new Map(rows.map((r) => [`${r.node_id}\u0000${r.arm}`, r]));
}

/** Members who entered within [from, to], local days of the workspace's time zone; a reversed range is a 400. */
async function enteredWithin(db: Db, workspaceId: string, query: ExperimentsQuery): Promise<SQL> {
  if (!query.from && !query.to) return sql``;
  if (query.from && query.to && query.from > query.to)
    throw new HttpError('invalid_range', 'from must not be after to', { reason: 'reversed' });
  const [ws] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const tz = ws?.timeZone ?? 'UTC';
  return sql.join(
    [
      query.from ? sql`and m.entered_at >= (${query.from}::date)::timestamp at time zone ${tz}` : sql``,
      query.to ? sql`and m.entered_at < (${query.to}::date + 1)::timestamp at time zone ${tz}` : sql``,
    ],
    sql` `,
  );
}

/** The statistics of one experiment; a split's other branches get their lift over its holdout. */
function analyse(node: ExperimentNode, counts: Counts): Experiment {
  const arms = node.arms.map(
    (arm) => counts.get(`${node.nodeId}\u0000${arm.key}`) ?? { contacts: 0, converted: 0 },
  );
  const result = compareArms(arms.map(({ contacts, converted }) => ({ contacts, converted })));
  const holdout = node.arms.findIndex((arm) => arm.holdout);
  return {
    nodeId: node.nodeId,
    type: node.type,
    label: node.label,
    pValue: result.pValue,
    winner: result.winner === null ? null : node.arms[result.winner]!.key,
    arms: node.arms.map((arm, i) => ({
      key: arm.key,
      label: arm.label,
      ...result.arms[i]!,
      holdout: arm.holdout,
      lift:
        holdout < 0 || arm.holdout || !arms[i]!.contacts || !arms[holdout]!.contacts
          ? null
          : lift(arms[i]!, arms[holdout]!),
    })),
  };
}

export async function flowExperiments(
  db: Db,
  workspaceId: string,
  flowId: string,
  query: ExperimentsQuery,
): Promise<ExperimentsBody> {
  const version = await findVersion(db, workspaceId, flowId, query.version);
  const entered = await enteredWithin(db, workspaceId, query);
  const doc = readDocument(version.graph);
  const nodes = experimentNodes(doc);
  const goals = goalNames(doc);
  const goal = query.goal ?? goals[0] ?? null;
  const counts: Counts = nodes.length
    ? await countArms(
        db,
        version.id,
        nodes.map((n) => n.nodeId),
        goal,
        entered,
      )
    : new Map();
  return {
    version: version.version,
    goal,
    goals,
    from: query.from ?? null,
    to: query.to ?? null,
    minContacts: MIN_CONTACTS,
    experiments: nodes.map((node) => analyse(node, counts)),
  };
}
