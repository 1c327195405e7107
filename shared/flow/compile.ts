// `compile(graph)`: a flow without lint errors becomes a JSON XState machine config and its entry
// points. Each node type's compile rule builds its own state; this file only wires ports to states
// and adds the visit count every node shares. The lint has migrated every node's data to its type's
// current version, and the machine records the vocabulary it speaks, so both can be stored for good.

import { nodeRegistry } from '../nodes/index.ts';
import type { ModelNode } from './analyze.ts';
import { type Issue, splitIssues } from './issues.ts';
import {
  COMPLETED,
  EXITED,
  IDLE,
  type MachineConfig,
  type StateConfig,
  type TransitionConfig,
} from './machine-config.ts';
import type { CompileKit } from './node-definition.ts';
import { act, when } from './refs.ts';
import type { NodeRegistry } from './registry.ts';
import { stateKey } from './state-keys.ts';
import { type LintContext, lint } from './validate.ts';
import { VOCABULARY } from './vocabulary.ts';

/**
 * A trigger the runtime can start a run at: send `{type: 'START', entry: nodeId}`. `data` is at the
 * trigger type's `version` (absent in entries stored before it was recorded: 1).
 */
export type FlowEntry = { nodeId: string; type: string; version?: number; data: Record<string, unknown> };

/** What a published version stores; `versionHash` (server) names it. */
export type CompiledFlow = { machine: MachineConfig; entries: FlowEntry[] };

export type CompileResult =
  | ({ ok: true; warnings: Issue[] } & CompiledFlow)
  | { ok: false; errors: Issue[]; warnings: Issue[] };

export const MACHINE_ID = 'flow';

function nodeState(node: ModelNode, links: Map<string, string> | undefined): StateConfig {
  const { id: nodeId, definition, data } = node;
  const key = stateKey(nodeId);
  const exitPorts: readonly string[] = definition!.exitPorts ?? [];
  const kit: CompileKit = {
    nodeId,
    port(port, extra = {}) {
      const next = links?.get(port);
      const target = next === undefined ? (exitPorts.includes(port) ? EXITED : COMPLETED) : stateKey(next);
      const transition: TransitionConfig = {
        target,
        ...(extra.guard ? { guard: extra.guard } : {}),
        actions: [...(extra.actions ?? []), act('exit', { nodeId, port })],
      };
      // Without `reenter`, XState treats a transition to the state itself as staying in it.
      return target === key ? { ...transition, reenter: true } : transition;
    },
    finish: () => ({ target: COMPLETED }),
  };
  const state = definition!.compile(data!, kit);
  return {
    ...state,
    entry: [act('visit', { nodeId }), ...(state.entry ?? [])],
    meta: { ...state.meta, nodeId },
  };
}

function buildMachine(nodes: ModelNode[], links: Map<string, Map<string, string>>): MachineConfig {
  const triggers = nodes.filter((node) => node.definition!.trigger);
  const states: Record<string, StateConfig> = {
    [IDLE]: {
      on: {
        START: triggers.map((node) => ({
          target: stateKey(node.id),
          guard: when('isTrigger', { nodeId: node.id }),
        })),
      },
    },
    [COMPLETED]: { type: 'final' },
    [EXITED]: { type: 'final' },
  };
  for (const node of nodes) states[stateKey(node.id)] = nodeState(node, links.get(node.id));
  return { id: MACHINE_ID, initial: IDLE, vocabulary: VOCABULARY, states };
}

/**
 * Compiles a flow; with lint errors it returns them instead (it never throws on bad input). `context`
 * is the lint's (the workspace's room sets, for `unknown_room_set` warnings).
 */
export function compile(
  graph: unknown,
  context: LintContext = {},
  registry: NodeRegistry = nodeRegistry,
): CompileResult {
  const model = lint(graph, context, registry);
  const { errors, warnings } = splitIssues(model.issues);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const machine = buildMachine(model.nodes, model.links);
  const entries = model.nodes
    .filter((node) => node.definition!.trigger)
    .map((node) => ({
      nodeId: node.id,
      type: node.type,
      version: node.definition!.version,
      data: node.data!,
    }));
  return { ok: true, warnings, machine, entries };
}
