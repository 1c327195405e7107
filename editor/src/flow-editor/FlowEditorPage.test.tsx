// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/document.ts';
import onboarding from '../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../i18n.ts';
import { FlowEditorPage } from './FlowEditorPage.tsx';
import { freeSpot } from './layout.ts';
import { useFlowStore } from './store.ts';

// The panels other engineers own are stood in for: these tests are about the canvas page.
vi.mock('./inspector/Inspector.tsx', () => ({
  Inspector: (props: { node: { id: string } | null }) => (
    <p data-testid="inspector">{props.node?.id ?? 'none'}</p>
  ),
}));
vi.mock('./simulator/SimulatorPanel.tsx', () => ({ SimulatorPanel: () => <p data-testid="simulator" /> }));
vi.mock('./stats/StatsBar.tsx', () => ({
  StatsBar: () => {
    const setStats = useFlowStore((s) => s.setStats);
    useEffect(() => {
      setStats({
        version: 1,
        runs: { active: 0, waiting: 0, completed: 0, exited: 0, failed: 0 },
        nodes: {
          start: { entered: 200, here: 0, ports: { next: 200 } },
          greet: { entered: 150, here: 3, ports: {} },
        },
        goals: {},
      });
    }, [setStats]);
    return <p data-testid="stats-bar" />;
  },
}));

const FLOW_ID = '00000000-0000-4000-8000-0000000000aa';
type Call = { method: string; path: string; body: unknown };
const VERSION_ONE: FlowDocument = {
  nodes: [
    { id: 'hello', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['hi'] } },
    { id: 'bye', type: 'end', position: { x: 0, y: 200 }, data: {} },
  ],
  edges: [{ id: 'e1', source: 'hello', sourceHandle: 'next', target: 'bye' }],
};

