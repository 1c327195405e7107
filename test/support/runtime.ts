// Seeds what runtime suites need straight into the database: a workspace with a sandbox bot
// account, published flow versions compiled from fixture graphs, and coupon pools.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import {
  botAccounts,
  couponCodes,
  couponPools,
  flows,
  flowVersions,
  workspaces,
} from '../../shared/db/schema.ts';
import { compile } from '../../shared/flow/index.ts';

export const fixtureGraph = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../shared/nodes/__fixtures__/${name}.flow.json`, import.meta.url), 'utf8'),
  );

export async function seedWorkspace(db: Db, name = 'Runtime test') {
  const [workspace] = await db.insert(workspaces).values({ name, timeZone: 'Asia/Shanghai' }).returning();
  const [account] = await db
    .insert(botAccounts)
    .values({ workspaceId: workspace!.id, name: 'Sandbox', puppet: 'sandbox', limits: {} as never })
    .returning();
  return {
    workspaceId: workspace!.id,
    account: { id: account!.id, workspaceId: workspace!.id, timeZone: 'Asia/Shanghai' },
  };
}

/** Publishes `graph` as the next version of the flow named `name` (created when new). */
export async function publishGraph(db: Db, workspaceId: string, name: string, graph: unknown) {
  const compiled = compile(graph);
  if (!compiled.ok) throw new Error(`fixture does not compile: ${JSON.stringify(compiled.errors)}`);
  let [flow] = await db.select().from(flows).where(eq(flows.name, name));
  flow ??= (await db.insert(flows).values({ workspaceId, name, graph }).returning())[0];
  const version = (flow!.publishedVersion ?? 0) + 1;
  const [row] = await db
    .insert(flowVersions)
    .values({
      workspaceId,
      flowId: flow!.id,
      version,
      graph,
      compiled: compiled.machine,
      entries: compiled.entries,
      hash: compiled.hash,
    })
    .returning();
  await db
    .update(flows)
    .set({ status: 'published', publishedVersion: version })
    .where(eq(flows.id, flow!.id));
  return { flowId: flow!.id, flowVersionId: row!.id, version };
}

export async function seedCoupons(db: Db, workspaceId: string, name: string, codes: string[]) {
  const [pool] = await db.insert(couponPools).values({ workspaceId, name }).returning();
  if (codes.length) await db.insert(couponCodes).values(codes.map((code) => ({ poolId: pool!.id, code })));
}
