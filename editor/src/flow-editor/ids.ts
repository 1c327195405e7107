// Readable, unique ids for new nodes and edges: `send_k3f9`, `e_p2x7q1`.

const suffix = (length: number) =>
  Array.from({ length }, () => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(Math.random() * 32)]).join('');

function unique(prefix: string, taken: ReadonlySet<string>, length: number): string {
  for (;;) {
    const id = `${prefix}_${suffix(length)}`;
    if (!taken.has(id)) return id;
  }
}

/** A node id named after its type, so lint messages and stats stay legible. */
export const newNodeId = (type: string, taken: ReadonlySet<string>): string =>
  unique(type.replace(/^trigger\./, '').replace(/[^a-z0-9_]/g, '_'), taken, 4);

export const newEdgeId = (taken: ReadonlySet<string>): string => unique('e', taken, 6);
