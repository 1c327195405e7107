// The segment language has two evaluators: SQL for audiences (runtime/segments) and memory for a
// running flow's condition (shared/flow/condition.ts, on the facts a turn reads). On random contacts
// and ≥ 200 random rule sets (every field and op, all / any), both must take exactly the same contacts.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../runtime/db/client.ts';
import { factsFor } from '../runtime/executor/facts.ts';
import { exclusionContext, matchedFrom } from '../runtime/segments/scope.ts';
import { contacts, workspaces } from '../shared/db/schema.ts';
import { evaluateConditions } from '../shared/flow/condition.ts';
import type { FlowContext } from '../shared/flow/context.ts';
import { FIELD_KINDS, fieldRef, KIND_OPS } from '../shared/flow/rule-fields.ts';
import { type SegmentRules, segmentRulesSchema } from '../shared/segments/rules.ts';
import { describeDb } from './support/db.ts';
import {
  ATTRIBUTE_KEYS,
  BUCKETS,
  DAY,
  FRIEND,
  GOALS,
  NUMBERS,
  prng,
  type Rng,
  type SegmentWorld,
  seedSegmentWorld,
  TAGS,
  TEXTS,
} from './support/segments.ts';

const WALL = new Date('2025-06-15T10:00:00.000Z');
const TZ = 'Asia/Shanghai';
const GRADES = { days: 7, active: 5, lurker: 0 };
const SETTINGS = { timeZone: TZ, activityGrades: GRADES, messageBudget: { perDay: 2, perWeek: 5 } };
const PATTERNS = [
  '^a',
  '京$',
  '\\d+',
  '[a-c]',
  'x|y',
  '^.{2}$',
  '北',
  'A.*b',
  '[^0-9]',
  '\\w\\s',
  '(ab)+',
  '\\.5$',
  '^\\s*7',
  'zo',
];
const TIMES = ['P3D', 'PT12H', 'P10D', 'P1D', '2025-06-12', '2025-06-14T08:00:00+08:00', '2025-06-20', 'P1W'];

function fieldFor(rng: Rng, world: SegmentWorld): string {
  const kind = rng.pick(FIELD_KINDS.filter((k) => k !== 'reply'));
  switch (kind) {
    case 'text':
      return rng.pick(['contact.name', 'contact.alias']);
    case 'attribute':
      return `attributes.${rng.pick([...ATTRIBUTE_KEYS, 'missing'])}`;
    case 'tags':
      return 'tags';
    case 'roomSet':
      return rng.pick(['room.member_of', 'room.left']);
    case 'grade':
      return 'contact.activity';
    case 'friendStatus':
      return 'contact.friendStatus';
    case 'time':
      return rng.pick(['contact.firstAddedAt', 'contact.lastInboundAt', 'contact.lastOutboundAt']);
    case 'goal':
      return `goal.${rng.pick([...GOALS, 'never'])}`;
    case 'flow':
      return rng.pick(['flow.in', 'flow.finished']);
    default:
      return `campaign.${rng.chance(0.9) ? rng.pick(world.campaignIds) : randomUUID()}`;
  }
}

function valueFor(rng: Rng, field: string, op: string, world: SegmentWorld): string | number | boolean {
  const kind = fieldRef(field)!.kind;
  if (op === 'matches') return rng.pick(PATTERNS);
  if (op === 'has_tag' || op === 'not_has_tag') return rng.pick([...TAGS, 'VIP', 'none']);
  if (kind === 'roomSet') return rng.pick(['vip', 'city', ' VIP', 'nope']);
  if (kind === 'grade') return rng.pick(['active', 'normal', 'lurker']);
  if (kind === 'friendStatus') return rng.pick(FRIEND);
  if (kind === 'time')
    return op === 'within' || op === 'not_within'
      ? rng.pick(TIMES.filter((t) => t.startsWith('P')))
      : rng.pick(TIMES);
  if (kind === 'flow') return rng.chance(0.85) ? rng.pick(world.flowIds) : randomUUID();
  if (kind === 'campaign') return rng.pick(BUCKETS);
  if (kind === 'tags') return rng.pick([...TAGS, 'none']);
  return rng.chance(0.5) ? rng.pick(TEXTS) : rng.chance(0.85) ? rng.pick(NUMBERS) : rng.chance(0.5);
}

