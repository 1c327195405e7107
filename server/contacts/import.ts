// POST /api/contacts/import: a CSV's rows upserted as contacts of one bot account. A row finds its
// contact by `id` in the workspace, else by `puppet_id`, else by `weixin` in the account; found, its
// name, alias and WeChat id are set, tags added and attributes merged; not found, it is inserted
// (friend status and times only then: afterwards WeChat is their source). Each row is written whole
// or not at all; a row that fails does not stop the others.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import type { ContactsImportResult } from '../../shared/api/contacts-csv.ts';
import { botAccounts, contacts } from '../../shared/db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { type Encoding, readCsv, refuseFile } from './import-read.ts';
import { type ImportRow, mapHeader, RowErrors, rowOf } from './import-rows.ts';

const CHUNK = 500;
const SAMPLE = 20;

type Planned = { row: ImportRow; contactId: string | null };

const chunks = <T>(items: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Contact ids by the values of `column` among the account's (or, for ids, the workspace's) contacts. */
async function lookup(
  db: Db,
  scope: ReturnType<typeof eq>,
  column: typeof contacts.id | typeof contacts.puppetId | typeof contacts.weixin,
  values: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(values)], 1000)) {
    const rows = await db
      .select({ id: contacts.id, value: column })
      .from(contacts)
      .where(and(scope, inArray(column, part)));
    for (const r of rows) if (r.value !== null && !found.has(r.value)) found.set(r.value, r.id);
  }
  return found;
}

