// Reads a flow document into the model the lint and the compiler share: nodes with their parsed
// data and ports, and edges resolved to ports. Structural problems become issues, never exceptions.

import type { z } from 'zod';
import { schemaError, schemaIssueOf } from '../schema-issues.ts';
import { type FlowEdge, flowEdgeSchema, flowNodeSchema } from './document.ts';
import type { Issue } from './issues.ts';
import type { AnyNodeDefinition } from './node-definition.ts';
import { currentData } from './node-versions.ts';
import { listPlace, type Place, placeOf } from './places.ts';
import type { NodeRegistry } from './registry.ts';

export type ModelNode = {
  id: string;
  type: string;
  /** The card's name, when it was given one (never empty). */
  label?: string;
  definition: AnyNodeDefinition | undefined;
  /**
   * The data migrated to its type's current version, after its schema (defaults filled in); undefined
   * when the type is unknown, the version newer than this build reads, or the schema fails.
   */
  data: Record<string, unknown> | undefined;
  /** Port ids, known only when `data` is. */
  ports: string[] | undefined;
};

/** An edge whose two ends exist; `port` is null when the source's ports are not known. */
export type ModelEdge = { id: string; source: string; target: string; port: string | null };

export type FlowModel = {
  nodes: ModelNode[];
  byId: Map<string, ModelNode>;
  edges: ModelEdge[];
  /** source node → port → target node: the edges the compiler follows (the first per port). */
  links: Map<string, Map<string, string>>;
  issues: Issue[];
};

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * One `invalid_data` issue per zod issue of parsing `input`, said at `place(path)`: the card and
 * field, or the list entry; the zod issue itself goes along as data (`params.issue`).
 */
function zodIssues(
  error: z.ZodError,
  input: unknown,
  prefix: string,
  where: Pick<Issue, 'nodeId' | 'edgeId'>,
  place: (path: string) => Place,
): Issue[] {
  return error.issues.map((issue) => {
    const path = pathOf([...(prefix ? [prefix] : []), ...issue.path]);
    const { text, params } = place(path);
    return {
      code: 'invalid_data',
      message: `${text}: ${issue.message}`,
      params: { ...params, issue: schemaIssueOf(issue, input) },
      ...where,
      path,
    };
  });
}

/** A node written by a newer build, at a version of its type's data this build cannot read. */
function newerVersion(nodeId: string, definition: AnyNodeDefinition, version: number): Issue {
  const { text, params } = placeOf(definition, definition.type);
  const { message: sentence, params: values } = schemaError('node_version_newer', {
    version,
    known: definition.version,
  });
  const message = `${text}: ${sentence}`;
  const issue = { code: 'custom', params: values };
  return { code: 'invalid_data', message, params: { ...params, issue }, nodeId, path: 'version' };
}

function readNode(value: unknown, index: number, registry: NodeRegistry, issues: Issue[]): ModelNode | null {
  const parsed = flowNodeSchema.safeParse(value);
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error, value, `nodes.${index}`, {}, () => listPlace('nodes', index)));
    return null;
  }
  const { id, type } = parsed.data;
  const definition = registry.get(type);
  const named = parsed.data.label ? { label: parsed.data.label } : {};
  if (!definition) {
    const message = `Unknown card type \`${type}\``;
    issues.push({ code: 'unknown_type', message, params: { nodeType: type }, nodeId: id, path: 'type' });
    return { id, type, ...named, definition, data: undefined, ports: undefined };
  }
  const current = currentData(definition, parsed.data.data ?? {}, parsed.data.version);
  if (!current.ok) {
    issues.push(newerVersion(id, definition, current.version));
    return { id, type, ...named, definition, data: undefined, ports: undefined };
  }
  const input = current.data;
  const data = definition.data.safeParse(input);
  if (!data.success) {
    const place = (path: string) => placeOf(definition, type, path);
    issues.push(...zodIssues(data.error, input, 'data', { nodeId: id }, place));
    return { id, type, ...named, definition, data: undefined, ports: undefined };
  }
  return {
    id,
    type,
    ...named,
    definition,
    data: data.data,
    ports: definition.ports(data.data).map((port) => port.id),
  };
}

/** Nodes in document order; a second node with a taken id is reported and left out. */
function readNodes(raw: unknown[], registry: NodeRegistry, issues: Issue[]): ModelNode[] {
  const nodes: ModelNode[] = [];
  const seen = new Set<string>();
  for (const [index, value] of raw.entries()) {
    const node = readNode(value, index, registry, issues);
    if (!node) continue;
    if (seen.has(node.id)) {
      const { text, params } = placeOf(node.definition, node.type);
      const message = `${text}: another card has the same id`;
      issues.push({ code: 'duplicate_id', message, params: { ...params, element: 'node' }, nodeId: node.id });
      continue;
    }
    seen.add(node.id);
    nodes.push(node);
  }
  return nodes;
}

