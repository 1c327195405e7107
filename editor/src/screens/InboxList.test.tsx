// @vitest-environment happy-dom

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeItem } from './inbox-stream.ts';
import { AT, FakeEventSource, item, listCalls, serve } from './inbox-test-support.tsx';
import { snoozeUntil, spanParts } from './inbox-time.ts';

beforeEach(() => {
  FakeEventSource.instances = [];
  localStorage.clear();
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('inbox list', () => {
  it('asks each tab for its filters', async () => {
    const calls = serve('agent');
    expect(await screen.findByTestId('inbox-item')).toBeTruthy();
    expect(listCalls(calls)).toContainEqual({ status: 'open', assignee: 'me', limit: '30' });
    const expected = {
      unassigned: { status: 'open', assignee: 'none', limit: '30' },
      all: { status: 'open', limit: '30' },
      bot: { bot: 'true', limit: '30' },
      closed: { status: 'closed', limit: '30' },
    };
    for (const [tab, query] of Object.entries(expected)) {
      fireEvent.click(screen.getByTestId(`inbox-tab-${tab}`));
      await waitFor(() => expect(listCalls(calls)).toContainEqual(query));
    }
    expect(screen.getByTestId('inbox-tab-closed').getAttribute('aria-selected')).toBe('true');
  });

  it('searches (debounced) and marks the hit', async () => {
    const calls = serve('agent', { items: [item({ match: { text: 'where is my 订单 now', at: AT } })] });
    await screen.findByTestId('inbox-item');
    fireEvent.change(screen.getByTestId('inbox-search'), { target: { value: '订单' } });
    await waitFor(() => expect(listCalls(calls).some((q) => q.q === '订单')).toBe(true));
    await waitFor(() =>
      expect(screen.getByTestId('inbox-item').querySelector('mark')?.textContent).toBe('订单'),
    );
  });

  it('shows unread and waiting, and what to do when a tab is empty', async () => {
    serve('agent', { items: [] });
    expect(await screen.findByText('Nothing is assigned to you')).toBeTruthy();
    cleanup();
    serve('agent');
    const row = await screen.findByTestId('inbox-item');
    expect(within(row).getByTestId('inbox-unread').textContent).toBe('2');
    expect(within(row).getByTestId('inbox-waiting').textContent).toMatch(/^waiting \d+ d$/);
  });

  it('puts a conversation the stream pushes into the tab, and counts into the badge', async () => {
    serve('agent', { items: [], shell: true });
    await screen.findByText('Nothing is assigned to you');
    expect((await screen.findByTestId('inbox-badge')).textContent).toBe('3');
    const source = FakeEventSource.instances.find((s) => s.url === '/api/conversations/stream')!;
    const other = '00000000-0000-4000-8000-0000000000c2';
    source.emit(
      'conversation',
      item({ id: '00000000-0000-4000-8000-0000000000a2', contact: { id: other, name: 'Lan' } }),
    );
    const row = await screen.findByTestId('inbox-item');
    expect(row.getAttribute('data-id')).toBe('00000000-0000-4000-8000-0000000000a2');
    expect(row.textContent).toContain('Lan');
    // Unassigned from me: it leaves Mine.
    source.emit(
      'conversation',
      item({
        id: '00000000-0000-4000-8000-0000000000a2',
        contact: { id: other, name: 'Lan' },
        assignee: null,
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('inbox-item')).toBeNull());
    source.emit('counts', { unassigned: 4, mine: 0 });
    await waitFor(() => expect(screen.getByTestId('inbox-badge').textContent).toBe('4'));
    expect(screen.getByTestId('nav-inbox')).toBeTruthy();
  });
});

describe('inbox helpers', () => {
  it('places a pushed item newest first and keeps it out of a search it was not in', () => {
    const older = item({
      contact: { id: 'c-old', name: 'Old' },
      lastMessage: { text: '', at: AT, direction: 'in' },
    });
    const newer = item({
      contact: { id: 'c-new', name: 'New' },
      lastMessage: { text: '', at: '2025-01-02T00:00:00.000Z', direction: 'in' },
    });
    const data = { pages: [{ items: [older], nextCursor: null }], pageParams: [''] };
    expect(placeItem(data, newer, true, false).pages[0]!.items.map((i) => i.contact.name)).toEqual([
      'New',
      'Old',
    ]);
    expect(placeItem(data, newer, true, true).pages[0]!.items).toHaveLength(1);
    expect(placeItem(data, older, false, false).pages[0]!.items).toHaveLength(0);
  });

  it('tells spans and snooze times', () => {
    expect(spanParts(12 * 60_000)).toEqual({ unit: 'min', n: 12, m: 0 });
    expect(spanParts(125 * 60_000)).toEqual({ unit: 'hourMin', n: 2, m: 5 });
    expect(spanParts(50 * 3_600_000)).toEqual({ unit: 'day', n: 2, m: 0 });
    const wednesday = new Date(2025, 0, 1, 15, 30);
    expect(snoozeUntil('tomorrow', wednesday)).toEqual(new Date(2025, 0, 2, 9, 0));
    expect(snoozeUntil('nextWeek', wednesday)).toEqual(new Date(2025, 0, 6, 9, 0));
    expect(snoozeUntil('hour', wednesday)).toEqual(new Date(2025, 0, 1, 16, 30));
  });
});
