// The bytes of an imported CSV as text and records: the encoding (UTF-8, else GB18030 — what Excel
// saves as "CSV" on Chinese Windows), the delimiter (Excel writes `;` in some locales), and each
// record with the line it starts on. A record the parser cannot read is a row error, not the end.
import { parse } from 'csv-parse/sync';
import { IMPORT_ENCODINGS, IMPORT_MAX_ROWS } from '../../shared/api/contacts-csv.ts';
import { HttpError } from '../errors.ts';
import type { RowErrors } from './import-rows.ts';

export type Encoding = (typeof IMPORT_ENCODINGS)[number];

export const refuseFile = (reason: string, message: string, params: Record<string, number> = {}) =>
  new HttpError('unprocessable', message, { reason, ...params });

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Decoding is fatal on a bad byte, so the text never holds U+FFFD guesses or lone surrogates. */
function decode(bytes: Buffer, wanted: Encoding | undefined): { text: string; encoding: Encoding } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw refuseFile('spreadsheet', 'This is a spreadsheet file, not CSV: save it as "CSV UTF-8" first');
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw refuseFile('utf16', 'The file is UTF-16 ("Unicode text"): save it as "CSV UTF-8"');
  for (const encoding of wanted ? [wanted] : IMPORT_ENCODINGS) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {}
  }
  throw refuseFile('encoding', `The file is not ${wanted ?? 'UTF-8 or GB18030'} text`);
}

/** The most frequent of `,` `;` and tab outside quotes on the header line; `,` on a tie. */
function delimiterOf(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '\n' && !quoted) break;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Line numbers from byte offsets: each record starts where the previous ended. */
function lineCounter(buffer: Buffer) {
  let offset = 0;
  let line = 1;
  return (until: number) => {
    for (; offset < until; offset++) if (buffer[offset] === 0x0a) line++;
    // Skipped empty lines belong to no record: the record starts after them.
    for (; buffer[offset] === 0x0a || buffer[offset] === 0x0d; offset++) if (buffer[offset] === 0x0a) line++;
    return line;
  };
}

export function readCsv(bytes: Buffer, wanted: Encoding | undefined, errors: RowErrors) {
  const { text, encoding } = decode(bytes, wanted);
  const buffer = Buffer.from(text);
  const delimiter = delimiterOf(text);
  const lineAt = lineCounter(buffer);
  let start = lineAt(0);
  let skippedLine = 0;
  const records: CsvRecord[] = [];
  // Records and skips come in file order while parsing: each starts where the one before ended.
  parse(buffer, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A quote inside an unquoted cell is text (as Excel reads it), not an error.
    relax_quotes: true,
    // The parser may stumble more than once in one bad record: one error until a record reads again.
    on_skip: (err) => {
      if (skippedLine >= start) return undefined;
      skippedLine = start;
      errors.add(skippedLine, 'csv_syntax', 'The row is not valid CSV (a quote out of place?)', {
        reason: err?.code ?? 'unknown',
      });
      return undefined;
    },
    on_record: (cells: string[], info) => {
      records.push({ line: Math.max(start, skippedLine + 1), cells });
      start = lineAt(info.bytes);
      return null;
    },
  });
  if (records.length > IMPORT_MAX_ROWS + 1)
    throw refuseFile('too_many_rows', `Import at most ${IMPORT_MAX_ROWS} rows at once`, {
      maxRows: IMPORT_MAX_ROWS,
    });
  if (records.length === 0) throw refuseFile('empty', 'The file has no header row');
  return { encoding, delimiter, header: records[0]!, rows: records.slice(1) };
}