/** The English labels of a node's ports, in order (a split's branches are their own names). */
function portLabels(node: ModelNode): string[] {
  if (!node.definition || !node.data) return [];
  return node.definition.ports(node.data).map((port) => port.label.en);
}

/** The English label of one port of a node, or its id when the node's ports are not known. */
export function portLabel(node: ModelNode, port: string): string {
  if (!node.definition || !node.data) return port;
  const found = node.definition.ports(node.data).find((candidate) => candidate.id === port);
  return found?.label.en ?? port;
}

function resolvePort(edge: FlowEdge, source: ModelNode, issues: Issue[]): string | null | false {
  if (!source.ports) return null;
  const port = edge.sourceHandle ?? (source.ports.length === 1 ? source.ports[0]! : undefined);
  if (port !== undefined && source.ports.includes(port)) return port;
  const { text, params } = placeOf(source.definition, source.type);
  const labels = portLabels(source);
  const exits = labels.length
    ? `its exits: ${labels.map((label) => `“${label}”`).join(', ')}`
    : 'it has no exits';
  const message = `${text}: a connection leaves from an exit this card does not have (${exits})`;
  issues.push({
    code: 'unknown_port',
    message,
    params: { ...params, port: edge.sourceHandle ?? '', ports: source.ports, portLabels: labels },
    edgeId: edge.id,
    nodeId: source.id,
    path: 'sourceHandle',
  });
  return false;
}

function readEdge(edge: FlowEdge, byId: Map<string, ModelNode>, model: FlowModel): void {
  const source = byId.get(edge.source);
  const target = byId.get(edge.target);
  for (const [end, node] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (!node) {
      const message = `A connection ${end === 'source' ? 'comes from' : 'leads to'} a card that does not exist`;
      model.issues.push({ code: 'dangling_edge', message, params: { end }, edgeId: edge.id, path: end });
    }
  }
  if (!source || !target) return;
  if (target.definition?.trigger) {
    const { text, params } = placeOf(target.definition, target.type);
    const message = `${text}: a connection enters this trigger, but a trigger starts a run and has no input`;
    model.issues.push({
      code: 'trigger_has_incoming',
      message,
      params,
      edgeId: edge.id,
      nodeId: target.id,
      path: 'target',
    });
  }
  const port = resolvePort(edge, source, model.issues);
  if (port === false) return;
  model.edges.push({ id: edge.id, source: source.id, target: target.id, port });
  if (port === null) return;
  const links = model.links.get(source.id) ?? new Map<string, string>();
  model.links.set(source.id, links);
  if (links.has(port)) {
    const { text, params } = placeOf(source.definition, source.type);
    const label = portLabel(source, port);
    const message = `${text}: the exit “${label}” already has a connection: one exit leads to one card`;
    model.issues.push({
      code: 'port_reused',
      message,
      params: { ...params, port, portLabel: label },
      edgeId: edge.id,
      nodeId: source.id,
      path: 'sourceHandle',
    });
  } else links.set(port, target.id);
}

function readEdges(raw: unknown[], model: FlowModel): void {
  const seen = new Set<string>();
  for (const [index, value] of raw.entries()) {
    const parsed = flowEdgeSchema.safeParse(value);
    if (!parsed.success) {
      const place = () => listPlace('edges', index);
      model.issues.push(...zodIssues(parsed.error, value, `edges.${index}`, {}, place));
    } else if (seen.has(parsed.data.id)) {
      const edgeId = parsed.data.id;
      const message = 'Two connections share one id';
      model.issues.push({ code: 'duplicate_id', message, params: { element: 'edge' }, edgeId });
    } else {
      seen.add(parsed.data.id);
      readEdge(parsed.data, model.byId, model);
    }
  }
}

const asList = (value: unknown): unknown[] | null => (Array.isArray(value) ? value : null);

/** The model of any value: a non-document gives an empty model with one `invalid_data` issue. */
export function analyze(graph: unknown, registry: NodeRegistry): FlowModel {
  const issues: Issue[] = [];
  const record = typeof graph === 'object' && graph !== null ? (graph as Record<string, unknown>) : {};
  const rawNodes = asList(record.nodes);
  const rawEdges = record.edges === undefined ? [] : asList(record.edges);
  if (!rawNodes || !rawEdges) {
    const path = rawNodes ? 'edges' : 'nodes';
    const { message, params } = schemaError('flow_document');
    issues.push({ code: 'invalid_data', message, params: { issue: { code: 'custom', params } }, path });
  }
  const nodes = readNodes(rawNodes ?? [], registry, issues);
  const model: FlowModel = {
    nodes,
    byId: new Map(nodes.map((node) => [node.id, node])),
    edges: [],
    links: new Map(),
    issues,
  };
  readEdges(rawEdges ?? [], model);
  return model;
}
