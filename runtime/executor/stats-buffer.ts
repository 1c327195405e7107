// node_stats and node_stats_daily increments of one transaction, summed per counter and written by one
// pair of upserts (two CTEs of the turn statement) at its end.
import { type SQL, sql } from 'drizzle-orm';
import { NODE_STATS_SHARDS } from '../../shared/db/schema.ts';

interface Count {
  v: string;
  n: string;
  p: string;
  c: number;
}

export class StatsBuffer {
  /** Keyed by counter and day: the turns of one transaction may fall on different days (a clock advance). */
  private readonly counts = new Map<string, Count & { d: string }>();
  /** Any shard will do (readers sum them): one per transaction keeps its upsert small. */
  private readonly shard = Math.floor(Math.random() * NODE_STATS_SHARDS);

  /**
   * `port = ''` counts an arrival at the node; any other port, a run leaving through it. `day` is the
   * turn's date (YYYY-MM-DD) in the workspace's time zone.
   */
  add(versionId: string, nodeId: string, port: string, day: string): void {
    const key = `${versionId}\u0000${nodeId}\u0000${port}\u0000${day}`;
    const entry = this.counts.get(key) ?? { v: versionId, n: nodeId, p: port, d: day, c: 0 };
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
   * The CTEs `s` (node_stats) and `sd` (node_stats_daily) with their rows in key order: concurrent
   * transactions then lock shared counter rows in the same order, so they queue instead of
   * deadlocking. Their text is the same for any rows.
   */
  upserts(): SQL {
    const daily = [...this.counts.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([, c], i) => ({ ...c, i }));
    const totals = new Map<string, Count>();
    for (const { v, n, p, c } of daily) {
      const key = `${v}\u0000${n}\u0000${p}`;
      const total = totals.get(key);
      if (total) total.c += c;
      else totals.set(key, { v, n, p, c });
    }
    // `daily` is sorted by counter then day, so the totals come out in key order too.
    const rows = [...totals.values()].map((c, i) => ({ ...c, i }));
    return sql`s as (
        insert into node_stats (flow_version_id, node_id, port, shard, count)
        select x.v, x.n, x.p, ${this.shard}::smallint, x.c
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(v uuid, n text, p text, c int, i int)
        order by x.i
        on conflict (flow_version_id, node_id, port, shard) do update set count = node_stats.count + excluded.count
      ),
      sd as (
        insert into node_stats_daily (flow_version_id, day, node_id, port, shard, count)
        select x.v, x.d, x.n, x.p, ${this.shard}::smallint, x.c
        from jsonb_to_recordset(${JSON.stringify(daily)}::jsonb) as x(v uuid, n text, p text, d date, c int, i int)
        order by x.i
        on conflict (flow_version_id, day, node_id, port, shard) do update set count = node_stats_daily.count + excluded.count
      )`;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
