// Sticky per-contact picks: cyrb53, pure JS so the editor's simulator and every runtime process pick
// alike. Stored runs depend on these numbers: never change them. (A published version's SHA-256 is
// node:crypto's, taken where the version is stored: server/flows/publish.ts.)

/** cyrb53: a fast 53-bit string hash with good spread; stable forever, so picks never reshuffle. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A number in [0, 1) fixed for one contact at one node: the same contact always gets the same pick. */
export const stickyUnit = (contactId: string, nodeId: string): number =>
  cyrb53(`${contactId}\u0000${nodeId}`) / 2 ** 53;

/** Index chosen by `unit` in proportion to `weights` (non-negative, some positive). */
export function pickWeighted(unit: number, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let cursor = unit * total;
  for (let i = 0; i < weights.length; i++) {
    cursor -= weights[i]!;
    if (cursor < 0) return i;
  }
  return Math.max(
    0,
    weights.findLastIndex((weight) => weight > 0),
  );
}
