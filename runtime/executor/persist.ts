// Writes what a turn recorded (DESIGN "Execute one turn"): outbox rows with idempotency keys,
// contact attribute/tag changes, goals, node visits and node_stats increments — all in the turn's tx.
import { and, eq, sql } from 'drizzle-orm';
import { contacts, goals, nodeVisits, outbox } from '../../shared/db/schema.ts';
import type { TurnResult } from '../../shared/flow/index.ts';
import type { Db } from '../db/client.ts';

/** A text[] parameter; drizzle would otherwise expand a JS array into a row constructor. */
const textArray = (values: string[]) =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`;

export interface TurnScope {
  workspaceId: string;
  botAccountId: string;
  contactId: string;
  flowId: string;
  flowVersionId: string;
  runId: string;
  /** Bot disclosure appended to every bot-written message, when the workspace sets one. */
  signature: string | null;
  now: Date;
}

export async function persistEffects(tx: Db, scope: TurnScope, turn: TurnResult): Promise<number> {
  let queued = 0;
  for (const effect of turn.effects) {
    if (effect.kind === 'send') {
      const text = scope.signature ? `${effect.text}\n${scope.signature}` : effect.text;
      const inserted = await tx
        .insert(outbox)
        .values({
          workspaceId: scope.workspaceId,
          botAccountId: scope.botAccountId,
          contactId: scope.contactId,
          runId: scope.runId,
          kind: 'message',
          payload: { text, flowId: scope.flowId, nodeId: effect.nodeId, author: 'bot' },
          idempotencyKey: `${scope.runId}:${effect.nodeId}:${effect.visit}:${effect.part}`,
          notBefore: scope.now,
        })
        .onConflictDoNothing()
        .returning({ id: outbox.id });
      queued += inserted.length;
    } else if (effect.kind === 'set_attribute') {
      await tx
        .update(contacts)
        .set({
          attributes: sql`${contacts.attributes} || ${JSON.stringify({ [effect.key]: effect.value })}::jsonb`,
        })
        .where(eq(contacts.id, scope.contactId));
    } else if (effect.kind === 'tag') {
      await tx
        .update(contacts)
        .set({
          tags: sql`array(select distinct t from unnest(${contacts.tags} || ${textArray(effect.add)}) t
            where t <> all(${textArray(effect.remove)}) order by t)`,
        })
        .where(eq(contacts.id, scope.contactId));
    } else if (effect.kind === 'goal') {
      await tx
        .insert(goals)
        .values({
          workspaceId: scope.workspaceId,
          flowVersionId: scope.flowVersionId,
          runId: scope.runId,
          contactId: scope.contactId,
          name: effect.name,
        })
        .onConflictDoNothing();
    }
  }
  await persistVisits(tx, scope, turn);
  return queued;
}

/** One node_visits row per arrival; counters are summed per (node, port) and upserted once each. */
async function persistVisits(tx: Db, scope: TurnScope, turn: TurnResult): Promise<void> {
  const counts = new Map<string, { nodeId: string; port: string; n: number }>();
  const bump = (nodeId: string, port: string) => {
    const key = `${nodeId}\u0000${port}`;
    const entry = counts.get(key) ?? { nodeId, port, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  };
  for (const v of turn.visits) {
    if (v.kind === 'visit') {
      await tx
        .insert(nodeVisits)
        .values({ runId: scope.runId, nodeId: v.nodeId, visit: v.visit, enteredAt: scope.now })
        .onConflictDoNothing();
      bump(v.nodeId, '');
    } else {
      await tx
        .update(nodeVisits)
        .set({ port: v.port })
        .where(
          and(
            eq(nodeVisits.runId, scope.runId),
            eq(nodeVisits.nodeId, v.nodeId),
            eq(nodeVisits.visit, v.visit),
          ),
        );
      bump(v.nodeId, v.port);
    }
  }
  if (counts.size === 0) return;
  const values = [...counts.values()].map(
    (c) => sql`(${scope.flowVersionId}::uuid, ${c.nodeId}, ${c.port}, ${c.n})`,
  );
  await tx.execute(sql`
    insert into node_stats (flow_version_id, node_id, port, count) values ${sql.join(values, sql`, `)}
    on conflict (flow_version_id, node_id, port) do update set count = node_stats.count + excluded.count`);
}
