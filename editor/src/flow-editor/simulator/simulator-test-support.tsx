// Shared fixtures for the SimulatorPanel tests: a stubbed API (`setup` renders the panel over it and
// records the calls), the ids and time they use, and the canned contact and version answers.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import onboarding from '../../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../../i18n.ts';
import { createFlowStore, FlowStoreProvider } from '../store.ts';
import { SimulatorPanel } from './SimulatorPanel.tsx';

export const FLOW = '00000000-0000-4000-8000-000000000001';
export const CONTACT = '00000000-0000-4000-8000-0000000000c1';
export const AT = '2025-01-01T00:00:00.000Z';

export type Route = (init: RequestInit | undefined) => Response;
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session = (role: string) => () =>
  json({
    user: { id: '00000000-0000-4000-8000-0000000000e1', email: 'ming@example.com', name: 'Ming' },
    workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
    role,
    csrfToken: 'csrf',
  });

export function setup(routes: Record<string, Route>, role = 'marketer') {
  routes = { 'GET /me': session(role), 'GET /sandbox/clock': () => json({ now: AT }), ...routes };
  const calls: { method: string; path: string; body: unknown }[] = [];
  const saveNow = vi.fn(async () => {
    calls.push({ method: 'SAVE', path: '', body: undefined });
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = url.replace(/^\/api/, '');
      calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const route = routes[`${method} ${path}`];
      return route ? route(init) : json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  const store = createFlowStore(FLOW, structuredClone(onboarding));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LangProvider lang="en" setLang={() => {}}>
        <FlowStoreProvider store={store}>
          <SimulatorPanel flowId={FLOW} saveNow={saveNow} />
        </FlowStoreProvider>
      </LangProvider>
    </QueryClientProvider>,
  );
  return { store, calls, saveNow };
}

export const contact = (currentNodeId: string | null) => ({
  id: CONTACT,
  name: 'Ming',
  alias: null,
  friendStatus: 'friend',
  tags: ['vip'],
  lastInboundAt: AT,
  attributes: { city: 'Shanghai' },
  firstAddedAt: AT,
  runs: currentNodeId ? [{ flowId: FLOW, version: 1, status: 'waiting', currentNodeId }] : [],
});

export const listed =
  (name: string, friendStatus = 'friend', previewFlowId: string | null = null) =>
  () =>
    json([{ id: CONTACT, name, friendStatus, previewFlowId }]);

export const VERSIONS = {
  [`GET /flows/${FLOW}/versions`]: () =>
    json([{ version: 1, publishedAt: AT, publishedBy: null, hash: 'h' }]),
};
