// An imported CSV's header mapped to contact fields (the export's names, and the usual Chinese ones),
// and each record checked into a row to write — or into errors with its line: a row is all or nothing.
import {
  ATTRIBUTE_PREFIX,
  CONTACT_CSV_COLUMNS,
  type ContactsImportResult,
  IMPORT_MAX_CELL,
  IMPORT_MAX_ERRORS,
  type ImportRowError,
  type ImportRowErrorItem,
  MORE_ATTRIBUTES,
  unguardCell,
} from '../../shared/api/contacts-csv.ts';
import { FRIEND_STATUSES, type FriendStatus } from '../../shared/db/contacts.ts';
import { ATTRIBUTE_KEY } from '../../shared/flow/variables.ts';
import type { CsvRecord } from './import-read.ts';

export interface ImportRow {
  line: number;
  id?: string;
  name?: string;
  alias?: string;
  weixin?: string;
  puppetId?: string;
  friendStatus?: FriendStatus;
  firstAddedAt?: Date;
  lastInboundAt?: Date;
  lastOutboundAt?: Date;
  tags: string[];
  attributes: Record<string, unknown>;
}

type Params = Record<string, string | number>;

export class RowErrors {
  readonly items: ImportRowErrorItem[] = [];
  count = 0;
  add(line: number, code: ImportRowError, message: string, params?: Params) {
    this.count++;
    if (this.items.length < IMPORT_MAX_ERRORS)
      this.items.push({ line, code, message, ...(params && { params }) });
  }
}

