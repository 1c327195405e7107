// Lint rules about the shape of the graph: instant loops, unreachable nodes, message bursts and
// dead ends. Iterative throughout: a generated flow may chain thousands of nodes.

import { type FlowModel, type ModelNode, portLabel } from './analyze.ts';
import type { Issue } from './issues.ts';
import { placeOf } from './places.ts';
import type { NodeRegistry } from './registry.ts';

const waits = (node: ModelNode | undefined): boolean => node?.definition?.waits === true;

/** Successor lists over the edges whose ends both exist. */
function successors(model: FlowModel): Map<string, string[]> {
  const next = new Map<string, string[]>(model.nodes.map((node) => [node.id, []]));
  for (const edge of model.edges) next.get(edge.source)?.push(edge.target);
  return next;
}

/** Strongly connected components (Tarjan, with an explicit stack). */
function components(ids: string[], next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
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
      const targets = next.get(id) ?? [];
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

const titleOf = (model: FlowModel, id: string): string => {
  const node = model.byId.get(id);
  return placeOf(node?.definition, node?.type ?? '').text;
};

/**
 * Successor lists along which a run moves on in the same turn: every edge of a node that does not
 * wait, and of one that does, the edges of its `instantPorts` only.
 */
function instantSuccessors(model: FlowModel): Map<string, string[]> {
  const next = new Map<string, string[]>(model.nodes.map((node) => [node.id, []]));
  for (const edge of model.edges) {
    const source = model.byId.get(edge.source);
    const instant =
      !waits(source) || (edge.port !== null && source?.definition?.instantPorts?.includes(edge.port));
    if (instant) next.get(edge.source)?.push(edge.target);
  }
  return next;
}

export function instantLoops(model: FlowModel, registry: NodeRegistry): Issue[] {
  const next = instantSuccessors(model);
  const ids = model.nodes.map((node) => node.id);
  const waitingTypes = registry.types.filter((type) => type.waits);
  const waiting = waitingTypes.map((type) => type.label.en);
  return components(ids, next)
    .filter(([first, ...rest]) => rest.length > 0 || (next.get(first!) ?? []).includes(first!))
    .map((ids) => {
      const cycle = ids.map((id) => titleOf(model, id));
      const message = `These cards loop without a card that waits (${waiting.join(', ')}): ${cycle.join(' → ')}`;
      const params = {
        cycle,
        cycleTypes: ids.map((id) => model.byId.get(id)?.type ?? ''),
        count: cycle.length,
        waiting,
        waitingTypes: waitingTypes.map((type) => type.type),
      };
      return { code: 'instant_loop', message, params, nodeId: ids[0]! };
    });
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
    .map((node) => {
      const { text, params } = placeOf(node.definition, node.type);
      return {
        code: 'unreachable',
        message: `${text}: no trigger leads to this card`,
        params,
        nodeId: node.id,
      };
    });
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
      const { text, params } = placeOf(node.definition, node.type);
      const message = `${text}: ${count} or more messages in a row without a wait: add a wait or a question`;
      issues.push({ code: 'message_burst', message, params: { ...params, count }, nodeId: id });
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

/** A port with no edge: the run ends there, `exited` for the type's exit ports, else `completed`. */
export type OpenEnd = { nodeId: string; port: string; ends: 'completed' | 'exited'; main: boolean };

/**
 * Every unwired port of the nodes whose ports are known. `main` ports (a type's `mainPorts`,
 * by default its first) get a `dead_end` warning; the others (`false`, `invalid`, `timeout`,
 * `exhausted`…) end the run on purpose, and the editor only hints at them on the card.
 */
export function openEnds(model: FlowModel): OpenEnd[] {
  return model.nodes.flatMap((node) => {
    const { definition, data, ports } = node;
    if (!definition || !data || !ports) return [];
    const main: string[] = definition.mainPorts?.(data) ?? ports.slice(0, 1);
    const exits: readonly string[] = definition.exitPorts ?? [];
    const links = model.links.get(node.id);
    return ports
      .filter((port) => !links?.has(port))
      .map((port) => ({
        nodeId: node.id,
        port,
        ends: exits.includes(port) ? ('exited' as const) : ('completed' as const),
        main: main.includes(port),
      }));
  });
}

export function deadEnds(model: FlowModel): Issue[] {
  return openEnds(model)
    .filter((end) => end.main)
    .map(({ nodeId, port }) => {
      const node = model.byId.get(nodeId)!;
      const { text, params } = placeOf(node.definition, node.type);
      const label = portLabel(node, port);
      return {
        code: 'dead_end',
        message: `${text}: the exit “${label}” leads nowhere: the run ends there`,
        params: { ...params, port, portLabel: label },
        nodeId,
        path: `ports.${port}`,
      };
    });
}

export function graphIssues(model: FlowModel, registry: NodeRegistry): Issue[] {
  const next = successors(model);
  return [
    ...instantLoops(model, registry),
    ...unreachable(model, next),
    ...messageBursts(model, next),
    ...deadEnds(model),
  ];
}
