// node_stats increments of one transaction, summed per counter and written by one upsert at its end.
import { type SQL, sql } from 'drizzle-orm';
import { NODE_STATS_SHARDS } from '../../shared/db/schema.ts';

export class StatsBuffer {
  private readonly counts = new Map<string, { v: string; n: string; p: string; c: number }>();
  /** Any shard will do (readers sum them): one per transaction keeps its upsert small. */
  private readonly shard = Math.floor(Math.random() * NODE_STATS_SHARDS);

  /** `port = ''` counts an arrival at the node; any other port, a run leaving through it. */
  add(versionId: string, nodeId: string, port: string): void {
    const key = `${versionId}\u0000${nodeId}\u0000${port}`;
    const entry = this.counts.get(key) ?? { v: versionId, n: nodeId, p: port, c: 0 };
    entry.c += 1;
    this.counts.set(key, entry);
  }

  clear(): void {
    this.counts.clear();
  }

  get size(): number {
    return this.counts.size;
  }

  /**
   * The upsert with its rows in key order: concurrent transactions then lock shared counter rows in
   * the same order, so they queue instead of deadlocking. Its text is the same for any rows.
   */
  upsert(): SQL {
    const rows = [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, c], i) => ({ ...c, i }));
    return sql`insert into node_stats (flow_version_id, node_id, port, shard, count)
      select x.v, x.n, x.p, ${this.shard}::smallint, x.c
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(v uuid, n text, p text, c int, i int)
      order by x.i
      on conflict (flow_version_id, node_id, port, shard) do update set count = node_stats.count + excluded.count`;
  }
}
