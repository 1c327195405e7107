// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import onboarding from '../../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../../i18n.ts';
import { createFlowStore, FlowStoreProvider } from '../store.ts';
import { SimulatorPanel } from './SimulatorPanel.tsx';

const FLOW = '00000000-0000-4000-8000-000000000001';
const CONTACT = '00000000-0000-4000-8000-0000000000c1';
const AT = '2025-01-01T00:00:00.000Z';

type Route = (init: RequestInit | undefined) => Response;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
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
          <SimulatorPanel flowId={FLOW} />
        </FlowStoreProvider>
      </LangProvider>
    </QueryClientProvider>,
  );
  return { store, calls };
}

const contact = (currentNodeId: string | null) => ({
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

const listed =
  (name: string, friendStatus = 'friend') =>
  () =>
    json([{ id: CONTACT, name, friendStatus }]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SimulatorPanel', () => {
  it('creates a contact, sends a message, shows the replies and rings the run node', async () => {
    let node: string | null = null;
    const transcript: unknown[] = [];
    const sandboxContacts: unknown[] = [];
    const { store, calls } = setup({
      'GET /sandbox/contacts': () => json(sandboxContacts),
      'GET /flows/00000000-0000-4000-8000-000000000001/versions': () =>
        json([{ version: 1, publishedAt: AT, publishedBy: null, hash: 'h' }]),
      'POST /sandbox/contacts': () => {
        sandboxContacts.push({ id: CONTACT, name: 'Ming', friendStatus: 'stranger' });
        return json({ id: CONTACT, name: 'Ming' }, 201);
      },
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () => json(transcript),
      [`GET /contacts/${CONTACT}`]: () => json(contact(node)),
      [`POST /sandbox/contacts/${CONTACT}/messages`]: () => {
        node = 'city';
        transcript.push(
          { direction: 'in', text: 'hi', at: AT, nodeId: null },
          { direction: 'out', text: 'Which city?', at: AT, nodeId: 'city' },
        );
        return json({ replies: [{ text: 'Which city?', nodeId: 'city', flowId: FLOW }] });
      },
    });
    expect(await screen.findByText('Runs v1')).toBeTruthy();
    expect(await screen.findByText('No test contacts yet')).toBeTruthy();

    fireEvent.change(screen.getByTestId('sim-contact-name'), { target: { value: 'Ming' } });
    fireEvent.click(screen.getByTestId('sim-create'));
    expect(await screen.findByText(/No messages yet/)).toBeTruthy();
    const picker = screen.getByTestId('sim-contact-select') as HTMLSelectElement;
    expect(picker.value).toBe(CONTACT);
    expect(picker.selectedOptions[0]?.textContent).toBe('Ming · stranger');

    fireEvent.change(screen.getByTestId('sim-input'), { target: { value: 'hi' } });
    fireEvent.submit(screen.getByTestId('sim-input'));
    expect((await screen.findByTestId('sim-bubble-out')).textContent).toBe('Which city?');
    expect(screen.getByTestId('sim-bubble-in').textContent).toBe('hi');
    expect((screen.getByTestId('sim-input') as HTMLInputElement).value).toBe('');
    expect(calls).toContainEqual({
      method: 'POST',
      path: `/sandbox/contacts/${CONTACT}/messages`,
      body: { text: 'hi' },
    });

    await waitFor(() => expect(store.getState().highlightNodeId).toBe('city'));
    expect(screen.getByTestId('sim-run').textContent).toContain('city');
  });

  it('says so when the flow is paused', async () => {
    setup({
      'GET /flows/00000000-0000-4000-8000-000000000001/versions': () =>
        json([{ version: 1, publishedAt: AT, publishedBy: null, hash: 'h' }]),
      'GET /flows/00000000-0000-4000-8000-000000000001': () => json({ id: FLOW, status: 'paused' }),
      'GET /sandbox/contacts': listed('Ming'),
    });
    expect((await screen.findByTestId('sim-paused')).textContent).toMatch(/paused/);
  });

  it('keeps the typed text and shows the error when the contact is gone', async () => {
    setup({
      'GET /sandbox/contacts': listed('Gone'),
      [`POST /sandbox/contacts/${CONTACT}/messages`]: () =>
        json({ error: { code: 'not_found', message: 'Contact not found' } }, 404),
    });
    fireEvent.change(await screen.findByTestId('sim-input'), { target: { value: '还在吗' } });
    fireEvent.click(screen.getByTestId('sim-send'));
    expect((await screen.findByTestId('sim-error')).textContent).toBe('Contact not found');
    expect((screen.getByTestId('sim-input') as HTMLInputElement).value).toBe('还在吗');
  });

  it('advances the sandbox clock and reloads the transcript', async () => {
    let transcript: unknown[] = [];
    const { calls } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () => json(transcript),
      [`GET /contacts/${CONTACT}`]: () => json(contact(null)),
      'POST /sandbox/clock/advance': () => {
        transcript = [{ direction: 'out', text: 'Still there?', at: AT, nodeId: 'recall' }];
        return json({ now: '2025-01-02T00:00:00.000Z', fired: 1 });
      },
    });
    fireEvent.click(await screen.findByTestId('sim-advance-1d'));
    expect((await screen.findByTestId('sim-bubble-out')).textContent).toBe('Still there?');
    expect(screen.getByTestId('sim-now').textContent).toContain('1 fired');
    expect(calls).toContainEqual({ method: 'POST', path: '/sandbox/clock/advance', body: { by: 'P1D' } });
  });
});
