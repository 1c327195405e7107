import { afterEach, describe, expect, it, vi } from 'vitest';
import onboarding from '../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { PASTE_OFFSET } from './clipboard.ts';
import { createFlowStore } from './store.ts';

const FLOW = '00000000-0000-4000-8000-000000000001';
const fresh = () => createFlowStore(FLOW, structuredClone(onboarding), 'Onboarding');

afterEach(() => vi.useRealTimers());

describe('flow store', () => {
  it('undoes and redoes an added node, and counts each as a document change', () => {
    const store = fresh();
    const before = store.getState().nodes.length;
    const id = store.getState().addNode('send', { x: 10, y: 20 });
    expect(store.getState().nodes).toHaveLength(before + 1);
    expect(store.getState().nodes.find((n) => n.id === id)?.data).toEqual({
      text: '你好 {{contact.name|朋友}}！',
      variants: [],
    });
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(before);
    store.getState().redo();
    expect(store.getState().nodes.map((n) => n.id)).toContain(id);
    expect(store.getState().revision).toBe(3);
  });

  it('takes one snapshot per drag, not per frame', () => {
    const store = fresh();
    const move = (y: number, dragging: boolean) =>
      store.getState().onNodesChange([{ type: 'position', id: 'greet', position: { x: 0, y }, dragging }]);
    move(130, true);
    move(140, true);
    move(150, false);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'greet')?.position).toEqual({ x: 0, y: 120 });
  });

  it('folds a burst of edits to one node into one undo step', () => {
    vi.useFakeTimers();
    const store = fresh();
    store.getState().updateNodeData('greet', { text: 'H' });
    vi.advanceTimersByTime(200);
    store.getState().updateNodeData('greet', { text: 'Hi' });
    vi.advanceTimersByTime(5000);
    store.getState().updateNodeData('greet', { text: 'Hi!' });
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'greet')?.data).toEqual({ text: 'Hi' });
  });

  it('pastes copies under new ids, offset, with the edges between them', () => {
    const store = fresh();
    store.getState().onNodesChange([
      { type: 'select', id: 'greet', selected: true },
      { type: 'select', id: 'city', selected: true },
    ]);
    store.getState().copy();
    store.getState().paste();
    const { nodes, edges } = store.getState();
    const pasted = nodes.filter((n) => n.selected);
    expect(pasted).toHaveLength(2);
    expect(pasted.map((n) => n.id)).not.toContain('greet');
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const copyOfGreet = pasted.find((n) => n.type === 'send')!;
    expect(copyOfGreet.position).toEqual({ x: PASTE_OFFSET, y: 120 + PASTE_OFFSET });
    const inner = edges.filter((e) => e.source === copyOfGreet.id);
    expect(inner).toHaveLength(1);
    expect(pasted.map((n) => n.id)).toContain(inner[0]!.target);
    store.getState().paste();
    expect(store.getState().nodes.filter((n) => n.selected)[0]!.position.y).toBe(120 + 2 * PASTE_OFFSET);
  });

  it('deletes the selection with its edges in one undo step', () => {
    const store = fresh();
    store.getState().selectNode('city');
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((n) => n.id)).not.toContain('city');
    expect(store.getState().edges.some((e) => e.source === 'city' || e.target === 'city')).toBe(false);
    store.getState().undo();
    expect(store.getState().edges.filter((e) => e.source === 'city' || e.target === 'city')).toHaveLength(2);
  });

  it('refuses a connection from an occupied port and accepts a free one', () => {
    const store = fresh();
    const count = store.getState().edges.length;
    store.getState().onConnect({ source: 'greet', sourceHandle: 'next', target: 'done', targetHandle: null });
    expect(store.getState().edges).toHaveLength(count);
    store
      .getState()
      .onConnect({ source: 'city', sourceHandle: 'timeout', target: 'done', targetHandle: null });
    expect(store.getState().edges).toHaveLength(count + 1);
  });

  it('shows a version read-only, then restores it as the draft (undoable)', () => {
    const store = fresh();
    const version = { nodes: [{ id: 'only', type: 'end', position: { x: 0, y: 0 }, data: {} }], edges: [] };
    store.getState().viewVersion(2, version);
    expect(store.getState()).toMatchObject({ readOnly: true, viewingVersion: 2 });
    store.getState().addNode('send', { x: 0, y: 0 });
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['only']);
    store.getState().backToDraft();
    expect(store.getState().nodes).toHaveLength(onboarding.nodes.length);
    store.getState().viewVersion(2, version);
    const revision = store.getState().revision;
    store.getState().restoreAsDraft();
    expect(store.getState()).toMatchObject({ readOnly: false, viewingVersion: null, revision: revision + 1 });
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['only']);
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(onboarding.nodes.length);
  });

  it('selectNode selects exactly one node and asks the view to focus it', () => {
    const store = fresh();
    store.getState().selectNode('age');
    store.getState().selectNode('age');
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['age']);
    expect(store.getState().focus).toEqual({ nodeId: 'age', seq: 2 });
  });

  it("connects a node added under another from that node's free port", () => {
    const store = fresh();
    const id = store.getState().addNode('end', { x: 0, y: 400 }, { source: 'city', sourceHandle: 'timeout' });
    expect(store.getState().edges.find((e) => e.target === id)).toMatchObject({
      source: 'city',
      sourceHandle: 'timeout',
    });
    const taken = store
      .getState()
      .addNode('end', { x: 0, y: 500 }, { source: 'city', sourceHandle: 'answered' });
    expect(store.getState().edges.some((e) => e.target === taken)).toBe(false);
  });

  it('keeps the draft for saving while a version is shown', () => {
    const store = fresh();
    store.getState().viewVersion(1, { nodes: [], edges: [] });
    expect(store.getState().nodes).toHaveLength(0);
    expect(store.getState().draftSnapshot().nodes).toHaveLength(onboarding.nodes.length);
  });
});
