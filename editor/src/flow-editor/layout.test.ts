import { describe, expect, it } from 'vitest';
import type { CanvasNode } from './canvas-document.ts';
import { freeSpot, hasOverlaps, layoutNodes, NODE_WIDTH } from './layout.ts';

const node = (id: string, x = 0, y = 0): CanvasNode => ({ id, type: 'send', position: { x, y }, data: {} });

describe('layout', () => {
  it('lays a chain out top to bottom without overlaps', () => {
    const nodes = [node('a'), node('b'), node('c')];
    const edges = [
      { id: 'e1', source: 'a', target: 'b' },
      { id: 'e2', source: 'b', target: 'c' },
    ];
    expect(hasOverlaps(nodes)).toBe(true);
    const laid = layoutNodes(nodes, edges);
    expect(hasOverlaps(laid)).toBe(false);
    const [a, b, c] = laid.map((n) => n.position.y);
    expect(a! < b! && b! < c!).toBe(true);
  });

  it('finds a free spot beside nodes already below the anchor', () => {
    const taken = [node('a', 0, 200)];
    expect(freeSpot({ x: 0, y: 200 }, taken)).toEqual({ x: NODE_WIDTH + 48, y: 200 });
    expect(freeSpot({ x: 0, y: 600 }, taken)).toEqual({ x: 0, y: 600 });
  });
});