function serve(graph: FlowDocument) {
  const calls: Call[] = [];
  const flow = {
    id: FLOW_ID,
    name: 'Onboarding',
    status: 'draft',
    publishedVersion: null,
    updatedAt: new Date().toISOString(),
    graph,
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = url.replace(/^\/api/, '');
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path, body });
      const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status });
      if (path === `/flows/${FLOW_ID}` && method === 'PUT') return json({ ...flow, ...body });
      if (path === `/flows/${FLOW_ID}`) return json(flow);
      if (path.endsWith('/publish')) return json({ version: 2, warnings: [] }, 201);
      if (path.endsWith('/versions')) {
        return json([
          { version: 1, publishedAt: '2026-01-02T03:04:05.000Z', publishedBy: null, hash: 'abcdef1234' },
        ]);
      }
      if (path.endsWith('/versions/1')) return json({ version: 1, graph: VERSION_ONE });
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return calls;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <LangProvider lang="en" setLang={() => {}}>
      <QueryClientProvider client={client}>
        <FlowEditorPage flowId={FLOW_ID} />
      </QueryClientProvider>
    </LangProvider>,
  );
}

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('FlowEditorPage', () => {
  it('loads the flow with its palette, nodes and a clean lint', async () => {
    serve(structuredClone(onboarding));
    renderPage();
    expect(await screen.findByTestId('node-greet')).toBeTruthy();
    expect(screen.getByTestId('palette-trigger.keyword')).toBeTruthy();
    expect((screen.getByTestId('flow-name') as HTMLInputElement).value).toBe('Onboarding');
    expect(screen.getByTestId('save-status').textContent).toBe('Saved');
    expect(screen.getByTestId('lint-summary').textContent).toMatch(/No problems/);
    // React Flow's own controls speak the editor's words (and its language).
    expect(screen.getByRole('button', { name: 'Zoom to fit' })).toBeTruthy();
  });

  it('adds a node from the palette and autosaves the document', async () => {
    const calls = serve(structuredClone(onboarding));
    renderPage();
    await screen.findByTestId('node-greet');
    fireEvent.click(screen.getByTestId('palette-wait'));
    expect(screen.getByTestId('save-status').textContent).toBe('Unsaved');
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true), { timeout: 3000 });
    const put = calls.find((c) => c.method === 'PUT')!.body as { graph: FlowDocument };
    expect(put.graph.nodes.filter((n) => n.type === 'wait')).toHaveLength(1);
    // Added mid-canvas with nothing selected, it lands beside the cards already there, not on one.
    const [added] = put.graph.nodes.filter((n) => n.type === 'wait');
    const others = put.graph.nodes
      .filter((n) => n !== added)
      .map((n) => ({ ...n, position: n.position!, data: {} }));
    expect(freeSpot(added!.position!, others)).toEqual(added!.position);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));
    expect(screen.getByTestId('inspector').textContent).toMatch(/^wait_/);
  });

  it('lists lint issues and selects the node of a clicked one', async () => {
    const graph = structuredClone(onboarding) as FlowDocument;
    graph.edges = graph.edges.filter((edge) => edge.id !== 'e2');
    serve(graph);
    renderPage();
    fireEvent.click(await screen.findByTestId('lint-summary'));
    // The only send card, greet, now leads nowhere.
    const issue = screen
      .getAllByTestId('lint-issue')
      .find((row) => row.textContent?.includes('Send message'))!;
    fireEvent.click(issue);
    expect(screen.getByTestId('inspector').textContent).toBe('greet');
  });

  it('opens with the node of a ?node= link selected (an unknown one selects nothing)', async () => {
    serve(structuredClone(onboarding));
    window.history.replaceState(null, '', `/flows/${FLOW_ID}?node=city`);
    const first = renderPage();
    await screen.findByTestId('node-city');
    expect(screen.getByTestId('inspector').textContent).toBe('city');
    first.unmount();

    window.history.replaceState(null, '', `/flows/${FLOW_ID}?node=nowhere`);
    renderPage();
    await screen.findByTestId('node-city');
    expect(screen.getByTestId('inspector').textContent).toBe('none');
  });

  it('refuses to publish while there are errors', async () => {
    const graph = structuredClone(onboarding) as FlowDocument;
    graph.nodes = graph.nodes.filter((node) => node.id !== 'start');
    graph.edges = graph.edges.filter((edge) => edge.source !== 'start');
    serve(graph);
    renderPage();
    fireEvent.click(await screen.findByTestId('publish'));
    const dialog = screen.getByTestId('publish-dialog');
    expect(within(dialog).getByTestId('publish-blocked').textContent).toMatch(/left: 1\).*No trigger/);
    expect((within(dialog).getByTestId('publish-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('publishes a valid flow and shows the new version', async () => {
    const calls = serve(structuredClone(onboarding));
    renderPage();
    fireEvent.click(await screen.findByTestId('publish'));
    fireEvent.click(screen.getByTestId('publish-confirm'));
    expect((await screen.findByTestId('publish-done')).textContent).toMatch(/Published version 2/);
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/publish'))).toBe(true);
  });

  it('shows entered counts and shares on nodes in stats mode', async () => {
    serve(structuredClone(onboarding));
    renderPage();
    await screen.findByTestId('node-greet');
    expect(screen.queryByTestId('node-entered-greet')).toBeNull();
    fireEvent.click(screen.getByTestId('mode-stats'));
    expect((await screen.findByTestId('node-entered-greet')).textContent).toBe('150');
    expect(screen.getByTestId('node-greet').textContent).toMatch(/75%/);
    expect(screen.getByTestId('node-entered-city').textContent).toBe('0');
  });

  it('marks the side exits nobody connected as where the flow ends, except in stats mode', async () => {
    serve(structuredClone(onboarding));
    renderPage();
    const city = await screen.findByTestId('node-city');
    expect(within(city).getByTestId('port-end-invalid').textContent).toBe('ends here');
    expect(within(city).getByTestId('port-end-timeout').title).toMatch(/“Timed out” is not connected/);
    expect(within(city).queryByTestId('port-end-answered')).toBeNull();
    expect(within(screen.getByTestId('node-adult')).queryByTestId('port-end-false')).toBeNull();
    fireEvent.click(screen.getByTestId('mode-stats'));
    await screen.findByTestId('node-entered-greet');
    expect(screen.queryByTestId('port-end-invalid')).toBeNull();
  });

  it('folds the palette and the inspector away, and remembers it', async () => {
    serve(structuredClone(onboarding));
    const first = renderPage();
    await screen.findByTestId('node-greet');
    fireEvent.click(screen.getByRole('button', { name: 'Hide the node palette' }));
    expect(screen.queryByText('Drag onto the canvas, or click to add')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hide the settings panel' }));
    expect(screen.queryByTestId('inspector')).toBeNull();
    first.unmount();

    renderPage();
    await screen.findByTestId('node-greet');
    expect(screen.getByTestId('palette-fold').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('inspector')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the settings panel' }));
    // The folded palette still adds nodes: its items are the same, drawn as icons.
    fireEvent.click(screen.getByRole('button', { name: 'Tag' }));
    expect(screen.getByTestId('inspector').textContent).toMatch(/^tag_/);
    expect(localStorage.getItem('wefunnel.editor.palette')).toBe('folded');
    expect(localStorage.getItem('wefunnel.editor.inspector')).toBe('open');
  });

  it('deletes the selection with Delete and brings it back with Ctrl+Z', async () => {
    serve(structuredClone(onboarding));
    renderPage();
    await screen.findByTestId('node-greet');
    fireEvent.click(screen.getByTestId('palette-tag'));
    const added = screen.getByTestId('inspector').textContent!;
    expect(screen.getByTestId(`node-${added}`)).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Delete' });
    await waitFor(() => expect(screen.queryByTestId(`node-${added}`)).toBeNull());
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(await screen.findByTestId(`node-${added}`)).toBeTruthy();
  });

  it('opens a version read-only and restores it as the draft', async () => {
    const calls = serve(structuredClone(onboarding));
    renderPage();
    await screen.findByTestId('node-greet');
    fireEvent.click(screen.getByTestId('versions-open'));
    fireEvent.click(await screen.findByTestId('version-1'));
    expect((await screen.findByTestId('version-banner')).textContent).toMatch(
      /Viewing version 1 — read-only/,
    );
    expect(screen.queryByTestId('node-greet')).toBeNull();
    expect((screen.getByTestId('publish') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('back-to-draft'));
    expect(await screen.findByTestId('node-greet')).toBeTruthy();
    fireEvent.click(screen.getByTestId('versions-open'));
    fireEvent.click(await screen.findByTestId('version-1'));
    fireEvent.click(await screen.findByTestId('restore-draft'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!.body as { graph: FlowDocument };
    expect(put.graph.nodes.map((n) => n.id)).toEqual(['hello', 'bye']);
    expect(screen.queryByTestId('version-banner')).toBeNull();
  });
});
