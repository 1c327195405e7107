// GET /api/segments/names: what the segment builder offers for a goal's name and an attribute's key —
// the goals and attributes the published flows' cards name (`goal`, `set_attribute`, `ask`), the goals
// contacts reached (an older version's too) and the keys a sample of contacts carry. Typing another
// name stays possible: a goal nobody reached yet counts no one.
import { sql } from 'drizzle-orm';
import { publishedOf } from '../../runtime/campaigns/flow.ts';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import { dataOf, readDocument } from '../../shared/analytics/experiment-nodes.ts';
import type { SegmentNames } from '../../shared/api/campaigns.ts';

/** At most this many of each, and contacts sampled for attribute keys. */
const MAX_NAMES = 200;
const SAMPLE = 1000;

const sorted = (names: Set<string>) =>
  [...names].sort((a, b) => a.localeCompare(b, 'zh-CN')).slice(0, MAX_NAMES);

export async function segmentNames(db: Db, workspaceId: string): Promise<SegmentNames> {
  const goals = new Set<string>();
  const attributes = new Set<string>();
  for (const flow of await publishedOf(db, workspaceId)) {
    if (!flow.versionId) continue;
    for (const node of readDocument(flow.graph).nodes) {
      const data = dataOf<{ name?: string; key?: string; saveAs?: string }>(node);
      if (node.type === 'goal' && data?.name) goals.add(data.name);
      if (node.type === 'set_attribute' && data?.key) attributes.add(data.key);
      if (node.type === 'ask' && data?.saveAs) attributes.add(data.saveAs);
    }
  }
  const reached = rowsOf<{ name: string }>(
    await db.execute(
      sql`select distinct name from goals where workspace_id = ${workspaceId} limit ${MAX_NAMES}`,
    ),
  );
  for (const { name } of reached) goals.add(name);
  const keys = rowsOf<{ key: string }>(
    await db.execute(sql`select distinct k.key from (select c.attributes from contacts c
        where c.workspace_id = ${workspaceId} and c.attributes <> '{}'::jsonb limit ${SAMPLE}) s,
      jsonb_object_keys(s.attributes) k(key) limit ${MAX_NAMES}`),
  );
  for (const { key } of keys) attributes.add(key);
  return { goals: sorted(goals), attributes: sorted(attributes) };
}
