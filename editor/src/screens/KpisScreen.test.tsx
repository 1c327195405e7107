// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxKpis } from './inbox-stats-api.ts';
import { KpisScreen } from './KpisScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const ANN = { id: '00000000-0000-4000-8000-000000000011', name: 'Ann' };
const BO = { id: '00000000-0000-4000-8000-000000000012', name: 'Bo' };
const FLOW_ID = '00000000-0000-4000-8000-000000000021';
const SESSION = {
  user: { id: ANN.id, email: 'ann@example.com', name: 'Ann' },
  workspace: { id: '00000000-0000-4000-8000-000000000001', name: 'Shop', timeZone: 'Asia/Shanghai' },
  role: 'owner',
  csrfToken: 'csrf',
};

const day = (
  d: string,
  handled: number,
  median: number | null,
  p90: number | null,
  close: number | null,
) => ({
  day: d,
  handled,
  firstResponseMedian: median,
  firstResponseP90: p90,
  closeMedian: close,
});

const ANN_FIGURES = {
  handled: 12,
  firstResponseMedian: 130,
  firstResponseP90: 3_900,
  closeMedian: 2 * 86_400 + 3 * 3_600,
  days: [day('2026-03-09', 5, 100, 300, 4_000), day('2026-03-10', 7, 140, 5_000, 9_000)],
};

const ONE_AGENT: InboxKpis = {
  team: ANN_FIGURES,
  agents: [{ user: ANN, ...ANN_FIGURES }],
  bot: {
    days: [
      { day: '2026-03-09', contacts: 20, botOnly: 15, messages: 80, fallback: 8, handoffs: 3 },
      { day: '2026-03-10', contacts: 10, botOnly: 6, messages: 40, fallback: 4, handoffs: 2 },
    ],
    botOnlyRate: 0.7,
    fallbackRate: 0.1,
    byNode: [
      { flowId: FLOW_ID, flowName: '售后', nodeId: 'ask_refund', nodeLabel: null, handoffs: 1 },
      { flowId: FLOW_ID, flowName: '售后', nodeId: 'handoff_1', nodeLabel: '转人工', handoffs: 4 },
    ],
  },
};

const TWO_AGENTS: InboxKpis = {
  ...ONE_AGENT,
  // The team's median comes from the server: over everyone's conversations together.
  team: { ...ANN_FIGURES, handled: 12, firstResponseMedian: 50 },
  agents: [
    { ...ONE_AGENT.agents[0]!, handled: 3 },
    { ...ONE_AGENT.agents[0]!, user: BO, handled: 9, firstResponseMedian: 45 },
  ],
};

const NOTHING: InboxKpis = {
  team: { handled: 0, firstResponseMedian: null, firstResponseP90: null, closeMedian: null, days: [] },
  agents: [],
  bot: { days: [], botOnlyRate: null, fallbackRate: null, byNode: [] },
};

let calls: Call[] = [];
const serve = (kpis: InboxKpis) => {
  calls = fakeApi({ 'GET /api/me': SESSION, 'GET /api/inbox/kpis*': kpis });
};
const kpiCalls = () => calls.filter((c) => c.url.startsWith('/api/inbox/kpis')).map((c) => c.url);
const card = (kpi: string) =>
  screen.getAllByTestId('kpi-card').find((c) => c.dataset.kpi === kpi)!.textContent;

beforeEach(() => {
  // 04:00 on 10 March in Shanghai is still 9 March in UTC: the days must be the workspace's.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-09T20:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  vi.unstubAllGlobals();
});

const renderAt = (lang: 'en' | 'zh-CN') =>
  render(
    <Harness initial={lang}>
      <KpisScreen />
    </Harness>,
  );

