// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionBody } from '../../../shared/api/auth.ts';
import { Shell } from '../app/Shell.tsx';
import { InboxScreen } from './InboxScreen.tsx';
import type { ConversationDetail, ConversationItem } from './inbox-api.ts';
import { placeItem } from './inbox-stream.ts';
import { snoozeUntil, spanParts } from './inbox-time.ts';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const ME = '00000000-0000-4000-8000-0000000000e1';
const LI = '00000000-0000-4000-8000-0000000000e2';
const CONV = '00000000-0000-4000-8000-0000000000a1';
const CONTACT = '00000000-0000-4000-8000-0000000000c1';
const BOT = '00000000-0000-4000-8000-0000000000b1';
const AT = '2025-01-01T08:00:00.000Z';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (event: MessageEvent) => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(name, listener);
  }
  close() {}
  emit(name: string, body: unknown) {
    act(() => this.listeners.get(name)?.(new MessageEvent(name, { data: JSON.stringify(body) })));
  }
}

const session = (role: string): SessionBody =>
  ({
    user: { id: ME, email: 'wang@example.com', name: 'Wang' },
    workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
    role,
    csrfToken: 'csrf',
  }) as SessionBody;

const item = (over: Partial<ConversationItem> = {}): ConversationItem => ({
  id: CONV,
  contact: { id: CONTACT, name: 'Mei' },
  botAccountId: BOT,
  status: 'open',
  assignee: { id: ME, name: 'Wang' },
  botPaused: true,
  lastMessage: { text: '我想退货', at: AT, direction: 'in' },
  unread: 2,
  waitingSince: AT,
  snoozedUntil: null,
  ...over,
});

const DETAIL: ConversationDetail = {
  ...item(),
  id: CONV,
  handoffRun: null,
  messages: [
    {
      id: 1,
      outboxId: null,
      direction: 'in',
      author: 'contact',
      authorName: null,
      text: '我想退货',
      kind: 'text',
      media: null,
      at: AT,
      flowId: null,
      nodeId: null,
      delivery: null,
      review: null,
    },
    {
      id: 2,
      outboxId: 5,
      direction: 'out',
      author: 'agent',
      authorName: 'Wang',
      text: '好的，请发订单号',
      kind: 'text',
      media: null,
      at: '2025-01-01T08:01:00.000Z',
      flowId: null,
      nodeId: null,
      delivery: 'sent',
      review: null,
    },
  ],
  notes: [{ id: 1, author: { id: LI, name: 'Li' }, text: 'VIP 客户', at: '2025-01-01T08:00:30.000Z' }],
  events: [{ kind: 'node', actor: null, params: { nodeLabel: '问城市' }, at: '2025-01-01T07:59:00.000Z' }],
};

const SAVED = [
  {
    id: '00000000-0000-4000-8000-0000000000d1',
    shortcut: 'hello',
    text: '你好 {{contact.name}}，有什么可以帮你？',
  },
  { id: '00000000-0000-4000-8000-0000000000d2', shortcut: 'help', text: '请稍等，我查一下。' },
];

function serve(role: string, options: { items?: ConversationItem[]; open?: boolean; shell?: boolean } = {}) {
  const detail = structuredClone(DETAIL);
  const reply = (call: Call) => {
    const text = (call.body as { text: string }).text;
    detail.messages.push({ ...DETAIL.messages[1]!, id: null, outboxId: 9, text, delivery: 'pending' });
    return { outboxId: 9, delivery: 'pending' };
  };
  const calls = fakeApi({
    'GET /api/me': session(role),
    'GET /api/conversations/counts': { unassigned: 3, mine: 1 },
    'GET /api/conversations?*': { items: options.items ?? [item()], nextCursor: null },
    [`GET /api/conversations/${CONV}`]: () => detail,
    [`POST /api/conversations/${CONV}/read`]: undefined,
    [`POST /api/conversations/${CONV}/messages`]: reply,
    [`POST /api/conversations/${CONV}/notes`]: { id: 2 },
    'GET /api/members': [
      {
        id: 'm1',
        userId: ME,
        email: 'wang@example.com',
        name: 'Wang',
        role: 'agent',
        agent: true,
        online: true,
      },
      {
        id: 'm2',
        userId: LI,
        email: 'li@example.com',
        name: 'Li',
        role: 'agent',
        agent: true,
        online: false,
      },
    ],
    'GET /api/saved-replies': SAVED,
    [`GET /api/contacts/${CONTACT}`]: {
      id: CONTACT,
      name: 'Mei',
      alias: null,
      friendStatus: 'friend',
      tags: ['成年'],
      lastInboundAt: AT,
      clockNow: AT,
      attributes: { city: '上海' },
      handoff: true,
      firstAddedAt: AT,
      runs: [],
    },
    'GET /api/flows': [],
  });
  const inbox = <InboxScreen id={options.open ? CONV : undefined} />;
  render(
    <Harness initial="en">{options.shell ? <Shell session={session(role)}>{inbox}</Shell> : inbox}</Harness>,
  );
  return calls;
}

