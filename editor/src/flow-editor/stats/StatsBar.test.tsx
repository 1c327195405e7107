// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatsBody } from '../../../../shared/api/flows.ts';
import onboarding from '../../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../../i18n.ts';
import { createFlowStore, FlowStoreProvider } from '../store.ts';
import { StatsBar } from './StatsBar.tsx';
import { retryDelay } from './useLiveStats.ts';

const FLOW = '00000000-0000-4000-8000-000000000001';
const stats = (active: number, version = 2): StatsBody => ({
  version,
  runs: { active, waiting: 1, completed: 3, exited: 0, failed: 0 },
  nodes: { trigger: { entered: 4, here: 0, ports: {} } },
  goals: { signed_up: 2 },
});

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  closed = false;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (event: MessageEvent) => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(name, listener);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, body: unknown) {
    act(() => this.listeners.get(name)?.(new MessageEvent(name, { data: JSON.stringify(body) })));
  }
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const versions = [1, 2].map((version) => ({
  version,
  publishedAt: `2025-01-0${version}T00:00:00.000Z`,
  publishedBy: null,
  hash: `h${version}`,
}));

/** Version n's graph: the onboarding flow with only its first n + 1 nodes. */
const versionGraph = (n: number) => {
  const nodes = onboarding.nodes.slice(0, n + 1);
  const ids = new Set(nodes.map((node) => node.id));
  return {
    ...onboarding,
    nodes,
    edges: onboarding.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
};

function setup(published = versions) {
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.endsWith('/versions')) return json(published);
      const detail = /\/versions\/(\d+)$/.exec(url);
      if (detail)
        return json({ ...versions[0], version: Number(detail[1]), graph: versionGraph(Number(detail[1])) });
      const version = Number(new URL(url, 'http://x').searchParams.get('version'));
      return json(stats(5, version));
    }),
  );
  const store = createFlowStore(FLOW, structuredClone(onboarding));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <LangProvider lang="en" setLang={() => {}}>
        <FlowStoreProvider store={store}>
          <StatsBar flowId={FLOW} />
        </FlowStoreProvider>
      </LangProvider>
    </QueryClientProvider>,
  );
  return { store, view };
}

beforeEach(() => {
  FakeEventSource.instances = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('StatsBar', () => {
  it('loads the latest version, then follows the stream into the store', async () => {
    const { store } = setup();
    expect((await screen.findByTestId('stats-runs-active')).textContent).toContain('5');
    const [source] = FakeEventSource.instances;
    expect(source?.url).toBe(`/api/flows/${FLOW}/stats/stream?version=2`);

    source!.emit('stats', stats(9));
    expect(store.getState().stats?.runs.active).toBe(9);
    expect(screen.getByTestId('stats-runs-active').textContent).toContain('9');
    expect(screen.getByTestId('stats-live').textContent).toBe('Live');
    expect(screen.getByTestId('stats-goal').textContent).toContain('signed_up');
  });

  it('switches the stream when another version is picked, and closes it on unmount', async () => {
    const { view } = setup();
    const select = (await screen.findByTestId('stats-version')) as HTMLSelectElement;
    act(() => {
      select.value = '1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const [first, second] = FakeEventSource.instances;
    expect(first?.closed).toBe(true);
    expect(second?.url).toContain('version=1');
    view.unmount();
    expect(second?.closed).toBe(true);
  });

  it('shows the counted version on the canvas, read-only, and puts the draft back on leaving', async () => {
    const { store, view } = setup();
    const draftNodes = store.getState().nodes.length;
    await vi.waitFor(() => expect(store.getState().viewingVersion).toBe(2));
    expect(store.getState().nodes.map((n) => n.id)).toEqual(versionGraph(2).nodes.map((n) => n.id));
    expect(store.getState().readOnly).toBe(true);
    const select = screen.getByTestId('stats-version') as HTMLSelectElement;
    act(() => {
      select.value = '1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(store.getState().viewingVersion).toBe(1));
    expect(store.getState().nodes).toHaveLength(2);
    view.unmount();
    expect(store.getState().viewingVersion).toBeNull();
    expect(store.getState().readOnly).toBe(false);
    expect(store.getState().nodes).toHaveLength(draftNodes);
  });

  it('reconnects with backoff after the stream fails', async () => {
    setup();
    await screen.findByTestId('stats-bar');
    vi.useFakeTimers();
    act(() => FakeEventSource.instances[0]!.onerror?.());
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
    expect(screen.getByTestId('stats-live').textContent).toBe('Reconnecting');
    act(() => vi.advanceTimersByTime(retryDelay(0)));
    expect(FakeEventSource.instances).toHaveLength(2);
    expect([0, 1, 5, 10].map(retryDelay)).toEqual([1_000, 2_000, 30_000, 30_000]);
  });

  it('explains the empty state of a flow never published', async () => {
    setup([]);
    expect((await screen.findByTestId('stats-empty')).textContent).toContain('not been published');
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});
