// The canvas holds every node at its type's current data version and saves that version with it;
// a node saved by a newer build keeps its own version untouched.
import { describe, expect, it } from 'vitest';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { fromDocument, toDocument } from './canvas-document.ts';

describe('canvas documents', () => {
  it('record the version of each node type when saved, also for a draft written before versions', () => {
    const { nodes, edges } = fromDocument({
      nodes: [{ id: 'hi', type: 'send', position: { x: 1, y: 2 }, data: { text: '你好' } }],
      edges: [],
    });
    expect(toDocument(nodes, edges).nodes).toEqual([
      {
        id: 'hi',
        type: 'send',
        position: { x: 1, y: 2 },
        version: nodeRegistry.get('send')!.version,
        data: { text: '你好' },
      },
    ]);
  });

  it('keep the version of a node saved by a newer build, and none for an unknown type', () => {
    const newer = { id: 'hi', type: 'send', position: { x: 0, y: 0 }, version: 99, data: { lines: [] } };
    const unknown = { id: 'x', type: 'no.such', position: { x: 0, y: 0 }, data: {} };
    const { nodes, edges } = fromDocument({ nodes: [newer, unknown], edges: [] });
    expect(toDocument(nodes, edges).nodes).toEqual([newer, unknown]);
  });
});
