// Shared fixtures for the inbox screen tests: a fake EventSource the stream tests push through, the
// canned session, conversation, contact and saved replies, `serve` (renders the inbox over a fake
// API and returns its calls), and helpers to read those calls.
import { act, render } from '@testing-library/react';
import type { SessionBody } from '../../../shared/api/auth.ts';
import { Shell } from '../app/Shell.tsx';
import { InboxScreen } from './InboxScreen.tsx';
import type { Contact, ConversationDetail, ConversationItem } from './inbox-api.ts';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

export const ME = '00000000-0000-4000-8000-0000000000e1';
export const LI = '00000000-0000-4000-8000-0000000000e2';
export const CONV = '00000000-0000-4000-8000-0000000000a1';
export const CONTACT = '00000000-0000-4000-8000-0000000000c1';
export const BOT = '00000000-0000-4000-8000-0000000000b1';
export const AT = '2025-01-01T08:00:00.000Z';

export class FakeEventSource {
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

export const session = (role: string): SessionBody =>
  ({
    user: { id: ME, email: 'wang@example.com', name: 'Wang' },
    workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
    role,
    csrfToken: 'csrf',
  }) as SessionBody;

export const item = (over: Partial<ConversationItem> = {}): ConversationItem => ({
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

export const DETAIL: ConversationDetail = {
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

export const FLOW = '00000000-0000-4000-8000-0000000000f7';
export const ROOM = '00000000-0000-4000-8000-000000000091';
export const CONTACT_DETAIL: Contact = {
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
  runs: [{ flowId: FLOW, version: 2, status: 'waiting', currentNodeId: 'ask_city', currentNodeLabel: null }],
  groups: [{ roomId: ROOM, topic: '新人群 1', joinedAt: AT }],
  goals: [{ name: '留资', flowId: FLOW, at: AT }],
  coupons: [{ code: 'WELCOME-0001', pool: 'welcome', at: AT }],
};

export const SAVED = [
  {
    id: '00000000-0000-4000-8000-0000000000d1',
    shortcut: 'hello',
    text: '你好 {{contact.name}}，有什么可以帮你？',
  },
  { id: '00000000-0000-4000-8000-0000000000d2', shortcut: 'help', text: '请稍等，我查一下。' },
];

export function serve(
  role: string,
  options: { items?: ConversationItem[]; open?: boolean; shell?: boolean } = {},
) {
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

export const listCalls = (calls: Call[]) =>
  calls
    .filter((c) => c.method === 'GET' && c.url.startsWith('/api/conversations?'))
    .map((c) => Object.fromEntries(new URL(c.url, 'http://x').searchParams));

export const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
