// Stats tables as CSV: what a screen shows, one row per thing it counts — a flow version's nodes
// (entered, here now, one column per exit port), a campaign's members by end-report bucket, and the
// inbox KPIs per day (the team, each agent, the bot).
import type { Readable } from 'node:stream';
import type { Db } from '../../runtime/db/client.ts';
import { BUCKET_PARAMS } from '../../shared/api/campaigns.ts';
import type { InboxKpis } from '../../shared/api/conversations.ts';
import { campaignContacts } from '../campaigns/contacts.ts';
import { versionStats } from '../flows/stats.ts';
import { type Cell, csvStream } from './export-csv.ts';

async function* once(rows: Cell[][]) {
  yield rows;
}

export async function flowStatsCsv(
  db: Db,
  version: { id: string; version: number; graph: unknown },
): Promise<Readable> {
  const stats = await versionStats(db, version);
  const types = new Map(
    ((version.graph as { nodes?: { id?: unknown; type?: unknown }[] })?.nodes ?? []).map((n) => [
      String(n?.id),
      String(n?.type ?? ''),
    ]),
  );
  const ports = [...new Set(Object.values(stats.nodes).flatMap((n) => Object.keys(n.ports)))].sort();
  const rows = Object.entries(stats.nodes).map(([id, n]): Cell[] => [
    stats.version,
    id,
    types.get(id) ?? '',
    n.entered,
    n.here,
    ...ports.map((p) => n.ports[p] ?? 0),
  ]);
  return csvStream(
    ['version', 'node_id', 'type', 'entered', 'here', ...ports.map((p) => `port.${p}`)],
    once(rows),
  );
}

/** Every bucket's members in turn, a page of 500 at a time (the end report's lists). */
export function campaignContactsCsv(
  db: Db,
  campaignId: string,
  buckets: readonly (typeof BUCKET_PARAMS)[number][] = BUCKET_PARAMS,
): Readable {
  async function* pages() {
    for (const bucket of buckets) {
      let cursor: string | undefined;
      do {
        const page = await campaignContacts(db, campaignId, { bucket, limit: 500, cursor });
        yield page.items.map((c): Cell[] => [
          bucket,
          c.id,
          c.name,
          c.alias,
          c.friendStatus,
          c.tags.join(';'),
          c.sentAt,
          c.reply,
          c.repliedAt,
        ]);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }
  return csvStream(
    ['bucket', 'contact_id', 'name', 'alias', 'friend_status', 'tags', 'sent_at', 'reply', 'replied_at'],
    pages(),
  );
}

/** One row per day and who: `team`, each agent by name, then the bot's days. */
export function inboxKpisCsv(kpis: InboxKpis): Readable {
  const people = [
    { who: 'team', days: kpis.team.days },
    ...kpis.agents.map((a) => ({ who: a.user.name, days: a.days })),
  ];
  const rows: Cell[][] = people.flatMap(({ who, days }) =>
    days.map((d) => [
      d.day,
      who,
      d.handled,
      d.firstResponseMedian,
      d.firstResponseP90,
      d.closeMedian,
      null,
      null,
      null,
      null,
      null,
    ]),
  );
  for (const d of kpis.bot.days)
    rows.push([
      d.day,
      'bot',
      null,
      null,
      null,
      null,
      d.contacts,
      d.botOnly,
      d.messages,
      d.fallback,
      d.handoffs,
    ]);
  return csvStream(
    [
      'day',
      'who',
      'handled',
      'first_response_median_s',
      'first_response_p90_s',
      'close_median_s',
      'bot_contacts',
      'bot_only',
      'messages',
      'fallback',
      'handoffs',
    ],
    once(rows),
  );
}
