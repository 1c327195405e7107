// Coupon codes pasted or uploaded by a marketer: one code per line. A line with commas, semicolons or
// tabs is a row of a spreadsheet's CSV export, and its first column is the code (quotes stripped, as
// CSV quotes it). A header row ("code", "Codes", "券码", "优惠码"…), blank lines and repeats are
// dropped; codes keep their first order.
const HEADER = /^(?:(?:coupon|promo|voucher)[\s_-]*)?codes?$|^(?:优惠券?|兑换)?券?码$/i;

/** The first cell of a CSV / TSV line: a quoted cell may hold separators and doubled quotes. */
function firstCell(line: string): string {
  const text = line.replace(/^ +/, ''); // not tabs: a leading tab leaves the first cell empty
  if (text.startsWith('"')) {
    let cell = '';
    for (let i = 1; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else break;
    }
    return cell.trim();
  }
  const cell = text.split(/[,;\t]/, 1)[0]!.trim();
  return cell.replace(/^'(.*)'$/, '$1').trim();
}

export function parseCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const code = firstCell(line);
    if (code && !HEADER.test(code)) seen.add(code);
  }
  return [...seen];
}
