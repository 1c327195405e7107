// First-start demo data, so a newcomer sees the product work: a published onboarding funnel
// (friend request → city → age → phone → condition → tag → coupon → goal) and its coupon pool.

import type { Db } from '../../runtime/db/client.ts';
import { couponCodes, couponPools, flows } from '../../shared/db/schema.ts';
// The golden onboarding fixture is the demo: one graph, tested by the flow model's golden test.
import demoOnboarding from '../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { publishVersion } from '../flows/publish.ts';

export async function seedDemo(tx: Db, workspaceId: string): Promise<void> {
  const [pool] = await tx.insert(couponPools).values({ workspaceId, name: 'welcome' }).returning();
  const codes = Array.from({ length: 50 }, (_, i) => `WELCOME-${String(i + 1).padStart(4, '0')}`);
  await tx.insert(couponCodes).values(codes.map((code) => ({ poolId: pool!.id, code })));
  const [flow] = await tx
    .insert(flows)
    .values({ workspaceId, name: '新人引导 Onboarding', graph: demoOnboarding })
    .returning();
  const published = await publishVersion(tx, flow!, demoOnboarding, null);
  if (!published.ok) throw new Error(`the demo flow does not compile: ${JSON.stringify(published.errors)}`);
}
