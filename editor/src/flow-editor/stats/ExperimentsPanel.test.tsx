// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Experiment, ExperimentsBody } from '../../../../shared/api/experiments.ts';
import type { FlowDocument } from '../../../../shared/flow/document.ts';
import { LangProvider } from '../../i18n.ts';
import { createFlowStore, FlowStoreProvider } from '../store.ts';
import { ExperimentsPanel } from './ExperimentsPanel.tsx';

const FLOW = '00000000-0000-4000-8000-000000000001';
const at = { x: 0, y: 0 };
const doc = (texts: string[]): FlowDocument => ({
  nodes: [
    {
      id: 'ab',
      type: 'split',
      position: at,
      data: {
        branches: [
          { name: 'a', weight: 50 },
          { name: 'b', weight: 50 },
          { name: 'hold', weight: 10 },
        ],
      },
    },
    { id: 'hi', type: 'send', position: at, data: { text: texts[0], variants: texts.slice(1) } },
  ],
  edges: [],
});

const arm = (key: string, contacts: number, converted: number, extra: object = {}) => ({
  key,
  label: key,
  contacts,
  converted,
  rate: converted / contacts,
  ci95: [converted / contacts - 0.02, converted / contacts + 0.02] as [number, number],
  pValue: 0.0004,
  holdout: false,
  lift: null,
  ...extra,
});
const split: Experiment = {
  nodeId: 'ab',
  type: 'split',
  label: '开场白测试',
  pValue: 0.0004,
  winner: 'a',
  arms: [
    arm('a', 1000, 150, { pValue: null, lift: { diff: 0.1, ci95: [0.07, 0.13], relative: 2 } }),
    arm('b', 1000, 100, { lift: { diff: 0.05, ci95: [0.02, 0.08], relative: 1 } }),
    arm('hold', 1000, 50, { holdout: true }),
  ],
};
const send: Experiment = {
  nodeId: 'hi',
  type: 'send',
  label: null,
  pValue: 0.7,
  winner: null,
  arms: [
    arm('0', 300, 30, { label: '你好', pValue: 0.7 }),
    arm('1', 300, 33, { label: '您好', pValue: null }),
  ],
};
const body = (experiments: Experiment[]): ExperimentsBody => ({
  version: 1,
  goal: 'bought',
  goals: ['bought', 'lead'],
  from: null,
  to: null,
  minContacts: 100,
  experiments,
});

function setup(experiments: Experiment[], draft = doc(['你好', '您好'])) {
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(body(experiments))));
  vi.stubGlobal('fetch', fetch);
  const store = createFlowStore(FLOW, draft);
  // Stats mode: the published version is shown, the draft waits beside it.
  store.getState().viewVersion(1, doc(['你好', '您好']));
  const onFocusNode = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <LangProvider lang="en" setLang={() => {}}>
        <FlowStoreProvider store={store}>
          <ExperimentsPanel flowId={FLOW} version={1} onFocusNode={onFocusNode} />
        </FlowStoreProvider>
      </LangProvider>
    </QueryClientProvider>,
  );
  return { store, onFocusNode, fetch };
}

const dataOf = (nodes: { id: string; data: unknown }[], id: string) =>
  nodes.find((n) => n.id === id)!.data as Record<string, unknown>;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ExperimentsPanel', () => {
  it('shows each arm with rate, interval, p-value, the holdout and its lift, and the winner', async () => {
    setup([split, send]);
    const card = await screen.findByTestId('experiment-ab');
    expect(within(card).getByTestId('winner-badge').textContent).toBe('Winner: a');
    const a = within(card).getByTestId('arm-ab-a');
    expect(a.textContent).toContain('15.0%');
    expect(a.textContent).toContain('(13.0%–17.0%)');
    expect(a.textContent).toContain('Leading');
    expect(a.textContent).toContain('+10.0%');
    expect(within(card).getByTestId('arm-ab-b').textContent).toContain('< 0.001');
    expect(within(card).getByTestId('arm-ab-hold').textContent).toContain('Holdout');
    // No winner: no badge, no button, and no lift column without a holdout.
    const other = screen.getByTestId('experiment-hi');
    expect(within(other).queryByTestId('winner-badge')).toBeNull();
    expect(within(other).queryByTestId('make-default')).toBeNull();
    expect(other.textContent).toContain('No significant winner yet');
    expect(other.textContent).not.toContain('Lift vs holdout');
  });

  it('focuses the card on the canvas from a row', async () => {
    const { onFocusNode } = setup([split]);
    fireEvent.click(await screen.findByTestId('arm-ab-b'));
    expect(onFocusNode).toHaveBeenCalledWith('ab');
  });

  it('asks for another goal', async () => {
    const { fetch } = setup([split]);
    fireEvent.change(await screen.findByTestId('experiments-goal'), { target: { value: 'lead' } });
    await vi.waitFor(() => expect(fetch.mock.calls.at(-1)![0]).toContain('goal=lead'));
  });

  it('makes a winning branch the default in the draft, not in the shown version', async () => {
    const { store } = setup([split]);
    const revision = store.getState().revision;
    fireEvent.click(await screen.findByTestId('make-default'));
    const weights = (
      dataOf(store.getState().draftSnapshot().nodes, 'ab').branches as { weight: number }[]
    ).map((b) => b.weight);
    expect(weights).toEqual([100, 0, 0]);
    expect(store.getState().revision).toBe(revision + 1);
    expect((dataOf(store.getState().nodes, 'ab').branches as { weight: number }[])[0]!.weight).toBe(50);
    expect(screen.getByRole('status').textContent).toContain('“a” is now the default');
    // Back to the draft: the change is there, and one undo takes it back.
    store.getState().backToDraft();
    expect((dataOf(store.getState().nodes, 'ab').branches as { weight: number }[])[0]!.weight).toBe(100);
    store.getState().undo();
    expect((dataOf(store.getState().nodes, 'ab').branches as { weight: number }[])[0]!.weight).toBe(50);
  });

  it('makes a winning text the only text of a send', async () => {
    const { store } = setup([{ ...send, winner: '1' }]);
    fireEvent.click(await screen.findByTestId('make-default'));
    expect(dataOf(store.getState().draftSnapshot().nodes, 'hi')).toMatchObject({
      text: '您好',
      variants: [],
    });
  });

  it('says so when the draft no longer has the winner', async () => {
    const { store } = setup([{ ...send, winner: '1' }], doc(['Hello', 'Hi']));
    const revision = store.getState().revision;
    fireEvent.click(await screen.findByTestId('make-default'));
    expect(screen.getByRole('status').textContent).toBe('The draft no longer has this card or branch.');
    expect(store.getState().revision).toBe(revision);
  });
});
