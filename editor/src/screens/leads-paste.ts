// Leads pasted by a marketer: a spreadsheet's CSV (or TSV) of phones, one lead a line. Without a
// header row the first column is the phone, the second the name and further ones attributes
// (`column_3`…). A header row — a first line without a digit in its first cell that names one of
// phone / 手机号, weixin / 微信号, name / 姓名 — names the columns instead, any other header being an
// attribute key. Each row is checked with the server's own schema, so the preview shows what the
// server would refuse.
import type { z } from 'zod';
import { leadBody } from '../../../shared/api/leads.ts';

export type LeadInput = {
  phone?: string;
  weixin?: string;
  name?: string;
  attributes?: Record<string, string>;
};

export type PastedLead = {
  /** 1-based line of the pasted text, as the marketer sees it. */
  line: number;
  lead: LeadInput;
  /** What the server's schema refuses in this row (`lead` as pasted then); empty when it will be sent. */
  issues: z.core.$ZodIssue[];
};

type Column = { role: 'phone' | 'weixin' | 'name' } | { role: 'attribute'; key: string };

const PHONE_HEADER =
  /^(?:phone|mobile|tel|telephone|cell|cellphone|(?:phone|mobile)[\s_-]*(?:number|no\.?)|手机|手机号码?|电话|电话号码|联系电话|联系方式)$/i;
const WEIXIN_HEADER = /^(?:weixin|wechat|wechat[\s_-]*id|wxid|微信|微信号)$/i;
const NAME_HEADER = /^(?:name|full[\s_-]*name|姓名|名字|称呼|客户姓名)$/i;

/** The cells of a CSV / TSV line: quoted cells may hold separators and doubled quotes. */
export function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && !cell.trim()) {
      cell = '';
      quoted = true;
    } else if (/[,;\t，；]/.test(ch)) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  // A spreadsheet keeps a long number as text with a leading apostrophe.
  return cells.map((c) =>
    c
      .trim()
      .replace(/^'(.*?)'?$/, '$1')
      .trim(),
  );
}

function headerColumn(header: string): Column {
  if (PHONE_HEADER.test(header)) return { role: 'phone' };
  if (WEIXIN_HEADER.test(header)) return { role: 'weixin' };
  if (NAME_HEADER.test(header)) return { role: 'name' };
  return { role: 'attribute', key: header.toLowerCase().replace(/[\s-]+/g, '_') };
}

const isHeader = (cells: string[]) =>
  !/\d/.test(cells[0] ?? '') && cells.some((cell) => headerColumn(cell).role !== 'attribute');

/** The columns a header row names; column 1 is the phone when it names neither phone nor weixin. */
function columnsOf(header: string[] | null, width: number): Column[] {
  const columns = Array.from({ length: width }, (_, i): Column => {
    const named = header?.[i];
    if (named) return headerColumn(named);
    if (i === 0) return { role: 'phone' };
    if (i === 1 && !header) return { role: 'name' };
    return { role: 'attribute', key: `column_${i + 1}` };
  });
  if (!columns.some((c) => c.role === 'phone' || c.role === 'weixin')) columns[0] = { role: 'phone' };
  return columns;
}

function leadOf(cells: string[], columns: Column[]): LeadInput {
  const lead: LeadInput = {};
  const attributes: Record<string, string> = {};
  cells.forEach((value, i) => {
    const column = columns[i];
    if (!value || !column) return;
    if (column.role === 'attribute') attributes[column.key] = value;
    else lead[column.role] ??= value;
  });
  if (Object.keys(attributes).length > 0) lead.attributes = attributes;
  return lead;
}

export function parseLeads(text: string): PastedLead[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, cells: cellsOf(raw) }))
    .filter(({ cells }) => cells.some(Boolean));
  const first = lines[0];
  const header = first && isHeader(first.cells) ? first.cells : null;
  const rows = header ? lines.slice(1) : lines;
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.cells.length));
  const columns = columnsOf(header, width);
  return rows.map(({ line, cells }) => {
    const lead = leadOf(cells, columns);
    const parsed = leadBody.safeParse(lead);
    // What the server will store: the phone as its 11 digits, text trimmed.
    if (!parsed.success) return { line, lead, issues: parsed.error.issues };
    if (parsed.data.phone) lead.phone = parsed.data.phone;
    return { line, lead, issues: [] };
  });
}
