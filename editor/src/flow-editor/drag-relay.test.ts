import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { CanvasNode } from './canvas-document.ts';
import { createDragRelay } from './drag-relay.ts';

const node = (id: string, x: number): CanvasNode => ({
  id,
  type: 'send',
  position: { x, y: 0 },
  data: { text: id },
});

function setup() {
  const live = { nodes: [node('a', 0), node('b', 500)] };
  const commits: NodeChange<CanvasNode>[][] = [];
  const relay = createDragRelay({
    live: () => ({ nodes: live.nodes, setNodes: (nodes) => (live.nodes = nodes) }),
    commit: (changes) => commits.push(changes),
  });
  return { live, commits, relay };
}

const frame = (id: string, x: number): NodeChange<CanvasNode> => ({
  type: 'position',
  id,
  position: { x, y: 0 },
  dragging: true,
});

describe('createDragRelay', () => {
  it('moves only the live nodes while dragging and commits once when the drag ends', () => {
    const { live, commits, relay } = setup();
    relay([frame('a', 10)]);
    relay([frame('a', 20)]);
    expect(commits).toEqual([]);
    expect(live.nodes[0]?.position).toEqual({ x: 20, y: 0 });
    expect(live.nodes[1]?.position).toEqual({ x: 500, y: 0 });

    relay([{ type: 'position', id: 'a', position: { x: 20, y: 0 }, dragging: false }]);
    expect(commits).toEqual([[{ type: 'position', id: 'a', position: { x: 20, y: 0 }, dragging: false }]]);
  });

  it('carries the latest drag positions along with any other change that comes mid-drag', () => {
    const { commits, relay } = setup();
    relay([frame('a', 10)]);
    relay([frame('a', 30)]);
    const measured: NodeChange<CanvasNode> = {
      type: 'dimensions',
      id: 'b',
      dimensions: { width: 272, height: 90 },
    };
    relay([measured]);
    expect(commits).toEqual([[frame('a', 30), measured]]);

    // The drag's own end settles it: nothing is carried afterwards.
    relay([{ type: 'position', id: 'a', position: { x: 40, y: 0 }, dragging: false }]);
    relay([{ type: 'select', id: 'b', selected: true }]);
    expect(commits[2]).toEqual([{ type: 'select', id: 'b', selected: true }]);
  });

  it('passes every change straight through when nothing is being dragged', () => {
    const { live, commits, relay } = setup();
    const before = live.nodes;
    relay([{ type: 'remove', id: 'b' }]);
    relay([{ type: 'select', id: 'a', selected: true }]);
    expect(commits).toEqual([[{ type: 'remove', id: 'b' }], [{ type: 'select', id: 'a', selected: true }]]);
    expect(live.nodes).toBe(before);
  });
});
