// GET /api/contacts/export.csv: the contacts of the list's filter (or of a saved segment) as CSV, in
// pages from a cursor (export-cursor.ts). The header needs the attribute keys up front: one `jsonb_object_keys` pass over
// the same contacts (an index-free scan of the filter, ~1 s per million), capped at ATTRIBUTE_COLUMNS
// columns; keys past the cap go together into one `attr.*` JSON cell, so nothing is left out.
import type { Readable } from 'node:stream';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import { exclusionContext, matchedFrom } from '../../runtime/segments/scope.ts';
import { workspaceSettings } from '../../runtime/workspace-settings.ts';
import {
  ATTRIBUTE_PREFIX,
  CONTACT_CSV_COLUMNS,
  LIST_SEPARATOR,
  MORE_ATTRIBUTES,
} from '../../shared/api/contacts-csv.ts';
import { segments } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';
import { type Cell, csvStream } from './export-csv.ts';
import { cursorPages } from './export-cursor.ts';

export const ATTRIBUTE_COLUMNS = 500;
const PAGE = 2000;

export type ContactsFilter = { q?: string; tag?: string; segmentId?: string };

/** A page's row: every cell already text, formatted by the database (nothing for node to parse). */
type Row = Record<string, string | null> & { id: string };

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const ISO = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
const isoSql = (column: string) => sql`to_char(${sql.raw(column)} at time zone 'UTC', ${ISO})`;
const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** `from … where …` over `c` (contacts) and `b` (its account): a segment's, or the Contacts list's filter. */
async function contactsFrom(db: Db, workspaceId: string, filter: ContactsFilter): Promise<SQL> {
  if (filter.segmentId) {
    const [segment] = await db
      .select({ rules: segments.rules })
      .from(segments)
      .where(and(eq(segments.id, filter.segmentId), eq(segments.workspaceId, workspaceId)));
    const settings = segment && (await workspaceSettings(db, workspaceId));
    if (!segment || !settings) throw notFound('segment');
    return matchedFrom(segment.rules, exclusionContext(workspaceId, new Date(), settings));
  }
  const where: SQL[] = [sql`c.workspace_id = ${workspaceId}`];
  if (filter.q) {
    const p = escapeLike(filter.q);
    where.push(sql`(c.name ilike ${p} or c.alias ilike ${p} or c.weixin ilike ${p})`);
  }
  if (filter.tag) where.push(sql`${filter.tag} = any(c.tags)`);
  return sql`from contacts c join bot_accounts b on b.id = c.bot_account_id where ${sql.join(where, sql` and `)}`;
}

async function attributeKeys(db: Db, from: SQL): Promise<string[]> {
  const rows = rowsOf<{ k: string }>(
    await db.execute(sql`select distinct jsonb_object_keys(c.attributes) as k ${from}
      and c.attributes <> '{}'::jsonb`),
  );
  return rows.map((r) => r.k).sort();
}

/** The page's columns: an attribute as its text (`->>`: numbers and booleans as written, objects as JSON). */
function columnsSql(keys: string[], overflow: boolean): SQL {
  const attributes = keys.map((key, i) => sql`c.attributes->>${key} as ${sql.identifier(`a${i}`)}`);
  const more = overflow
    ? [sql`nullif(c.attributes - ${pgArray(keys)}::text[], '{}'::jsonb)::text as more`]
    : [];
  return sql.join(
    [
      sql`c.id, c.name, c.alias, c.weixin, c.puppet_id, b.name as account, c.friend_status`,
      sql`${isoSql('c.first_added_at')} as first_added_at, ${isoSql('c.last_inbound_at')} as last_inbound_at`,
      sql`${isoSql('c.last_outbound_at')} as last_outbound_at, array_to_string(c.tags, ${LIST_SEPARATOR}) as tags`,
      ...attributes,
      ...more,
    ],
    sql`, `,
  );
}

/**
 * The rows: the filter's contacts (flattened into the joins), each with its goal names and current
 * groups from one aggregate over the workspace's goals and memberships (hash joins, no per-row lookup).
 */
const rowsSql = (workspaceId: string, from: SQL, columns: SQL) => sql`
  select x.*, g.list as goals, m.list as groups
  from (select ${columns} ${from}) x
  left join (select contact_id, string_agg(distinct name, ${LIST_SEPARATOR}) as list from goals
    where workspace_id = ${workspaceId} group by contact_id) g on g.contact_id = x.id
  left join (select m.contact_id, string_agg(r.topic, ${LIST_SEPARATOR} order by r.topic) as list
    from room_members m join rooms r on r.id = m.room_id
    where m.workspace_id = ${workspaceId} and m.left_at is null group by m.contact_id) m on m.contact_id = x.id`;

function recordOf(r: Row, keys: number): Cell[] {
  const record: Cell[] = [
    r.id,
    r.name,
    r.alias,
    r.weixin,
    r.puppet_id,
    r.account,
    r.friend_status,
    r.first_added_at,
    r.last_inbound_at,
    r.last_outbound_at,
    r.tags,
    r.goals,
    r.groups,
  ];
  for (let i = 0; i < keys; i++) record.push(r[`a${i}`]);
  if ('more' in r) record.push(r.more);
  return record;
}

export interface ExportOptions {
  pageSize?: number;
  /** Called after each page is read (its row count): progress for a benchmark, a probe for tests. */
  onPage?: (rows: number) => void;
}

/** The CSV stream; a missing segment is a 404 before any byte is sent. */
export async function exportContacts(
  db: Db,
  workspaceId: string,
  filter: ContactsFilter,
  options: ExportOptions = {},
): Promise<Readable> {
  const from = await contactsFrom(db, workspaceId, filter);
  const allKeys = await attributeKeys(db, from);
  const keys = allKeys.slice(0, ATTRIBUTE_COLUMNS);
  const overflow = allKeys.length > keys.length;
  const header = [
    ...CONTACT_CSV_COLUMNS,
    ...keys.map((k) => `${ATTRIBUTE_PREFIX}${k}`),
    ...(overflow ? [MORE_ATTRIBUTES] : []),
  ];
  const query = rowsSql(workspaceId, from, columnsSql(keys, overflow));
  async function* pages() {
    for await (const rows of cursorPages<Row>(db, query, options.pageSize ?? PAGE)) {
      options.onPage?.(rows.length);
      yield rows.map((r) => recordOf(r, keys.length));
    }
  }
  return csvStream(header, pages());
}
