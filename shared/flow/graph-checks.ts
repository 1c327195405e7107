// Lint rules about the shape of the graph: instant loops, unreachable nodes, message bursts and
// dead ends. Iterative throughout: a generated flow may chain thousands of nodes.

import type { FlowModel, ModelNode } from './analyze.ts';
import type { Issue } from './issues.ts';

const waits = (node: ModelNode | undefined): boolean => node?.definition?.waits === true;

/** Successor lists over the edges whose ends both exist. */
function successors(model: FlowModel): Map<string, string[]> {
  const next = new Map<string, string[]>(model.nodes.map((node) => [node.id, []]));
  for (const edge of model.edges) next.get(edge.source)?.push(edge.target);
  return next;
}

/** Strongly connected components (Tarjan, with an explicit stack) of the graph restricted to `keep`. */
function components(ids: string[], next: Map<string, string[]>, keep: (id: string) => boolean): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (!keep(root) || index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [id, child] = frame;
      if (child === 0) {
        index.set(id, counter);
        low.set(id, counter++);
        stack.push(id);
        onStack.add(id);
      }
      const targets = (next.get(id) ?? []).filter(keep);
      if (child < targets.length) {
        frame[1]++;
        const target = targets[child]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(id, Math.min(low.get(id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(id)!));
      if (low.get(id) === index.get(id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== id);
        found.push(component.reverse());
      }
    }
  }
  return found;
}

export function instantLoops(model: FlowModel, next: Map<string, string[]>): Issue[] {
  const keep = (id: string) => !waits(model.byId.get(id));
  const ids = model.nodes.map((node) => node.id);
  return components(ids, next, keep)
    .filter(([first, ...rest]) => rest.length > 0 || (next.get(first!) ?? []).includes(first!))
    .map((cycle) => ({
      code: 'instant_loop',
      message: `These nodes loop without a node that waits (ask, wait, wait_reply): ${cycle.join(' → ')}`,
      nodeId: cycle[0]!,
    }));
}

export function unreachable(model: FlowModel, next: Map<string, string[]>): Issue[] {
  const triggers = model.nodes.filter((node) => node.definition?.trigger).map((node) => node.id);
  if (triggers.length === 0) return [];
  const reached = new Set(triggers);
  const queue = [...triggers];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const target of next.get(id) ?? []) {
      if (!reached.has(target)) reached.add(target) && queue.push(target);
    }
  }
  return model.nodes
    .filter((node) => !reached.has(node.id))
    .map((node) => ({ code: 'unreachable', message: `No trigger reaches ${node.id}`, nodeId: node.id }));
}

/**
 * Counts `send` nodes along paths that pass no waiting node, in topological order (nodes on a
 * cycle are already an `instant_loop` error and are skipped); warns where a chain reaches 5.
 */
export function messageBursts(model: FlowModel, next: Map<string, string[]>): Issue[] {
  const LIMIT = 4;
  const inDegree = new Map<string, number>(model.nodes.map((node) => [node.id, 0]));
  for (const targets of next.values()) for (const t of targets) inDegree.set(t, (inDegree.get(t) ?? 0) + 1);
  const run = new Map<string, number>();
  const ready = model.nodes.filter((node) => inDegree.get(node.id) === 0).map((node) => node.id);
  const issues: Issue[] = [];
  for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
    const node = model.byId.get(id);
    const count = (run.get(id) ?? 0) + (node?.definition?.burst ? 1 : 0);
    if (node?.definition?.burst && count === LIMIT + 1) {
      const message = `${LIMIT + 1} or more messages in a row without a wait: add a wait or a question`;
      issues.push({ code: 'message_burst', message, nodeId: id });
    }
    for (const target of next.get(id) ?? []) {
      if (!waits(node)) run.set(target, Math.max(run.get(target) ?? 0, count));
      const left = inDegree.get(target)! - 1;
      inDegree.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  return issues;
}

export function deadEnds(model: FlowModel): Issue[] {
  return model.nodes.flatMap((node) => {
    const { definition, data, ports } = node;
    if (!definition || !data || !ports || ports.length === 0) return [];
    const main: string[] = definition.mainPorts?.(data) ?? ports.slice(0, 1);
    const links = model.links.get(node.id);
    return main
      .filter((port) => !links?.has(port))
      .map((port) => ({
        code: 'dead_end',
        message: `Port ${port} of ${node.id} leads nowhere: the run ends there`,
        nodeId: node.id,
        path: `ports.${port}`,
      }));
  });
}

export function graphIssues(model: FlowModel): Issue[] {
  const next = successors(model);
  return [
    ...instantLoops(model, next),
    ...unreachable(model, next),
    ...messageBursts(model, next),
    ...deadEnds(model),
  ];
}
