// Coupon codes pasted or uploaded by a marketer: one per line (or comma/semicolon/tab separated, as
// a CSV export gives them), trimmed, blank and repeated entries dropped, in their first order.
export function parseCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\r\n,;\t]+/)) {
    const code = raw
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (code) seen.add(code);
  }
  return [...seen];
}
