// Seeds what runtime suites need straight into the database: a workspace with a sandbox bot
// account, published flow versions compiled from fixture graphs, and coupon pools.
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { publishVersion } from '../../server/flows/publish.ts';
import { SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';
import {
  botAccounts,
  couponCodes,
  couponPools,
  flows,
  flowVersions,
  workspaces,
} from '../../shared/db/schema.ts';

export const fixtureGraph = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../shared/nodes/__fixtures__/${name}.flow.json`, import.meta.url), 'utf8'),
  );

/** A friend request's run that waits on an ask with a 1-hour timeout: the sweeper's plainest wake. */
export const askTimeoutGraph = {
  nodes: [
    { id: 'start', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'q',
      type: 'ask',
      position: { x: 0, y: 1 },
      data: { question: '问题', saveAs: 'a', timeout: 'PT1H' },
    },
  ],
  edges: [{ id: 's', source: 'start', sourceHandle: 'next', target: 'q' }],
};

export async function seedWorkspace(db: Db, name = 'Runtime test') {
  const [workspace] = await db.insert(workspaces).values({ name, timeZone: 'Asia/Shanghai' }).returning();
  const [account] = await db
    .insert(botAccounts)
    .values({ workspaceId: workspace!.id, name: 'Sandbox', puppet: 'sandbox', limits: SANDBOX_LIMITS })
    .returning();
  return {
    workspaceId: workspace!.id,
    account: { id: account!.id, workspaceId: workspace!.id, timeZone: 'Asia/Shanghai' },
  };
}

/** Publishes `graph` as the next version of the flow named `name` (created when new). */
export async function publishGraph(db: Db, workspaceId: string, name: string, graph: unknown) {
  let [flow] = await db.select().from(flows).where(eq(flows.name, name));
  flow ??= (await db.insert(flows).values({ workspaceId, name, graph }).returning())[0];
  const published = await publishVersion(db, flow!, graph, null);
  if (!published.ok) throw new Error(`fixture does not compile: ${JSON.stringify(published.errors)}`);
  const [row] = await db
    .select({ id: flowVersions.id })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flow!.id), eq(flowVersions.version, published.version)));
  return { flowId: flow!.id, flowVersionId: row!.id, version: published.version };
}

export async function seedCoupons(db: Db, workspaceId: string, name: string, codes: string[]) {
  const [pool] = await db.insert(couponPools).values({ workspaceId, name }).returning();
  if (codes.length) await db.insert(couponCodes).values(codes.map((code) => ({ poolId: pool!.id, code })));
}
