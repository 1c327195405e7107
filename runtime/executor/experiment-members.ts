// Experiment members of one transaction's turns (the `em` CTE of the turn statement): a contact's first
// visit of a split or of a send with variants records the arm it got — the branch the split left by,
// the variant index the send sent — once; a later visit conflicts and changes nothing.
import { type SQL, sql } from 'drizzle-orm';
import type { TurnResult } from '../../shared/flow/index.ts';

/** The parts of a turn's scope a member row is made of. */
interface MemberScope {
  flowVersionId: string;
  contactId: string;
  now: Date;
  experiments?: ReadonlySet<string>;
}

const found = new WeakMap<object, ReadonlySet<string>>();

/**
 * The experiment nodes of a compiled machine (built once per machine): a `picked` guard's node is a
 * split; a `send` of more than one text has variants. The same nodes experiment-nodes.ts lists.
 */
export function experimentNodesOf(machine: object): ReadonlySet<string> {
  let nodes = found.get(machine);
  if (!nodes) {
    const ids = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const { type, params } = value as { type?: unknown; params?: { nodeId?: string; texts?: unknown[] } };
        if (params?.nodeId && (type === 'picked' || (type === 'send' && (params.texts?.length ?? 0) > 1)))
          ids.add(params.nodeId);
        Object.values(value).forEach(walk);
      }
    };
    walk((machine as { config?: unknown }).config ?? machine);
    nodes = ids;
    found.set(machine, nodes);
  }
  return nodes;
}

export class MemberBuffer {
  /** Keyed by (version, node, contact): within a transaction, too, the first visit wins. */
  private readonly rows = new Map<string, { v: string; n: string; c: string; arm: string; at: string }>();

  /** The members of the experiment nodes the turn entered: their arm is the variant sent, else the port left by. */
  add(scope: MemberScope, turn: TurnResult): void {
    if (!scope.experiments?.size) return;
    for (const v of turn.visits) {
      if (v.kind !== 'visit' || !scope.experiments.has(v.nodeId)) continue;
      const key = `${scope.flowVersionId}\u0000${v.nodeId}\u0000${scope.contactId}`;
      if (this.rows.has(key)) continue;
      const arm = armOf(turn, v.nodeId, v.visit);
      if (arm === null) continue;
      this.rows.set(key, {
        v: scope.flowVersionId,
        n: v.nodeId,
        c: scope.contactId,
        arm,
        at: scope.now.toISOString(),
      });
    }
  }

  clear(): void {
    this.rows.clear();
  }

  /**
   * The CTE `em`. Its keys never meet another transaction's: a contact's turns run with the contact
   * locked, so the conflict is only ever with a committed earlier visit.
   */
  insert(): SQL {
    return sql`em as (
        insert into experiment_members (flow_version_id, node_id, contact_id, arm, entered_at)
        select x.v, x.n, x.c, x.arm, x.at
        from jsonb_to_recordset(${JSON.stringify([...this.rows.values()])}::jsonb)
          as x(v uuid, n text, c uuid, arm text, at timestamptz)
        on conflict do nothing
      )`;
  }
}

function armOf(turn: TurnResult, nodeId: string, visit: number): string | null {
  for (const e of turn.effects)
    if (e.kind === 'send' && e.nodeId === nodeId && e.visit === visit) return String(e.variant);
  for (const v of turn.visits)
    if (v.kind === 'exit' && v.nodeId === nodeId && v.visit === visit) return v.port;
  return null;
}