const listCalls = (calls: Call[]) =>
  calls
    .filter((c) => c.method === 'GET' && c.url.startsWith('/api/conversations?'))
    .map((c) => Object.fromEntries(new URL(c.url, 'http://x').searchParams));

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

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

describe('conversation', () => {
  it('shows the transcript with events, notes and delivery, and marks it read', async () => {
    const calls = serve('agent', { open: true });
    const messages = await screen.findAllByTestId('conv-message');
    expect(messages.map((m) => m.getAttribute('data-author'))).toEqual(['contact', 'agent']);
    expect(screen.getByTestId('conv-event').textContent).toContain('entered 问城市');
    expect(screen.getByTestId('conv-note').textContent).toContain('VIP 客户');
    expect(screen.getByTestId('conv-delivery').textContent).toBe('sent ✓');
    await waitFor(() => expect(posts(calls).map((c) => c.url)).toContain(`/api/conversations/${CONV}/read`));
  });

  it('sends on Enter and keeps Shift+Enter for a new line', async () => {
    const calls = serve('agent', { open: true });
    const input = (await screen.findByTestId('reply-input')) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '订单号是多少？' } });
    // Not cancelled: the browser inserts its new line.
    expect(fireEvent.keyDown(input, { key: 'Enter', shiftKey: true })).toBe(true);
    expect(posts(calls).some((c) => c.url.endsWith('/messages'))).toBe(false);
    expect(fireEvent.keyDown(input, { key: 'Enter' })).toBe(false);
    await waitFor(() =>
      expect(posts(calls).find((c) => c.url.endsWith('/messages'))?.body).toEqual({ text: '订单号是多少？' }),
    );
    await waitFor(() => expect(input.value).toBe(''));
    const sending = await screen.findAllByTestId('conv-delivery');
    expect(sending.some((d) => d.getAttribute('data-delivery') === 'pending')).toBe(true);
  });

  it('writes a note with the Note toggle', async () => {
    const calls = serve('agent', { open: true });
    const input = await screen.findByTestId('reply-input');
    fireEvent.click(screen.getByTestId('reply-note-toggle'));
    fireEvent.change(input, { target: { value: '客户很着急' } });
    fireEvent.click(screen.getByTestId('reply-send'));
    await waitFor(() =>
      expect(posts(calls).find((c) => c.url.endsWith('/notes'))?.body).toEqual({ text: '客户很着急' }),
    );
    expect(posts(calls).some((c) => c.url.endsWith('/messages'))).toBe(false);
  });

  it('inserts a saved reply picked after /, with the contact’s name', async () => {
    const calls = serve('agent', { open: true });
    const input = (await screen.findByTestId('reply-input')) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '/he' } });
    await waitFor(() => expect(screen.getAllByTestId('saved-reply-option')).toHaveLength(2));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('你好 Mei，有什么可以帮你？');
    expect(screen.queryByTestId('saved-reply-option')).toBeNull();
    expect(posts(calls).some((c) => c.url.endsWith('/messages'))).toBe(false);
    fireEvent.change(input, { target: { value: '/hel' } });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('请稍等，我查一下。');
  });

  it('lets a viewer read but not reply', async () => {
    const calls = serve('viewer', { open: true });
    await screen.findAllByTestId('conv-message');
    const input = screen.getByTestId('reply-input') as HTMLTextAreaElement;
    expect(input.disabled).toBe(true);
    expect(input.placeholder).toBe('Viewers can read conversations but not reply.');
    expect((screen.getByTestId('reply-send') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('conv-assign') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('conv-close') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('review-good')).toBeNull();
    expect(posts(calls)).toEqual([]);
  });

  it('offers members who take conversations, the round robin and nobody', async () => {
    serve('agent', { open: true });
    const select = (await screen.findByTestId('conv-assign')) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(4));
    expect([...select.options].map((o) => o.value)).toEqual(['', 'round_robin', ME, LI]);
    expect(select.value).toBe(ME);
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
