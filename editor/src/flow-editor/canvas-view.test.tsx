// @vitest-environment happy-dom
// The canvas with measured cards (happy-dom lays nothing out, so sizes are stubbed): what an empty flow
// shows, and that the first card placed on it does not move the view.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/document.ts';
import { LangProvider } from '../i18n.ts';
import { FlowEditorPage } from './FlowEditorPage.tsx';
import { NODE_DRAG_TYPE } from './Palette.tsx';

vi.mock('./inspector/Inspector.tsx', () => ({ Inspector: () => <p data-testid="inspector" /> }));
vi.mock('./simulator/SimulatorPanel.tsx', () => ({ SimulatorPanel: () => <p data-testid="simulator" /> }));

const FLOW_ID = '00000000-0000-4000-8000-0000000000bb';

function serve(graph: FlowDocument) {
  const flow = { id: FLOW_ID, name: 'New', status: 'draft', publishedVersion: null, graph };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? JSON.parse(String(init.body)) : {};
      if (url === `/api/flows/${FLOW_ID}`) return new Response(JSON.stringify({ ...flow, ...body }));
      return new Response(JSON.stringify({ error: { code: 'not_found', message: url } }), { status: 404 });
    }),
  );
}

const renderPage = (lang: 'en' | 'zh-CN' = 'en') =>
  render(
    <LangProvider lang={lang} setLang={() => {}}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <FlowEditorPage flowId={FLOW_ID} />
      </QueryClientProvider>
    </LangProvider>,
  );

const isCard = (element: HTMLElement) => element.classList.contains('react-flow__node');
/** What the palette's drag leaves on the canvas at the end. */
const drop = (container: HTMLElement, type: string) =>
  fireEvent.drop(container.querySelector('.react-flow__pane')!, {
    dataTransfer: { types: [NODE_DRAG_TYPE], getData: () => type },
    clientX: 300,
    clientY: 200,
  });
const frames = () => new Promise((resolve) => setTimeout(resolve, 100));

beforeEach(() => {
  // Cards measure 272 × 120 and everything else 1000 × 600; React Flow measures a card when its
  // ResizeObserver reports it, which this one does right after it is asked to watch it.
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isCard(this) ? 272 : 1000;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isCard(this) ? 120 : 600;
  });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly report: (entries: { target: Element }[]) => void) {}
      observe(target: Element) {
        setTimeout(() => this.report([{ target }]));
      }
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('an empty flow', () => {
  it('shows where to start instead of a lint panel with one error', async () => {
    serve({ nodes: [], edges: [] });
    const { container } = renderPage('zh-CN');
    expect(await screen.findByText('从一个触发开始')).toBeTruthy();
    expect(screen.getByText(/把左侧「触发」中的节点拖到画布上/)).toBeTruthy();
    expect(screen.queryByTestId('lint-panel')).toBeNull();

    drop(container, 'trigger.friend_request');
    expect(await screen.findByTestId('lint-panel')).toBeTruthy();
    expect(screen.queryByText('从一个触发开始')).toBeNull();
  });

  it('keeps the view where it was when the first card is dropped', async () => {
    serve({ nodes: [], edges: [] });
    const { container } = renderPage();
    await screen.findByTestId('start-trigger.friend_request');
    const viewport = container.querySelector<HTMLElement>('.react-flow__viewport')!;
    const before = viewport.style.transform;
    drop(container, 'trigger.friend_request');
    const card = await screen.findByTestId(/^node-friend_request/);
    // Measured (React Flow shows a card once it knows its size), then a few frames for any fit.
    await waitFor(() =>
      expect(card.closest<HTMLElement>('.react-flow__node')!.style.visibility).toBe('visible'),
    );
    await frames();
    expect(viewport.style.transform).toBe(before);
  });

  it('still fits a flow that opens with cards', async () => {
    serve({
      nodes: [{ id: 'start', type: 'trigger.friend_request', position: { x: 2000, y: 2000 }, data: {} }],
      edges: [],
    });
    const { container } = renderPage();
    await screen.findByTestId('node-start');
    const viewport = container.querySelector<HTMLElement>('.react-flow__viewport')!;
    await waitFor(() => expect(viewport.style.transform).not.toBe('translate(0px, 0px) scale(1)'));
  });
});
