// Random contacts for the segment tests: attributes (numbers, numeric text, Chinese), tags, friend
// statuses, times around the wall clock on two accounts (one a sandbox running ahead), goals, group
// memberships and leaves with daily counts, runs of two flows and campaign buckets — from a seeded PRNG.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../runtime/db/client.ts';
import { SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';
import {
  botAccounts,
  campaignMembers,
  campaigns,
  contacts,
  goals,
  roomMemberDays,
  roomMembers,
  roomSets,
  rooms,
  runs,
} from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { publishGraph } from './runtime.ts';
import { waitingFlow } from './tenants.ts';

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

export const TEXTS = [
  '',
  'abc',
  'ABC',
  'Abd',
  '北京',
  '上海 ',
  ' 北京市',
  '12',
  ' 7 ',
  '12.50',
  '-3',
  'a.5',
  '张三',
  'x y',
  'Zoë',
  '１２',
];
export const NUMBERS = [0, 5, 12, 12.5, -3, 7, 100, 0.25];
export const TAGS = ['VIP', 'vip ', '新客', 'a', 'B', '老客户'];
export const GOALS = ['buy', '留资', 'signup'];
export const BUCKETS = ['deleted_us', 'simple_reply', 'intent', 'other_reply', 'no_reply'] as const;
export const FRIEND = ['stranger', 'requested', 'friend', 'deleted_us'] as const;
export const ATTRIBUTE_KEYS = ['age', 'city', 'score', 'vip', 'note'];
export const DAY = 86_400_000;

export interface SegmentWorld {
  workspaceId: string;
  accounts: { id: string; offset: number }[];
  flowIds: string[];
  campaignIds: string[];
  contactIds: string[];
  previewContactId: string;
}

const randomValue = (rng: Rng): string | number | boolean =>
  rng.chance(0.45) ? rng.pick(TEXTS) : rng.chance(0.8) ? rng.pick(NUMBERS) : rng.chance(0.5);

/** A time within ±10 days of `now`, or null. */
const randomTime = (rng: Rng, now: number): Date | null =>
  rng.chance(0.25) ? null : new Date(now - rng.int(10 * DAY) + rng.int(DAY) - (rng.chance(0.1) ? 0 : DAY));

export async function seedSegmentWorld(
  db: Db,
  workspaceId: string,
  rng: Rng,
  options: { wallNow: Date; timeZone: string; contacts: number },
): Promise<SegmentWorld> {
  const wall = options.wallNow.getTime();
  const offsets = [0, 3 * DAY + 1234];
  const accounts = await db
    .insert(botAccounts)
    .values(
      offsets.map((clockOffsetMs, i) => ({
        workspaceId,
        name: `Acc ${i}`,
        puppet: 'sandbox',
        limits: SANDBOX_LIMITS,
        clockOffsetMs,
      })),
    )
    .returning();
  const sets = await db
    .insert(roomSets)
    .values([
      { workspaceId, name: 'vip' },
      { workspaceId, name: 'City' },
    ])
    .returning();
  const roomRows = await db
    .insert(rooms)
    .values(
      [sets[0]!.id, sets[0]!.id, sets[1]!.id, null].map((roomSetId, i) => ({
        workspaceId,
        botAccountId: accounts[0]!.id,
        puppetRoomId: `room-${workspaceId}-${i}`,
        roomSetId,
      })),
    )
    .returning();
  const flowA = await publishGraph(db, workspaceId, `Seg A ${workspaceId}`, waitingFlow('a'));
  const flowB = await publishGraph(db, workspaceId, `Seg B ${workspaceId}`, waitingFlow('b'));
  const flowsPublished = [flowA, flowB];
  const campaignRows = await db
    .insert(campaigns)
    .values(
      [0, 1].map((i) => ({
        workspaceId,
        name: `C${i}`,
        flowId: flowA.flowId,
        rules: { match: 'all' as const, rules: [] },
        exclusions: {} as never,
      })),
    )
    .returning();

  const contactIds: string[] = [];
  for (let i = 0; i < options.contacts; i++) {
    const account = rng.pick(accounts);
    const now = wall + Number(account.clockOffsetMs);
    const attributes: Record<string, unknown> = {};
    for (const key of ATTRIBUTE_KEYS) if (rng.chance(0.6)) attributes[key] = randomValue(rng);
    const [contact] = await db
      .insert(contacts)
      .values({
        workspaceId,
        botAccountId: account.id,
        puppetId: `p-${i}-${randomUUID()}`,
        name: rng.pick(TEXTS),
        alias: rng.chance(0.4) ? null : rng.pick(TEXTS),
        friendStatus: rng.pick(FRIEND),
        firstAddedAt: randomTime(rng, now),
        lastInboundAt: randomTime(rng, now),
        lastOutboundAt: randomTime(rng, now),
        attributes,
        tags: TAGS.filter(() => rng.chance(0.3)),
      })
      .returning();
    const id = contact!.id;
    contactIds.push(id);
    for (const room of roomRows) {
      if (!rng.chance(0.35)) continue;
      await db.insert(roomMembers).values({
        workspaceId,
        roomId: room.id,
        contactId: id,
        joinedAt: new Date(now - 20 * DAY),
        leftAt: rng.chance(0.35) ? new Date(now - rng.int(5 * DAY)) : null,
      });
      for (let d = 0; d < 9; d++)
        if (rng.chance(0.3))
          await db.insert(roomMemberDays).values({
            roomId: room.id,
            contactId: id,
            day: localDay(now - d * DAY, options.timeZone),
            count: rng.int(4),
          });
    }
    for (const flow of flowsPublished) {
      if (!rng.chance(0.5)) continue;
      const [run] = await db
        .insert(runs)
        .values({
          workspaceId,
          flowId: flow.flowId,
          flowVersionId: flow.flowVersionId,
          contactId: id,
          status: rng.pick(['active', 'waiting', 'completed', 'exited', 'failed'] as const),
          startedAt: new Date(now),
          updatedAt: new Date(now),
        })
        .returning();
      if (rng.chance(0.5))
        await db.insert(goals).values({
          workspaceId,
          flowVersionId: flow.flowVersionId,
          runId: run!.id,
          contactId: id,
          name: rng.pick(GOALS),
        });
    }
    for (const campaign of campaignRows)
      if (rng.chance(0.5))
        await db.insert(campaignMembers).values({
          campaignId: campaign.id,
          contactId: id,
          workspaceId,
          botAccountId: account.id,
          sendAt: new Date(now),
          bucket: rng.chance(0.8) ? rng.pick(BUCKETS) : null,
        });
  }
  const [preview] = await db
    .insert(contacts)
    .values({
      workspaceId,
      botAccountId: accounts[0]!.id,
      puppetId: `preview-${randomUUID()}`,
      name: 'abc',
      previewFlowVersionId: flowA.flowVersionId,
    })
    .returning();
  return {
    workspaceId,
    accounts: accounts.map((a) => ({ id: a.id, offset: Number(a.clockOffsetMs) })),
    flowIds: flowsPublished.map((f) => f.flowId),
    campaignIds: campaignRows.map((c) => c.id),
    contactIds,
    previewContactId: preview!.id,
  };
}
