// Tables as CSV downloads (contacts, stats): pages pulled from an async source only as fast as the
// client reads (the source stops when the client goes away), encoded as RFC 4180 with CRLF, a UTF-8
// BOM so Excel reads Chinese as UTF-8, and every cell guarded against formulas. The encoder is these
// few lines rather than csv-stringify: its per-field machinery was a third of the export's CPU (the
// 50k rows/s target); test/contacts-csv-import.test.ts checks it against csv-parse on random cells.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { guardCell } from '../../shared/api/contacts-csv.ts';

export type Cell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; the cell guarded first. */
const field = (cell: Cell): string => {
  if (cell == null || cell === '') return '';
  const text = guardCell(String(cell));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
};

/** Records as CSV lines, CRLF after each. */
export const encodeCsv = (records: Cell[][]): string => {
  let out = '';
  for (const record of records) out += `${record.map(field).join(',')}\r\n`;
  return out;
};

async function* encoded(header: string[], pages: AsyncIterable<Cell[][]>): AsyncGenerator<string> {
  yield `\uFEFF${encodeCsv([header])}`;
  for await (const page of pages) if (page.length) yield encodeCsv(page);
}

/**
 * The CSV text of `header` then `pages` (a chunk per page: the encoder's cost is per page, not per
 * row). The stream pulls the next page only when the reader has taken the last; destroying it (a
 * client that disconnects) returns the generator at its `yield`, so no further page is read.
 */
export function csvStream(header: string[], pages: AsyncIterable<Cell[][]>): Readable {
  return Readable.from(encoded(header, pages), { objectMode: false, highWaterMark: 1 });
}

/** Sends `stream` as a download named `filename` (ASCII, plus its UTF-8 form for browsers that read it). */
export function sendCsv(reply: FastifyReply, filename: string, stream: Readable) {
  const ascii = filename.replace(/[^\w.-]+/g, '_');
  return reply
    .type('text/csv; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(stream);
}

/** Today (UTC) for file names: `contacts-2024-05-01.csv`. */
export const datedName = (stem: string, now = new Date()) => `${stem}-${now.toISOString().slice(0, 10)}.csv`;
