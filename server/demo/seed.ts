// First-start demo data, so a newcomer can run the seed's first story in the sandbox right away:
// a published onboarding funnel (friend request → city → age → phone → condition → tag → coupon →
// goal → an invite into the 新人群 room set), stage 2's campaign flows and a recall segment, its coupon pool, a room set of two sandbox groups that
// rotate when full (3 seats each, so a few test contacts show it), and a group welcome with an @.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import {
  botAccounts,
  couponCodes,
  couponPools,
  flows,
  roomSets,
  rooms,
  segments,
} from '../../shared/db/schema.ts';
// The golden onboarding fixture is the heart of the demo: one graph, tested by the flow model's golden test.
import onboarding from '../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { publishVersion } from '../flows/publish.ts';
import { monthlyBroadcast, threeDayRecall } from './campaign-flows.ts';

export const DEMO_ROOM_SET = '新人群';

/** The onboarding funnel, ending in an invite into the demo room set instead of a plain end. */
const onboardingWithInvite = {
  nodes: [
    ...onboarding.nodes.filter((n) => n.id !== 'done'),
    {
      id: 'invite',
      type: 'invite_room',
      position: { x: 0, y: 1080 },
      data: { roomSet: DEMO_ROOM_SET, text: '拉你进新人群，群里有更多福利～', timeout: 'P1D' },
    },
    { id: 'done', type: 'end', position: { x: 0, y: 1200 }, data: {} },
  ],
  edges: [
    ...onboarding.edges.filter((e) => e.target !== 'done'),
    { id: 'e12', source: 'lead', sourceHandle: 'next', target: 'invite' },
    { id: 'e13', source: 'invite', sourceHandle: 'joined', target: 'done' },
  ],
};

const groupWelcome = {
  nodes: [
    { id: 'join', type: 'trigger.room_join', position: { x: 0, y: 0 }, data: { roomSet: DEMO_ROOM_SET } },
    {
      id: 'welcome',
      type: 'send',
      position: { x: 0, y: 120 },
      data: { text: '欢迎 {{contact.name|新朋友}} 加入！有问题随时 @ 我～', to: 'room', mention: true },
    },
  ],
  edges: [{ id: 'e1', source: 'join', sourceHandle: 'next', target: 'welcome' }],
};

async function publishDemo(tx: Db, workspaceId: string, name: string, graph: unknown) {
  const [flow] = await tx.insert(flows).values({ workspaceId, name, graph }).returning();
  const published = await publishVersion(tx, flow!, graph, null);
  if (!published.ok)
    throw new Error(`the demo flow ${name} does not compile: ${JSON.stringify(published.errors)}`);
}

export async function seedDemo(tx: Db, workspaceId: string): Promise<void> {
  const [pool] = await tx.insert(couponPools).values({ workspaceId, name: 'welcome' }).returning();
  const codes = Array.from({ length: 50 }, (_, i) => `WELCOME-${String(i + 1).padStart(4, '0')}`);
  await tx.insert(couponCodes).values(codes.map((code) => ({ poolId: pool!.id, code })));
  const [sandbox] = await tx
    .select({ id: botAccounts.id })
    .from(botAccounts)
    .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')));
  if (sandbox) {
    const [set] = await tx
      .insert(roomSets)
      .values({ workspaceId, name: DEMO_ROOM_SET, capacity: 3 })
      .returning();
    // Groups of the simulated WeChat: the sandbox bot owns them, so it adds, welcomes and removes.
    for (const topic of ['新人群 1', '新人群 2'])
      await tx.insert(rooms).values({
        workspaceId,
        botAccountId: sandbox.id,
        puppetRoomId: `sandbox-room-${randomUUID()}`,
        topic,
        botIsAdmin: true,
        roomSetId: set!.id,
      });
  }
  await publishDemo(tx, workspaceId, '新人引导 Onboarding', onboardingWithInvite);
  await publishDemo(tx, workspaceId, '入群欢迎 Group welcome', groupWelcome);
  // Stage 2: what a campaign sends, and the audience of a 3-day recall.
  await publishDemo(tx, workspaceId, '月度群发 Monthly broadcast', monthlyBroadcast);
  await publishDemo(tx, workspaceId, '3天召回 3-day recall', threeDayRecall);
  await tx.insert(segments).values({
    workspaceId,
    name: '3天未聊的好友 Quiet friends',
    rules: {
      match: 'all',
      rules: [
        { field: 'contact.friendStatus', op: 'eq', value: 'friend' },
        { field: 'contact.lastInboundAt', op: 'not_within', value: 'P3D' },
      ],
    },
  });
}
