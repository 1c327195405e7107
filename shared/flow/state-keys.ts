// Node ids become state keys. XState gives '.' and '#' a meaning in state ids and targets, so an
// id with any character outside [A-Za-z0-9_-] is rewritten, with a hash of the id to keep keys unique.

import { cyrb53 } from './hash.ts';

const SAFE = /^[A-Za-z0-9_-]+$/;

/**
 * `n_<id>` for safe ids; `x_<sanitized>_<hash>` otherwise. The two prefixes cannot collide with
 * each other nor with the machine's own states (`idle`, `completed`, `exited`).
 */
export function stateKey(nodeId: string): string {
  if (SAFE.test(nodeId)) return `n_${nodeId}`;
  return `x_${nodeId.replace(/[^A-Za-z0-9_-]/g, '_')}_${cyrb53(nodeId).toString(36)}`;
}
