// @vitest-environment happy-dom

import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionBody } from '../../../shared/api/auth.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { Shell } from '../app/Shell.tsx';
import { InboxScreen } from './InboxScreen.tsx';
import type { Contact, ConversationDetail, ConversationItem } from './inbox-api.ts';
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
  events: [
    { kind: 'node', actor: null, params: { nodeLabel: '问城市' }, at: '2025-01-01T07:59:00.000Z' },
    // The server's label is English; the reader's language names the type.
    {
      kind: 'node',
      actor: null,
      params: { nodeType: 'ask', nodeLabel: 'server words' },
      at: '2025-01-01T07:59:30.000Z',
    },
  ],
};

const FLOW = '00000000-0000-4000-8000-0000000000f7';
const ROOM = '00000000-0000-4000-8000-000000000091';
const CONTACT_DETAIL: Contact = {
  id: CONTACT,
  name: 'Mei',
  alias: null,
  friendStatus: 'friend',
  tags: ['成年'],
  lastInboundAt: AT,
  clockNow: AT,
  attributes: { city: '上海', age: 28 },
  handoff: true,
  firstAddedAt: AT,
  runs: [{ flowId: FLOW, version: 2, status: 'waiting', currentNodeId: 'ask_city' }],
  groups: [{ roomId: ROOM, topic: '新人群 1', joinedAt: AT }],
  goals: [{ name: '留资', flowId: FLOW, at: AT }],
  coupons: [{ code: 'WELCOME-0001', pool: 'welcome', at: AT }],
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
  let contact = structuredClone(CONTACT_DETAIL);
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
    [`GET /api/contacts/${CONTACT}`]: () => contact,
    [`PATCH /api/contacts/${CONTACT}`]: (call: Call) => {
      // The server merges attributes, a null removing the key.
      const patch = (call.body as { attributes: Record<string, unknown> }).attributes;
      const attributes = { ...contact.attributes, ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === null) delete attributes[key];
      contact = { ...contact, attributes };
      return contact;
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
    const events = screen.getAllByTestId('conv-event').map((e) => e.textContent);
    expect(events[0]).toContain('entered 问城市');
    expect(events[1]).toContain(`entered ${nodeRegistry.get('ask')!.label.en}`);
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

  it('shows the contact’s flows at their node, groups, goals and coupons, and edits attributes', async () => {
    const calls = serve('agent', { open: true });
    const panel = await screen.findByTestId('contact-panel');
    expect(within(panel).getByTestId('contact-run').getAttribute('href')).toBe(
      `/flows/${FLOW}?node=ask_city`,
    );
    const group = within(within(panel).getByTestId('contact-groups')).getByRole('link');
    expect([group.textContent, group.getAttribute('href')]).toEqual(['新人群 1', `/groups/${ROOM}`]);
    expect(within(panel).getByTestId('contact-goals').textContent).toMatch(/^留资/);
    expect(within(panel).getByTestId('contact-coupons').textContent).toMatch(/^WELCOME-0001welcome/);
    const patches = () => calls.filter((c) => c.method === 'PATCH').map((c) => c.body);

    // A value edited in place keeps its kind (a number stays a number).
    fireEvent.click(within(panel).getByTestId('attribute-age'));
    const age = within(panel).getByLabelText('Edit attribute age');
    fireEvent.change(age, { target: { value: '29' } });
    fireEvent.keyDown(age, { key: 'Enter' });
    fireEvent.blur(age);
    await waitFor(() => expect(within(panel).getByTestId('attribute-age').textContent).toBe('29'));
    // A key that is not one is refused before it is sent; a good one is added.
    fireEvent.change(within(panel).getByLabelText('Key'), { target: { value: 'Bad Key' } });
    fireEvent.change(within(panel).getByLabelText('Value'), { target: { value: 'gold' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add' }));
    expect(within(panel).getByText(/A key is lowercase letters/)).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Key'), { target: { value: 'level' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(within(panel).getByTestId('attribute-level').textContent).toBe('gold'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove attribute city' }));
    await waitFor(() => expect(within(panel).queryByTestId('attribute-city')).toBeNull());
    expect(patches()).toEqual([
      { attributes: { age: 29 } },
      { attributes: { level: 'gold' } },
      { attributes: { city: null } },
    ]);
  });

  it('shows a viewer the contact’s attributes read-only', async () => {
    serve('viewer', { open: true });
    const attributes = await screen.findByTestId('contact-attributes');
    expect(attributes.textContent).toBe('city上海age28');
    expect(within(screen.getByTestId('contact-panel')).queryByRole('button', { name: 'Add' })).toBeNull();
    expect(screen.queryByTestId('attribute-city')).toBeNull();
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
