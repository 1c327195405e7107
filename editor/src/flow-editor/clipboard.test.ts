// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import onboarding from '../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { PASTE_OFFSET, readClipboard } from './clipboard.ts';
import { createFlowStore } from './store.ts';

const store = (id: string) => createFlowStore(id, structuredClone(onboarding), 'Onboarding');

afterEach(() => localStorage.clear());

describe('the clipboard', () => {
  it('pastes a copy made in one flow into another, with the edges between the copied nodes', () => {
    const from = store('00000000-0000-4000-8000-000000000001');
    from.getState().onNodesChange([
      { type: 'select', id: 'greet', selected: true },
      { type: 'select', id: 'city', selected: true },
    ]);
    from.getState().copy();

    const into = createFlowStore('00000000-0000-4000-8000-000000000002', { nodes: [], edges: [] }, 'Empty');
    into.getState().paste();
    const { nodes, edges } = into.getState();
    expect(nodes.map((n) => n.type).sort()).toEqual(['ask', 'send']);
    expect(nodes.find((n) => n.type === 'send')?.position).toEqual({
      x: PASTE_OFFSET,
      y: 120 + PASTE_OFFSET,
    });
    expect(edges).toHaveLength(1);
    expect(into.getState().history.past).toHaveLength(1);
  });

  it('ignores whatever else is stored under its key', () => {
    for (const junk of ['not json', '{"nodes": "x"}', '{"nodes": []}', '[1, 2]']) {
      localStorage.setItem('wefunnel.clipboard', junk);
      expect(readClipboard()).toBeNull();
      const into = store('00000000-0000-4000-8000-000000000003');
      const before = into.getState().nodes.length;
      into.getState().paste();
      expect(into.getState().nodes).toHaveLength(before);
    }
  });

  it('drops stored edges that leave the copied nodes', () => {
    localStorage.setItem(
      'wefunnel.clipboard',
      JSON.stringify({
        nodes: [{ id: 'a', type: 'send', position: { x: 0, y: 0 }, data: { text: 'hi' } }],
        edges: [{ id: 'e', source: 'a', target: 'elsewhere' }],
      }),
    );
    expect(readClipboard()?.edges).toEqual([]);
  });
});