function randomRules(rng: Rng, world: SegmentWorld): SegmentRules {
  const rules = Array.from({ length: 1 + rng.int(4) }, () => {
    const field = fieldFor(rng, world);
    const op = rng.pick(KIND_OPS[fieldRef(field)!.kind]);
    return op === 'exists' || op === 'not_exists'
      ? { field, op }
      : { field, op, value: valueFor(rng, field, op, world) };
  });
  return segmentRulesSchema.parse({ match: rng.chance(0.5) ? 'all' : 'any', rules });
}

describeDb('segment SQL and the in-memory condition agree', (db) => {
  it('on ≥ 200 random rule sets over random contacts', { timeout: 240_000 }, async () => {
    const rng = prng(Number(process.env.SEGMENT_SEED ?? 16));
    const [ws] = await db()
      .db.insert(workspaces)
      .values({ name: 'Segments', timeZone: TZ, activityGrades: GRADES })
      .returning();
    const world = await seedSegmentWorld(db().db, ws!.id, rng, { wallNow: WALL, timeZone: TZ, contacts: 70 });
    const offsets = new Map(world.accounts.map((a) => [a.id, a.offset]));
    const rows = await db().db.select().from(contacts).where(eq(contacts.workspaceId, ws!.id));
    const people = await Promise.all(
      rows
        .filter((c) => c.previewFlowVersionId === null)
        .map(async (c) => {
          const now = new Date(WALL.getTime() + offsets.get(c.botAccountId)!);
          const context = {
            contact: { id: c.id, name: c.name, alias: c.alias ?? '' },
            attributes: c.attributes,
            tags: c.tags,
            facts: await factsFor(db().db, c.id, SETTINGS, now),
            vars: {},
          } as unknown as FlowContext;
          return { id: c.id, context };
        }),
    );
    const ctx = exclusionContext(ws!.id, WALL, SETTINGS);
    // The constant clock of accounts that share one (sharedClock): checked on the second account's
    // contacts, whose clock is days ahead of the wall.
    const second = world.accounts[1]!;
    const shared = exclusionContext(ws!.id, WALL, { ...SETTINGS, sharedClockMs: second.offset });
    const ofSecond = new Set(rows.filter((c) => c.botAccountId === second.id).map((c) => c.id));
    let nonTrivial = 0;
    for (let round = 0; round < 220; round++) {
      const rules = randomRules(rng, world);
      const sqlIds = rowsOf<{ id: string }>(
        await db().db.execute(sql`select c.id ${matchedFrom(rules, ctx)}`),
      )
        .map((r) => r.id)
        .sort();
      const memoryIds = people
        .filter((p) => evaluateConditions(rules.match, rules.rules, p.context))
        .map((p) => p.id)
        .sort();
      if (sqlIds.length > 0 && sqlIds.length < people.length) nonTrivial++;
      expect(sqlIds, `round ${round}: ${JSON.stringify(rules)}`).toEqual(memoryIds);
      const sharedIds = rowsOf<{ id: string }>(
        await db().db.execute(
          sql`select c.id ${matchedFrom(rules, shared)} and c.bot_account_id = ${second.id}`,
        ),
      )
        .map((r) => r.id)
        .sort();
      expect(sharedIds, `round ${round} (shared clock)`).toEqual(memoryIds.filter((id) => ofSecond.has(id)));
    }
    // The generator must not drift into rule sets that take everyone or no one.
    expect(nonTrivial).toBeGreaterThan(100);
  });
});

export { DAY };