/** Each row's contact (null: a new one); a second row for the same contact is an error. */
async function plan(db: Db, workspaceId: string, accountId: string, rows: ImportRow[], errors: RowErrors) {
  const inAccount = eq(contacts.botAccountId, accountId);
  const values = (pick: (r: ImportRow) => string | undefined) => rows.flatMap((r) => pick(r) ?? []);
  const [byId, byPuppet, byWeixin] = await Promise.all([
    lookup(
      db,
      eq(contacts.workspaceId, workspaceId),
      contacts.id,
      values((r) => r.id),
    ),
    lookup(
      db,
      inAccount,
      contacts.puppetId,
      values((r) => r.puppetId),
    ),
    lookup(
      db,
      inAccount,
      contacts.weixin,
      values((r) => r.weixin),
    ),
  ]);
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  for (const row of rows) {
    const contactId =
      (row.id && byId.get(row.id)) ||
      (row.puppetId && byPuppet.get(row.puppetId)) ||
      (row.weixin && byWeixin.get(row.weixin)) ||
      null;
    if (!contactId && !row.puppetId && !row.weixin) {
      errors.add(row.line, 'unknown_id', 'No contact of the workspace has this id', { column: 'id' });
      continue;
    }
    const key = contactId ?? `new:${row.puppetId ?? row.weixin}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add(row.line, 'duplicate_row', `The same contact as line ${first}`, { firstLine: first });
      continue;
    }
    seen.set(key, row.line);
    planned.push({ row, contactId });
  }
  return planned;
}

async function write(db: Db, workspaceId: string, accountId: string, part: Planned[]) {
  const inserts = part.filter((p) => !p.contactId).map((p) => p.row);
  const updates = part.filter((p) => p.contactId);
  const inserted = inserts.length
    ? await db
        .insert(contacts)
        .values(
          inserts.map((r) => ({
            workspaceId,
            botAccountId: accountId,
            puppetId: (r.puppetId ?? r.weixin)!,
            weixin: r.weixin,
            name: r.name ?? '',
            alias: r.alias,
            friendStatus: r.friendStatus,
            firstAddedAt: r.firstAddedAt,
            lastInboundAt: r.lastInboundAt,
            lastOutboundAt: r.lastOutboundAt,
            tags: r.tags,
            attributes: r.attributes,
          })),
        )
        .onConflictDoNothing({ target: [contacts.botAccountId, contacts.puppetId] })
        .returning({ puppetId: contacts.puppetId })
    : [];
  if (inserted.length < inserts.length) throw new Error('a contact was created meanwhile');
  if (updates.length) {
    const values = updates.map(({ row, contactId }) => ({
      id: contactId,
      name: row.name ?? null,
      alias: row.alias ?? null,
      weixin: row.weixin ?? null,
      tags: row.tags,
      attributes: row.attributes,
    }));
    await db.execute(sql`
      update contacts c set
        name = coalesce(v.name, c.name),
        alias = coalesce(v.alias, c.alias),
        weixin = coalesce(v.weixin, c.weixin),
        attributes = c.attributes || v.attributes,
        tags = array(select t from unnest(c.tags || array(select jsonb_array_elements_text(v.tags)))
          with ordinality as u(t, n) group by t order by min(n))
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        as v(id uuid, name text, alias text, weixin text, tags jsonb, attributes jsonb)
      where c.id = v.id and c.workspace_id = ${workspaceId}`);
  }
  return { imported: inserts.length, updated: updates.length };
}

/** A chunk in one transaction; when it fails, its rows one by one, so only the failing ones are lost. */
async function writeAll(
  db: Db,
  workspaceId: string,
  accountId: string,
  planned: Planned[],
  errors: RowErrors,
) {
  const total = { imported: 0, updated: 0 };
  const add = (n: { imported: number; updated: number }) => {
    total.imported += n.imported;
    total.updated += n.updated;
  };
  for (const part of chunks(planned)) {
    try {
      add(await db.transaction((tx) => write(tx, workspaceId, accountId, part)));
    } catch {
      for (const one of part) {
        try {
          add(await db.transaction((tx) => write(tx, workspaceId, accountId, [one])));
        } catch (err) {
          errors.add(one.row.line, 'write_failed', `The row could not be saved: ${(err as Error).message}`);
        }
      }
    }
  }
  return total;
}

/** The request's body as the file's bytes: a JSON or form body is not a CSV file. */
export function csvBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new HttpError(
    'unsupported_media_type',
    'Send the CSV file itself as the body (content-type text/csv)',
  );
}

export async function importContacts(
  db: Db,
  workspaceId: string,
  bytes: Buffer,
  query: { accountId: string; dryRun: boolean; encoding?: Encoding },
): Promise<ContactsImportResult> {
  const [account] = await db
    .select({ id: botAccounts.id })
    .from(botAccounts)
    .where(and(eq(botAccounts.id, query.accountId), eq(botAccounts.workspaceId, workspaceId)));
  if (!account) throw notFound('bot_account');
  const errors = new RowErrors();
  const csv = readCsv(bytes, query.encoding, errors);
  const columns = mapHeader(csv.header.cells);
  if (!columns.some((c) => !c.ignored && ['id', 'puppet_id', 'weixin'].includes(c.field ?? '')))
    throw refuseFile('no_identity_column', 'The header needs an id, puppet_id or weixin column');
  const rows = csv.rows.flatMap((record) => rowOf(record, columns, errors) ?? []);
  const planned = await plan(db, workspaceId, account.id, rows, errors);
  const counts = query.dryRun
    ? {
        imported: planned.filter((p) => !p.contactId).length,
        updated: planned.filter((p) => p.contactId).length,
      }
    : await writeAll(db, workspaceId, account.id, planned, errors);
  errors.items.sort((a, b) => a.line - b.line);
  return {
    ...counts,
    errors: errors.items,
    errorCount: errors.count,
    dryRun: query.dryRun,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    rows: csv.rows.length,
    columns: columns.map(({ header, field, ignored }) => ({ header, field, ignored })),
    sample: query.dryRun
      ? planned.slice(0, SAMPLE).map(({ row, contactId }) => ({
          line: row.line,
          action: contactId ? ('update' as const) : ('insert' as const),
          name: row.name ?? null,
          weixin: row.weixin ?? null,
          puppetId: row.puppetId ?? null,
          tags: row.tags,
          attributes: row.attributes,
        }))
      : [],
  };
}
