import { describe, expect, it } from 'vitest';
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';
import { contentChanged } from './use-live-lint.ts';

const node: CanvasNode = { id: 'a', type: 'send', position: { x: 0, y: 0 }, data: { text: 'hi' } };
const edge: CanvasEdge = { id: 'e', source: 'a', target: 'b', sourceHandle: null };
const graph = { nodes: [node], edges: [edge] };

describe('contentChanged', () => {
  it('ignores measuring, selecting and moving, which change no lint issue', () => {
    expect(
      contentChanged(graph, { ...graph, nodes: [{ ...node, measured: { width: 272, height: 90 } }] }),
    ).toBe(false);
    expect(contentChanged(graph, { ...graph, nodes: [{ ...node, selected: true }] })).toBe(false);
    expect(contentChanged(graph, { ...graph, nodes: [{ ...node, position: { x: 40, y: 0 } }] })).toBe(false);
    expect(contentChanged(graph, { ...graph, edges: [{ ...edge, selected: true }] })).toBe(false);
  });

  it('sees nodes and edges added, removed or edited', () => {
    expect(contentChanged(graph, { ...graph, nodes: [{ ...node, data: { text: 'hello' } }] })).toBe(true);
    expect(contentChanged(graph, { ...graph, nodes: [] })).toBe(true);
    expect(contentChanged(graph, { ...graph, nodes: [{ ...node, id: 'b' }] })).toBe(true);
    expect(contentChanged(graph, { ...graph, edges: [{ ...edge, sourceHandle: 'answered' }] })).toBe(true);
    expect(contentChanged(graph, { ...graph, edges: [{ ...edge, target: 'c' }] })).toBe(true);
  });
});