class RowProblem extends Error {
  constructor(
    readonly code: ImportRowError,
    message: string,
    readonly params: Params = {},
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ISO 8601 and what Excel makes of it (`2024/5/1 10:00`); no zone reads as UTC. */
const DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function dateOf(cell: string): Date {
  const m = DATE.exec(cell.trim());
  if (!m) throw new RowProblem('bad_date', `${cell} is not a date (2024-05-01T10:00:00Z)`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone = 'Z'] = m;
  const pad = (v: string, n = 2) => v.padStart(n, '0');
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(
    `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${mi}:${pad(s)}.${ms.padEnd(3, '0')}${offset}`,
  );
  if (Number.isNaN(date.getTime())) throw new RowProblem('bad_date', `${cell} is not a date`);
  return date;
}

const tagsOf = (cell: string): string[] => {
  const tags = [
    ...new Set(
      cell
        .split(/[;；]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const long = tags.find((t) => t.length > 40);
  if (long) throw new RowProblem('bad_tag', `The tag ${long.slice(0, 40)}… is longer than 40 characters`);
  if (tags.length > 100) throw new RowProblem('too_many_tags', 'A contact has at most 100 tags');
  return tags;
};

/** A cell as the attribute's value: a number or boolean when the text is exactly how one is written. */
const attributeValue = (cell: string): unknown =>
  cell === 'true' ? true : cell === 'false' ? false : String(Number(cell)) === cell ? Number(cell) : cell;

type Reader = (cell: string, row: ImportRow) => void;

const setText =
  (field: 'name' | 'alias' | 'weixin' | 'puppetId', trim = false): Reader =>
  (cell, row) => {
    row[field] = trim ? cell.trim() : cell;
  };
const setDate =
  (field: 'firstAddedAt' | 'lastInboundAt' | 'lastOutboundAt'): Reader =>
  (cell, row) => {
    row[field] = dateOf(cell);
  };

/** What each importable column fills (the export's name first, then other names people use). */
const FIELDS: { names: string[]; read: Reader }[] = [
  {
    names: ['id'],
    read: (cell, row) => {
      if (!UUID.test(cell.trim())) throw new RowProblem('unknown_id', `${cell} is not a contact id`);
      row.id = cell.trim().toLowerCase();
    },
  },
  { names: ['name', '姓名', '昵称'], read: setText('name') },
  { names: ['alias', '备注'], read: setText('alias') },
  { names: ['weixin', 'wechat', 'wechat_id', '微信号'], read: setText('weixin', true) },
  { names: ['puppet_id'], read: setText('puppetId', true) },
  {
    names: ['friend_status'],
    read: (cell, row) => {
      const status = cell.trim() as FriendStatus;
      if (!FRIEND_STATUSES.includes(status))
        throw new RowProblem('bad_friend_status', `${cell} is not one of ${FRIEND_STATUSES.join(', ')}`);
      row.friendStatus = status;
    },
  },
  { names: ['first_added_at'], read: setDate('firstAddedAt') },
  { names: ['last_inbound_at'], read: setDate('lastInboundAt') },
  { names: ['last_outbound_at'], read: setDate('lastOutboundAt') },
  {
    names: ['tags', '标签'],
    read: (cell, row) => {
      row.tags = tagsOf(cell);
    },
  },
  {
    names: [MORE_ATTRIBUTES],
    read: (cell, row) => {
      let more: unknown;
      try {
        more = JSON.parse(cell);
      } catch {}
      if (!more || typeof more !== 'object' || Array.isArray(more))
        throw new RowProblem('bad_attributes', `${MORE_ATTRIBUTES} holds a JSON object of attributes`);
      for (const [key, value] of Object.entries(more))
        if (ATTRIBUTE_KEY.test(key)) row.attributes[key] = value;
    },
  },
];
/** The export's columns the import does not write: the account is a parameter, goals and groups are history. */
const READ_ONLY = new Set<string>(
  CONTACT_CSV_COLUMNS.filter((c) => ['account', 'goals', 'groups'].includes(c)),
);

export type Column = ContactsImportResult['columns'][number] & { read: Reader | null };

export function mapHeader(header: string[]): Column[] {
  const taken = new Set<string>();
  return header.map((raw) => {
    const name = raw.trim().toLowerCase();
    const field = FIELDS.find((f) => f.names.includes(name));
    const key =
      name.startsWith(ATTRIBUTE_PREFIX) && !field ? raw.trim().slice(ATTRIBUTE_PREFIX.length) : null;
    const fieldName = field ? field.names[0]! : key !== null ? `${ATTRIBUTE_PREFIX}${key}` : null;
    const base = { header: raw, field: fieldName };
    if (fieldName === null)
      return {
        ...base,
        ignored: READ_ONLY.has(name) ? ('read_only' as const) : ('unknown' as const),
        read: null,
      };
    if (taken.has(fieldName)) return { ...base, ignored: 'duplicate' as const, read: null };
    taken.add(fieldName);
    if (field) return { ...base, ignored: null, read: field.read };
    if (!ATTRIBUTE_KEY.test(key!)) return { ...base, ignored: 'bad_attribute_key' as const, read: null };
    return {
      ...base,
      ignored: null,
      read: (cell, row) => {
        row.attributes[key!] = attributeValue(cell);
      },
    };
  });
}

/** A record as a row, or null after adding its first problem to `errors`. */
export function rowOf(record: CsvRecord, columns: Column[], errors: RowErrors): ImportRow | null {
  const row: ImportRow = { line: record.line, tags: [], attributes: {} };
  try {
    record.cells.forEach((cell, i) => {
      const column = columns[i];
      const where = { column: column?.header ?? String(i + 1) };
      if (!column) {
        if (cell.trim() !== '') throw new RowProblem('csv_syntax', 'More cells than headers', where);
        return;
      }
      // The database cannot store NUL; decoding already refused invalid bytes (no lone surrogates).
      if (cell.includes('\u0000')) throw new RowProblem('nul_character', 'A cell holds a NUL byte', where);
      if (cell.length > IMPORT_MAX_CELL)
        throw new RowProblem('cell_too_long', `A cell is longer than ${IMPORT_MAX_CELL} characters`, {
          ...where,
          max: IMPORT_MAX_CELL,
        });
      if (cell.startsWith('='))
        throw new RowProblem(
          'formula',
          'A cell is a spreadsheet formula: import values, not formulas',
          where,
        );
      if (!column.read || cell === '') return;
      try {
        column.read(unguardCell(cell), row);
      } catch (err) {
        if (err instanceof RowProblem) Object.assign(err.params, where);
        throw err;
      }
    });
    if (!row.id && !row.puppetId && !row.weixin)
      throw new RowProblem('no_identity', 'The row has no id, puppet_id or weixin to find the contact by');
    return row;
  } catch (err) {
    if (!(err instanceof RowProblem)) throw err;
    errors.add(record.line, err.code, err.message, err.params);
    return null;
  }
}
