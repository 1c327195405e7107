// Which cards of a flow document are experiments, and their arms: a `split`'s branches (a branch that
// sends nothing afterwards is a holdout) and a `send`'s `[text, ...variants]`. Also how the draft
// adopts a winner ("make the winner the default").
import { type FlowDocument, type FlowNode, flowDocumentSchema } from '../flow/document.ts';
import { upgradeNode } from '../flow/node-versions.ts';
import { nodeRegistry } from '../nodes/index.ts';

/** Cards that reach the contact: a branch leading to none of them sends nothing. */
const REACHES_CONTACT = new Set(['send', 'invite_room', 'coupon']);

export interface ExperimentArmNode {
  key: string;
  label: string;
  holdout: boolean;
}

export interface ExperimentNode {
  nodeId: string;
  type: 'split' | 'send';
  label: string | null;
  arms: ExperimentArmNode[];
}

/** The node's data as its type reads it; null when it does not parse (an unpublishable draft card). */
export function dataOf<T>(node: FlowNode): T | null {
  const parsed = nodeRegistry.get(node.type)?.data.safeParse(upgradeNode(node, nodeRegistry).data ?? {});
  return parsed?.success ? (parsed.data as T) : null;
}

/** Whether a card that reaches the contact follows `nodeId`'s `port` (the split itself not crossed again). */
function sendsAfter(doc: FlowDocument, nodeId: string, port: string): boolean {
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  const seen = new Set<string>([nodeId]);
  const queue = doc.edges.filter((e) => e.source === nodeId && e.sourceHandle === port).map((e) => e.target);
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (REACHES_CONTACT.has(types.get(id) ?? '')) return true;
    for (const e of doc.edges) if (e.source === id) queue.push(e.target);
  }
  return false;
}

/** A stored graph as a document; one that does not parse has no cards (a version always parses). */
export function readDocument(graph: unknown): FlowDocument {
  const parsed = flowDocumentSchema.safeParse(graph);
  return parsed.success ? parsed.data : { nodes: [], edges: [] };
}

/** Every experiment of the document, in graph order. */
export function experimentNodes(doc: FlowDocument): ExperimentNode[] {
  const out: ExperimentNode[] = [];
  for (const node of doc.nodes) {
    const label = node.label?.trim() || null;
    if (node.type === 'split') {
      const data = dataOf<{ branches: { name: string }[] }>(node);
      if (!data) continue;
      out.push({
        nodeId: node.id,
        type: 'split',
        label,
        arms: data.branches.map(({ name }) => ({
          key: name,
          label: name,
          holdout: !sendsAfter(doc, node.id, name),
        })),
      });
    } else if (node.type === 'send') {
      const data = dataOf<{ text: string; variants: string[] }>(node);
      if (!data?.variants.length) continue;
      const texts = [data.text, ...data.variants];
      out.push({
        nodeId: node.id,
        type: 'send',
        label,
        arms: texts.map((text, i) => ({ key: String(i), label: text, holdout: false })),
      });
    }
  }
  return out;
}

/** The goal names of the document, each once, in graph order. */
export function goalNames(doc: FlowDocument): string[] {
  const names = doc.nodes
    .filter((n) => n.type === 'goal')
    .map((n) => dataOf<{ name: string }>(n)?.name)
    .filter((name): name is string => !!name);
  return [...new Set(names)];
}

/**
 * The draft card's data once `winner` (an arm of the experiment as the published version had it) is the
 * default: a split sends everyone down the winning branch (weight 100, the others 0, branches kept so
 * the test can be resumed); a send's winning text becomes its only text (the other variants removed).
 * Null when the draft no longer has that card, branch or text.
 */
export function adoptWinner(
  experiment: Pick<ExperimentNode, 'type'>,
  winner: Pick<ExperimentArmNode, 'key' | 'label'>,
  draftData: unknown,
): Record<string, unknown> | null {
  const data = (draftData ?? {}) as Record<string, unknown>;
  if (experiment.type === 'split') {
    const branches = data.branches as { name: string; weight: number }[] | undefined;
    if (!Array.isArray(branches) || !branches.some((b) => b.name === winner.key)) return null;
    return { ...data, branches: branches.map((b) => ({ ...b, weight: b.name === winner.key ? 100 : 0 })) };
  }
  const texts = [data.text, ...((data.variants as unknown[] | undefined) ?? [])];
  if (!texts.includes(winner.label)) return null;
  return { ...data, text: winner.label, variants: [] };
}
