// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { LangSwitch } from '../app/LangSwitch.tsx';
import { type Lang, LangProvider } from '../i18n.ts';
import { FlowsScreen } from './FlowsScreen.tsx';

const FLOW = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '新人引导',
  status: 'published',
  publishedVersion: 2,
  archived: false,
  entered: 40,
  goals: 10,
  updatedAt: new Date().toISOString(),
};

let calls: { method: string; url: string; body: unknown }[] = [];
beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const body =
        method === 'GET'
          ? [FLOW]
          : { ...FLOW, id: '00000000-0000-4000-8000-000000000002', name: 'New', graph: {} };
      return new Response(JSON.stringify(body), { status: method === 'POST' ? 201 : 200 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Harness({ initial, hook }: { initial: Lang; hook: ReturnType<typeof memoryLocation>['hook'] }) {
  const [lang, setLang] = useState<Lang>(initial);
  return (
    <QueryClientProvider client={new QueryClient()}>
      <LangProvider lang={lang} setLang={setLang}>
        <Router hook={hook}>
          <LangSwitch />
          <FlowsScreen />
        </Router>
      </LangProvider>
    </QueryClientProvider>
  );
}

describe('flows list', () => {
  it('shows each flow’s status, version and conversion at a glance', async () => {
    render(<Harness initial="en" hook={memoryLocation({ path: '/flows' }).hook} />);
    const row = await screen.findByTestId('flow-row');
    expect(row.textContent).toContain('新人引导');
    expect(row.textContent).toContain('Published');
    expect(row.textContent).toContain('v2');
    expect(row.textContent).toContain('25%');
  });

  it('opens a flow from anywhere on its row, but not from its buttons', async () => {
    const location = memoryLocation({ path: '/flows', record: true });
    render(<Harness initial="en" hook={location.hook} />);
    const row = await screen.findByTestId('flow-row');
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(location.history.at(-1)).toBe('/flows');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(row.querySelectorAll('td')[3]!);
    expect(location.history.at(-1)).toBe(`/flows/${FLOW.id}`);
  });

  it('creates a flow and opens it', async () => {
    const location = memoryLocation({ path: '/flows', record: true });
    render(<Harness initial="en" hook={location.hook} />);
    fireEvent.click(await screen.findByTestId('flow-create'));
    fireEvent.change(screen.getByTestId('flow-name'), { target: { value: 'New' } });
    fireEvent.click(screen.getByTestId('flow-create-confirm'));
    await waitFor(() => expect(location.history.at(-1)).toBe('/flows/00000000-0000-4000-8000-000000000002'));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/flows',
      body: { name: 'New' },
    });
  });

  it('asks before archiving a flow, in place in its row', async () => {
    const location = memoryLocation({ path: '/flows', record: true });
    render(<Harness initial="en" hook={location.hook} />);
    const row = await screen.findByTestId('flow-row');
    fireEvent.click(within(row).getByRole('button', { name: 'Archive' }));
    const ask = within(row).getByRole('form', { name: 'Archive this flow?' });
    expect(ask.textContent).toContain('Archive this flow?');
    expect(within(row).queryByRole('button', { name: 'Duplicate' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.click(within(ask).getByText('Archive this flow?'));
    expect(location.history.at(-1)).toBe('/flows');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByRole('form')).toBeNull();
    expect(within(row).getByRole('button', { name: 'Duplicate' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.click(within(row).getByRole('button', { name: 'Archive' }));
    expect(within(row).getAllByRole('button', { name: 'Archive' })).toHaveLength(1);
    fireEvent.click(within(row).getByTestId('flow-archive-confirm'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
        `/api/flows/${FLOW.id}/archive`,
      ]),
    );
  });

  it('asks before archiving in Chinese too', async () => {
    render(<Harness initial="zh-CN" hook={memoryLocation({ path: '/flows' }).hook} />);
    const row = await screen.findByTestId('flow-row');
    fireEvent.click(within(row).getByRole('button', { name: '归档' }));
    expect(within(row).getByRole('form', { name: '归档此流程？' })).toBeTruthy();
    fireEvent.keyDown(within(row).getByTestId('flow-archive-confirm'), { key: 'Escape' });
    expect(within(row).queryByRole('form')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('switches between Chinese and English', async () => {
    render(<Harness initial="zh-CN" hook={memoryLocation({ path: '/flows' }).hook} />);
    expect((await screen.findByTestId('flow-create')).textContent).toBe('+ 新建流程');
    expect(screen.getByTestId('lang-switch').textContent).toBe('English');
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() => expect(screen.getByTestId('flow-create').textContent).toBe('+ New flow'));
    expect((await screen.findByTestId('flow-row')).textContent).toContain('Published');
  });
});
