// What the flows did with a contact, as events of its conversation's transcript: nodes entered
// (node_visits), tags changed (a `tag` node's visit, with the tags its version names), coupon codes
// issued and goals reached — each with its time.
import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import type { ConversationDetail } from '../../shared/api/conversations.ts';
import { couponCodes, couponPools, goals } from '../../shared/db/schema.ts';
import { nodeRegistry } from '../../shared/nodes/index.ts';
import { iso } from './items.ts';

type EventView = ConversationDetail['events'][number];

/** Shown at most of each source (the newest), so a contact who looped a flow all year stays readable. */
const FLOW_EVENTS = 300;
/** Node types whose event is said by a row of their own (the goal reached, the code issued). */
const SAID_ELSEWHERE = ['goal', 'coupon'];

/** Since `since` (everything when null). */
export async function flowEventsOf(db: Db, contactId: string, since: Date | null): Promise<EventView[]> {
  const [visits, coupons, reached] = await Promise.all([
    visitEvents(db, contactId, since),
    db
      .select({ code: couponCodes.code, pool: couponPools.name, at: couponCodes.issuedAt })
      .from(couponCodes)
      .innerJoin(couponPools, eq(couponPools.id, couponCodes.poolId))
      .where(
        and(
          eq(couponCodes.contactId, contactId),
          since ? gte(couponCodes.issuedAt, since) : isNotNull(couponCodes.issuedAt),
        ),
      )
      .orderBy(desc(couponCodes.issuedAt))
      .limit(FLOW_EVENTS),
    db
      .select({ goal: goals.name, at: goals.createdAt })
      .from(goals)
      .where(and(eq(goals.contactId, contactId), since ? gte(goals.createdAt, since) : undefined))
      .orderBy(desc(goals.createdAt))
      .limit(FLOW_EVENTS),
  ]);
  return [
    ...visits,
    ...coupons.map(
      (c): EventView => ({
        kind: 'coupon',
        actor: null,
        params: { code: c.code, pool: c.pool },
        at: iso(c.at!),
      }),
    ),
    ...reached.map(
      (g): EventView => ({ kind: 'goal', actor: null, params: { goal: g.goal }, at: iso(g.at) }),
    ),
  ];
}

type Visit = {
  flow_id: string;
  flow_name: string;
  node_id: string;
  /** The node as the run's version has it. */
  node: { type?: string; data?: { add?: unknown; remove?: unknown } } | null;
  at: string | Date;
};

async function visitEvents(db: Db, contactId: string, since: Date | null): Promise<EventView[]> {
  const visits = rowsOf<Visit>(
    await db.execute(sql`
      with v as (
        select nv.step, nv.node_id, nv.entered_at, r.flow_id, r.flow_version_id
        from node_visits nv join runs r on r.id = nv.run_id
        where r.contact_id = ${contactId}::uuid ${since ? sql`and nv.entered_at >= ${since}` : sql``}
        order by nv.entered_at desc, nv.step desc limit ${FLOW_EVENTS}
      )
      select v.flow_id, f.name as flow_name, v.node_id, v.entered_at as at,
             (select n from jsonb_array_elements(fv.graph->'nodes') n where n->>'id' = v.node_id limit 1) as node
      from v join flows f on f.id = v.flow_id join flow_versions fv on fv.id = v.flow_version_id
      -- In the order entered: a turn's visits share one time, their steps tell the order (the sort after is stable).
      order by v.entered_at, v.step`),
  );
  return visits.flatMap((v): EventView[] => {
    const type = v.node?.type ?? null;
    const at = iso(v.at);
    if (type === 'tag') {
      const tags = (list: unknown) => (Array.isArray(list) ? list.filter((t) => typeof t === 'string') : []);
      const change = (action: 'add' | 'remove') => (tag: string) =>
        ({ kind: 'tag', actor: null, params: { tag, action, flowId: v.flow_id }, at }) as const;
      return [
        ...tags(v.node?.data?.add).map(change('add')),
        ...tags(v.node?.data?.remove).map(change('remove')),
      ];
    }
    if (SAID_ELSEWHERE.includes(type ?? '')) return [];
    // `nodeType` is for the reader's catalogue; `nodeLabel` (English) for logs and curl.
    const nodeLabel = type ? (nodeRegistry.get(type)?.label.en ?? type) : null;
    const params = { flowId: v.flow_id, flowName: v.flow_name, nodeId: v.node_id, nodeType: type, nodeLabel };
    return [{ kind: 'node', actor: null, params, at }];
  });
}