describe('KPIs', () => {
  it('asks for the last 7 days of the workspace, and shows the figures as durations and shares', async () => {
    serve(ONE_AGENT);
    renderAt('en');
    await screen.findAllByTestId('kpi-card');
    expect(kpiCalls()).toEqual(['/api/inbox/kpis?from=2026-03-04&to=2026-03-10']);
    expect(card('handled')).toContain('12');
    expect(card('firstResponseMedian')).toContain('2 min 10 s');
    expect(card('firstResponseP90')).toContain('1 h 5 min');
    expect(card('closeMedian')).toContain('2 d 3 h');
    expect(card('botOnly')).toContain('70%');
    expect(card('fallback')).toContain('10%');
    expect(screen.getAllByTestId('kpi-chart')).toHaveLength(3);
  });

  it('ends the days at the sandbox clock when it runs ahead of the wall clock', async () => {
    calls = fakeApi({
      'GET /api/me': SESSION,
      'GET /api/inbox/kpis*': ONE_AGENT,
      'GET /api/sandbox/clock': { now: '2026-03-19T20:00:00.000Z' },
    });
    renderAt('en');
    await screen.findAllByTestId('kpi-card');
    expect(kpiCalls()).toEqual(['/api/inbox/kpis?from=2026-03-14&to=2026-03-20']);
  });

  it('says the same in Chinese', async () => {
    serve(ONE_AGENT);
    renderAt('zh-CN');
    await screen.findAllByTestId('kpi-card');
    expect(card('firstResponseMedian')).toBe('首次响应 · 中位数2分10秒');
    expect(card('firstResponseP90')).toContain('1小时5分');
    expect(screen.getByRole('heading', { name: '各流程节点的转人工次数' })).toBeTruthy();
  });

  it('lists agents by conversations handled and the nodes by handoffs, linked to their flow', async () => {
    serve(TWO_AGENTS);
    renderAt('en');
    const agents = await screen.findAllByTestId('kpi-agent-row');
    const handledChart = screen.getByRole('figure', { name: 'Conversations handled per day, by agent' });
    await within(handledChart).findByText('Bo');
    expect(within(handledChart).getByText('Ann')).toBeTruthy();
    expect(agents.map((r) => r.querySelector('td')?.textContent)).toEqual(['Bo', 'Ann']);
    expect(agents[0]!.textContent).toContain('45 s');
    expect(card('handled')).toContain('12');
    // The team's median is the server's (50 s), not one of the agents' (45 s, 2 min 10 s).
    expect(card('firstResponseMedian')).toContain('50 s');
    const nodes = screen.getAllByTestId('kpi-node-row');
    expect(nodes.map((r) => r.textContent)).toEqual(['售后转人工4', '售后ask_refund1']);
    expect(within(nodes[0]!).getByRole('link', { name: '售后' }).getAttribute('href')).toBe(
      `/flows/${FLOW_ID}`,
    );
  });

  it('asks again for 30 days, and for custom dates only once they make a range', async () => {
    serve(ONE_AGENT);
    renderAt('en');
    await screen.findAllByTestId('kpi-card');
    fireEvent.click(screen.getByTestId('kpi-range-30'));
    await waitFor(() => expect(kpiCalls()).toContain('/api/inbox/kpis?from=2026-02-09&to=2026-03-10'));

    fireEvent.click(screen.getByTestId('kpi-range-custom'));
    expect((screen.getByTestId('kpi-from') as HTMLInputElement).value).toBe('2026-02-09');
    fireEvent.change(screen.getByTestId('kpi-from'), { target: { value: '2026-03-11' } });
    expect(screen.getByRole('alert').textContent).toContain('at most 92 days');
    fireEvent.change(screen.getByTestId('kpi-from'), { target: { value: '2026-03-01' } });
    await waitFor(() => expect(kpiCalls()).toContain('/api/inbox/kpis?from=2026-03-01&to=2026-03-10'));
    expect(kpiCalls().some((u) => u.includes('2026-03-11'))).toBe(false);
  });

  it('says what to do when there is nothing to count', async () => {
    serve(NOTHING);
    renderAt('en');
    await screen.findByText('Nothing to count in these days yet');
    expect(screen.queryByTestId('kpi-card')).toBeNull();
    expect(screen.queryByTestId('kpi-chart')).toBeNull();
  });
});
