// Contacts as CSV (API.md "Contacts and messages"): the export's columns, which the import reads back,
// the cell guard both sides share, and the import's query, preview and result.
import { z } from 'zod';
import { optionalParam, text } from './common.ts';

/** The export's fixed columns, in order; attributes follow as `attr.<key>` (sorted), then `attr.*`. */
export const CONTACT_CSV_COLUMNS = [
  'id',
  'name',
  'alias',
  'weixin',
  'puppet_id',
  'account',
  'friend_status',
  'first_added_at',
  'last_inbound_at',
  'last_outbound_at',
  'tags',
  'goals',
  'groups',
] as const;
export type ContactCsvColumn = (typeof CONTACT_CSV_COLUMNS)[number];

export const ATTRIBUTE_PREFIX = 'attr.';
/** The attribute keys past the export's column cap, as one JSON object. */
export const MORE_ATTRIBUTES = 'attr.*';
/** Tags, goals and groups in one cell; the import also splits on the full-width `；`. */
export const LIST_SEPARATOR = ';';

/** A spreadsheet would run a cell starting so as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** …except a plain number (a phone number like +8613800000000, a negative amount). */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

const needsGuard = (cell: string): boolean =>
  (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) || (cell[0] === "'" && needsGuard(cell.slice(1)));

/** The first characters worth a closer look (most cells start otherwise: one set lookup). */
const RISKY_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

/** A cell a spreadsheet shows as text: `'` before a formula-like start (and before such a `'`, so it reverses). */
export const guardCell = (cell: string): string =>
  RISKY_FIRST.has(cell[0] ?? '') && needsGuard(cell) ? `'${cell}` : cell;

/** The cell `guardCell` was given. */
export const unguardCell = (cell: string): string =>
  cell[0] === "'" && needsGuard(cell.slice(1)) ? cell.slice(1) : cell;

export const contactsExportQuery = z.object({
  /** The Contacts list's search (name, alias or WeChat id). */
  q: optionalParam(text().max(100).optional()),
  tag: optionalParam(text().max(40).optional()),
  /** A saved segment's contacts (its rules, without a campaign's exclusions); wins over q and tag. */
  segmentId: optionalParam(z.uuid().optional()),
});

/** The largest file and the most rows one import takes. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
/** The longest cell (a name, an attribute's value); past it the row is refused. */
export const IMPORT_MAX_CELL = 2000;
/** The most row errors an answer lists (`errorCount` counts them all). */
export const IMPORT_MAX_ERRORS = 1000;

export const IMPORT_ENCODINGS = ['utf-8', 'gb18030'] as const;

export const contactsImportQuery = z.object({
  /** The bot account new contacts belong to; existing ones are found in it (or by `id` in the workspace). */
  accountId: z.uuid(),
  /** `1`: parse and match only, write nothing, answer the preview. */
  dryRun: optionalParam(z.enum(['0', '1', 'true', 'false']).optional()),
  /** Without it: UTF-8 when the bytes are UTF-8, else GB18030 (Excel's "CSV" on Chinese Windows). */
  encoding: optionalParam(z.enum(IMPORT_ENCODINGS).optional()),
});

/** Why a row was not imported; `params.column` names the cell when one is at fault. */
export const IMPORT_ROW_ERRORS = [
  'csv_syntax',
  'nul_character',
  'cell_too_long',
  'formula',
  'bad_tag',
  'too_many_tags',
  'bad_date',
  'bad_friend_status',
  'bad_attributes',
  'no_identity',
  'unknown_id',
  'duplicate_row',
  'write_failed',
] as const;
export type ImportRowError = (typeof IMPORT_ROW_ERRORS)[number];

/** Why a whole file was refused (`unprocessable` with `params.reason`). */
export const IMPORT_FILE_ERRORS = [
  'empty',
  'spreadsheet',
  'utf16',
  'encoding',
  'no_identity_column',
  'too_many_rows',
] as const;

const rowError = z.object({
  line: z.number().int(),
  code: z.enum(IMPORT_ROW_ERRORS),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const contactsImportResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  errors: z.array(rowError),
  errorCount: z.number().int(),
  dryRun: z.boolean(),
  encoding: z.enum(IMPORT_ENCODINGS),
  delimiter: z.string(),
  rows: z.number().int(),
  /** Each header and the field it fills; `ignored` says why a column is skipped. */
  columns: z.array(
    z.object({
      header: z.string(),
      field: z.string().nullable(),
      ignored: z.enum(['unknown', 'read_only', 'duplicate', 'bad_attribute_key']).nullable(),
    }),
  ),
  /** The first rows as the import reads them (dry run only). */
  sample: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(['insert', 'update']),
      name: z.string().nullable(),
      weixin: z.string().nullable(),
      puppetId: z.string().nullable(),
      tags: z.array(z.string()),
      attributes: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type ContactsImportResult = z.infer<typeof contactsImportResult>;
export type ImportRowErrorItem = z.infer<typeof rowError>;
