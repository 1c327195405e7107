// A node's optional `label` (the name a marketer gave the card) read from a version's stored graph in
// SQL, so screens outside the editor show that name rather than the node's id.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

export const nodeLabelSql = (graph: AnyColumn | SQL, nodeId: AnyColumn | SQL): SQL<string | null> =>
  sql<string | null>`(select nullif(n->>'label', '')
    from jsonb_array_elements(case when jsonb_typeof(${graph}->'nodes') = 'array' then ${graph}->'nodes' else '[]'::jsonb end) n
    where n->>'id' = ${nodeId} limit 1)`;
