// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DailyStatsBody } from '../../../../shared/api/flows.ts';
import onboarding from '../../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../../i18n.ts';
import { addDays, todayIn } from '../../screens/KpisRange.tsx';
import { createFlowStore, FlowStoreProvider } from '../store.ts';
import { FunnelPanel } from './FunnelPanel.tsx';
import { presetRange, rangeProblem } from './range.ts';

const FLOW = '00000000-0000-4000-8000-000000000001';
const versions = [1, 2].map((version) => ({
  version,
  publishedAt: `2025-01-0${version}T00:00:00.000Z`,
  publishedBy: null,
  hash: `h${version}`,
}));

/** Two days of counts: version 2 lost half at `age`, version 1 kept everyone. */
function daily(version: number, from: string, to: string): DailyStatsBody {
  const entered: Record<string, number> = { start: 10, greet: 10, city: 8, age: version === 2 ? 4 : 8 };
  const nodes: DailyStatsBody['nodes'] = {};
  const totals: DailyStatsBody['totals'] = {};
  for (const [id, n] of Object.entries(entered)) {
    nodes[id] = { entered: [n - 1, 1], exits: { next: [n - 2, 1] } };
    totals[id] = { entered: n, exits: {} };
  }
  return { version, timeZone: 'Asia/Shanghai', from, to, days: [from, to], nodes, totals };
}

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function setup() {
  const calls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://x');
      calls.push(url);
      if (url.pathname === '/api/me') return json({ role: 'owner', workspace: { timeZone: ZONE } });
      if (url.pathname.endsWith('/versions')) return json(versions);
      if (url.pathname.endsWith('/stats/daily')) {
        const q = url.searchParams;
        return json(daily(Number(q.get('version')), q.get('from')!, q.get('to')!));
      }
      return json({});
    }),
  );
  const store = createFlowStore(FLOW, structuredClone(onboarding));
  store.getState().setMode('stats');
  store.getState().viewVersion(2, structuredClone(onboarding));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LangProvider lang="en" setLang={() => {}}>
        <FlowStoreProvider store={store}>
          <FunnelPanel flowId={FLOW} />
        </FlowStoreProvider>
      </LangProvider>
    </QueryClientProvider>,
  );
  const dailyCalls = () =>
    calls.filter((u) => u.pathname.endsWith('/daily')).map((u) => Object.fromEntries(u.searchParams));
  return { store, dailyCalls };
}

const rows = () => screen.getAllByTestId('funnel-step').map((row) => row.textContent);

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('the range', () => {
  it('means today, the last 7 or 30 days; dates of one’s own must make a range the server takes', () => {
    expect(presetRange('today', '2026-03-10')).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(presetRange('7', '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(presetRange('30', '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    const today = '2026-03-10';
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-10' }, today)).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-03-10' }, today)).toBe('incomplete');
    expect(rangeProblem({ from: '2026-03-10', to: '2026-03-01' }, today)).toBe('reversed');
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-11' }, today)).toBe('future');
    expect(rangeProblem({ from: '2025-01-01', to: '2026-03-10' }, today)).toBe('tooLong');
  });
});

describe('FunnelPanel', () => {
  it('asks for the last 7 days, then today, and refuses a reversed range of its own', async () => {
    const { dailyCalls } = setup();
    await screen.findByTestId('funnel-table');
    const today = todayIn(ZONE);
    expect(dailyCalls()[0]).toEqual({ version: '2', from: addDays(today, -6), to: today });

    fireEvent.click(screen.getByTestId('funnel-range-today'));
    await vi.waitFor(() => expect(dailyCalls().at(-1)).toEqual({ version: '2', from: today, to: today }));

    fireEvent.click(screen.getByTestId('funnel-range-custom'));
    const asked = dailyCalls().length;
    fireEvent.change(screen.getByTestId('funnel-from'), { target: { value: addDays(today, 1) } });
    expect(screen.getByRole('alert').textContent).toBe('The start date must not be after the end date');
    expect(dailyCalls()).toHaveLength(asked);
  });

  it('draws the funnel along the path most took, with the share of the start and the loss', async () => {
    setup();
    await screen.findByTestId('funnel-chart');
    await vi.waitFor(() => expect(rows()[0]).toContain('1. Friend request'));
    expect(rows()[2]).toMatch(/3\. Ask.*8.*80%.*−2 \(20%\)/);
    expect(rows()[3]).toMatch(/4\. Ask.*4.*40%.*−4 \(50%\)/);
    // Cards nobody reached still end the funnel at the goal.
    expect(rows().at(-1)).toMatch(/Goal.*0/);
  });

  it('shows the selected card’s daily trend, by its name', async () => {
    const { store } = setup();
    await screen.findByTestId('funnel-table');
    expect(screen.queryByTestId('node-trend')).toBeNull();
    act(() => {
      store.setState({
        nodes: store.getState().nodes.map((n) => (n.id === 'city' ? { ...n, label: 'City' } : n)),
      });
      store.getState().selectNode('city');
    });
    const trend = await screen.findByTestId('node-trend');
    expect(within(trend).getByRole('heading').textContent).toBe('Daily trend of “City”');
    expect(rows()[2]).toContain('3. City');
  });

  it('builds a path from the cards clicked in pick mode', async () => {
    const { store } = setup();
    await screen.findByTestId('funnel-table');
    fireEvent.click(screen.getByTestId('funnel-path-pick'));
    expect(screen.getByTestId('funnel-picked').textContent).toContain('Click cards');
    // As a click on a card does: it is selected, the one before is not.
    const click = (id: string) =>
      act(() =>
        store
          .getState()
          .onNodesChange(
            store.getState().nodes.map((n) => ({ id: n.id, type: 'select' as const, selected: n.id === id })),
          ),
      );
    click('greet');
    click('age');
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[1]).toMatch(/2\. Ask.*4.*40%/);
    fireEvent.click(within(screen.getByTestId('funnel-picked')).getByText(/1\. Send message/));
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('compares two versions card by card', async () => {
    const { dailyCalls } = setup();
    await screen.findByTestId('funnel-table');
    fireEvent.change(screen.getByTestId('funnel-compare'), { target: { value: '1' } });
    await vi.waitFor(() => expect(screen.getByTestId('funnel-table').textContent).toContain('v1 entered'));
    expect(dailyCalls().some((q) => q.version === '1')).toBe(true);
    await vi.waitFor(() => expect(rows()[3]).toMatch(/40%.*8.*80%/));
  });

  it('keeps a tab for the experiments, and folds away', async () => {
    setup();
    await screen.findByTestId('funnel-table');
    fireEvent.click(screen.getByTestId('funnel-tab-experiments'));
    expect(screen.queryByTestId('funnel-tab')).toBeNull();
    fireEvent.click(screen.getByTestId('funnel-fold'));
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });
});
