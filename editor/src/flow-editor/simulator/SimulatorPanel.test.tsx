// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import onboarding from '../../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../../i18n.ts';
import { createFlowStore, FlowStoreProvider, lintOf } from '../store.ts';
import { SimulatorPanel } from './SimulatorPanel.tsx';

const FLOW = '00000000-0000-4000-8000-000000000001';
const CONTACT = '00000000-0000-4000-8000-0000000000c1';
const AT = '2025-01-01T00:00:00.000Z';

type Route = (init: RequestInit | undefined) => Response;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session = (role: string) => () =>
  json({
    user: { id: '00000000-0000-4000-8000-0000000000e1', email: 'ming@example.com', name: 'Ming' },
    workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
    role,
    csrfToken: 'csrf',
  });

function setup(routes: Record<string, Route>, role = 'marketer') {
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
  (name: string, friendStatus = 'friend', previewFlowId: string | null = null) =>
  () =>
    json([{ id: CONTACT, name, friendStatus, previewFlowId }]);

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
        sandboxContacts.push({ id: CONTACT, name: 'Ming', friendStatus: 'stranger', previewFlowId: null });
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

const VERSIONS = {
  [`GET /flows/${FLOW}/versions`]: () =>
    json([{ version: 1, publishedAt: AT, publishedBy: null, hash: 'h' }]),
};

describe('SimulatorPanel: the draft', () => {
  it('tries the saved draft, then offers a restart once the draft changes', async () => {
    let previewFlowId: string | null = null;
    const { store, calls, saveNow } = setup({
      ...VERSIONS,
      'GET /sandbox/contacts': () => listed('Ming', 'friend', previewFlowId)(),
      [`POST /sandbox/contacts/${CONTACT}/reset`]: (init) => {
        previewFlowId = JSON.parse(String(init?.body)).previewFlowId;
        return json({ id: CONTACT, name: 'Ming', previewFlowId });
      },
    });
    const published = await screen.findByTestId('sim-talk-published');
    await waitFor(() => expect(published.textContent).toBe('Published v1'));
    expect(published.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('sim-talk-draft'));
    await waitFor(() => expect(screen.getByTestId('sim-runs').textContent).toBe('Trying the draft'));
    expect(screen.getByTestId('sim-talk-draft').getAttribute('aria-pressed')).toBe('true');
    expect(saveNow).toHaveBeenCalledOnce();
    const reset = {
      method: 'POST',
      path: `/sandbox/contacts/${CONTACT}/reset`,
      body: { previewFlowId: FLOW },
    };
    // Saved first: the server previews the saved draft.
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      { method: 'SAVE', path: '', body: undefined },
      reset,
    ]);
    expect(screen.queryByTestId('sim-draft-changed')).toBeNull();

    act(() => {
      store.getState().addNode('tag', { x: 0, y: 900 });
      const { nodes, edges, setLint } = store.getState();
      setLint(lintOf(nodes, edges));
    });
    fireEvent.click(await screen.findByTestId('sim-restart-latest'));
    await waitFor(() => expect(calls.filter((c) => c.path.endsWith('/reset'))).toEqual([reset, reset]));
    await waitFor(() => expect(screen.queryByTestId('sim-draft-changed')).toBeNull());

    fireEvent.click(screen.getByTestId('sim-talk-published'));
    await waitFor(() => expect(screen.getByTestId('sim-runs').textContent).toBe('Runs v1'));
    expect(calls.filter((c) => c.path.endsWith('/reset')).at(-1)?.body).toEqual({ previewFlowId: null });
  });

  it('says when the draft has errors and points at the lint panel', async () => {
    const { store } = setup({
      ...VERSIONS,
      'GET /sandbox/contacts': listed('Ming'),
      [`POST /sandbox/contacts/${CONTACT}/reset`]: () =>
        json(
          {
            error: {
              code: 'invalid_flow',
              message: 'The draft has errors: fix them before trying it',
              details: { errors: [{ code: 'no_trigger' }, { code: 'invalid_data' }], warnings: [] },
            },
          },
          422,
        ),
    });
    act(() =>
      store.getState().setLint({
        ...store.getState().lint,
        errors: [{ code: 'invalid_data', message: 'x', nodeId: 'city' }],
      }),
    );
    fireEvent.click(await screen.findByTestId('sim-talk-draft'));
    const note = await screen.findByTestId('sim-draft-invalid');
    expect(note.textContent).toMatch(/left: 2\).*lint panel at the bottom left/);
    expect(screen.getByTestId('sim-talk-published').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Show the first error' }));
    expect(store.getState().focus?.nodeId).toBe('city');
  });
});

describe('SimulatorPanel: starting over', () => {
  it('asks, then resets the contact as it is and empties its transcript', async () => {
    let transcript: unknown[] = [
      { direction: 'in', text: 'hi', at: AT, nodeId: null },
      { direction: 'out', text: 'Which city?', at: AT, nodeId: 'city' },
    ];
    const { calls } = setup({
      ...VERSIONS,
      'GET /sandbox/contacts': listed('Ming', 'friend', FLOW),
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () => json(transcript),
      [`POST /sandbox/contacts/${CONTACT}/reset`]: () => {
        transcript = [];
        return json({ id: CONTACT, name: 'Ming', previewFlowId: FLOW });
      },
    });
    expect((await screen.findByTestId('sim-bubble-out')).textContent).toBe('Which city?');
    fireEvent.click(screen.getByTestId('sim-restart'));
    expect(
      screen.getByRole('form', { name: 'Clear Ming’s chat, attributes and tags and start again?' }),
    ).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/reset'))).toBe(false);
    fireEvent.click(screen.getByTestId('sim-restart-confirm'));
    expect(await screen.findByText(/No messages yet/)).toBeTruthy();
    expect(screen.queryByTestId('sim-bubble-out')).toBeNull();
    expect(calls.find((c) => c.path.endsWith('/reset'))?.body).toEqual({ previewFlowId: FLOW });
  });
});

describe('SimulatorPanel: the clock', () => {
  it('shows the sandbox time from the start, in the workspace time zone, and refreshes it', async () => {
    let now = '2025-01-01T00:00:00.000Z';
    const { calls } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      'GET /sandbox/clock': () => json({ now }),
      'POST /sandbox/clock/advance': () => {
        now = '2025-01-01T01:00:00.000Z';
        return json({ now, fired: 0 });
      },
    });
    await waitFor(() => expect(screen.getByTestId('sim-now').textContent).toBe('Wed, Jan 1, 2025, 08:00'));
    fireEvent.click(screen.getByTestId('sim-advance-1h'));
    await waitFor(() =>
      expect(screen.getByTestId('sim-now').textContent).toMatch(/^Wed, Jan 1, 2025, 09:00/),
    );
    await waitFor(() => expect(calls.filter((c) => c.path === '/sandbox/clock')).toHaveLength(2));
  });

  it('refuses more than 90 days in one advance without asking the server', async () => {
    const { calls } = setup({ 'GET /sandbox/contacts': listed('Ming') });
    fireEvent.change(await screen.findByTestId('sim-advance-amount'), { target: { value: '13' } });
    fireEvent.change(screen.getByTestId('sim-advance-unit'), { target: { value: 'weeks' } });
    fireEvent.click(screen.getByTestId('sim-advance-custom'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('At most 90 days per advance');
    expect(calls.some((c) => c.path === '/sandbox/clock/advance')).toBe(false);
  });

  it('shows agents the time but not the controls', async () => {
    setup(
      { 'GET /sandbox/contacts': listed('Ming'), 'GET /sandbox/clock': () => json({ now: AT }) },
      'agent',
    );
    expect((await screen.findByTestId('sim-clock-readonly')).textContent).toBe(
      'Marketers and above can move the clock.',
    );
    expect(screen.queryByTestId('sim-advance-1h')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('sim-now').textContent).toBe('Wed, Jan 1, 2025, 08:00'));
  });
});

describe('SimulatorPanel: the transcript', () => {
  it('shows media by kind, and messages that may not have been delivered', async () => {
    let undelivered = [
      {
        id: 7,
        kind: 'message',
        text: 'Your coupon',
        status: 'unknown',
        error: null,
        at: AT,
        nodeId: 'gift',
        flowId: FLOW,
      },
    ];
    const { calls } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () =>
        json([
          { direction: 'in', text: '', kind: 'image', at: AT, nodeId: null },
          { direction: 'in', text: '', kind: 'voice', at: AT, nodeId: null },
        ]),
      [`GET /contacts/${CONTACT}/undelivered`]: () => json(undelivered),
      'POST /outbox/7/dismiss': () => {
        undelivered = [];
        return json({ id: 7, status: 'dismissed' });
      },
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('sim-bubble-in').map((b) => b.textContent)).toEqual([
        '[Image]',
        '[Voice message]',
      ]),
    );
    const item = await screen.findByTestId('undelivered');
    expect(item.textContent).toMatch(/Your coupon.*may or may not have reached WeChat/);
    fireEvent.click(screen.getByTestId('undelivered-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('undelivered')).toBeNull());
    expect(calls.some((c) => c.method === 'POST' && c.path === '/outbox/7/dismiss')).toBe(true);
  });
});

describe('SimulatorPanel: media in the transcript', () => {
  const MEDIA_ID = '0b5e3c1e-8d4a-4c57-9a4e-3f0f5f2b7a11';

  it('shows images and cards as WeChat does, below the text they came with', async () => {
    const { store } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () =>
        json([
          {
            direction: 'in',
            text: '',
            kind: 'image',
            media: { kind: 'image', mediaId: MEDIA_ID },
            at: AT,
            nodeId: null,
          },
          {
            direction: 'out',
            text: 'Spring is here',
            at: AT,
            nodeId: 'promo',
            media: {
              kind: 'link',
              url: 'https://shop.example.com/spring',
              title: 'Spring sale',
              description: '20% off everything',
            },
          },
          {
            direction: 'out',
            text: '',
            at: AT,
            nodeId: 'member',
            media: {
              kind: 'mini_program',
              appId: 'wx1234567890abcdef',
              title: 'Member center',
              pagePath: 'pages/index',
            },
          },
          {
            direction: 'out',
            text: 'Your coupon',
            at: AT,
            nodeId: 'gift',
            media: { kind: 'image', url: 'https://cdn.example.com/c.png' },
          },
          { direction: 'in', text: '', kind: 'image', media: null, at: AT, nodeId: null },
        ]),
    });
    const image = await screen.findByTestId('media-image');
    expect(image.getAttribute('src')).toBe(`/api/media/${MEDIA_ID}`);
    expect(image.getAttribute('alt')).toBe('Image');
    const link = screen.getByTestId('media-link');
    expect(link.textContent).toContain('Spring sale');
    expect(link.textContent).toContain('20% off everything');
    expect(link.textContent).toContain('shop.example.com/spring');
    expect(screen.getByTestId('media-mini-program').textContent).toContain('Member center');
    expect(screen.getByTestId('media-image-url').textContent).toContain('cdn.example.com/c.png');
    const out = screen.getAllByTestId('sim-bubble-out').map((b) => b.textContent);
    expect(out[0]).toMatch(/^Spring is here.*Spring sale/);
    // An image the archive kept no copy of shows as its label, as before.
    expect(screen.getAllByTestId('sim-bubble-in').map((b) => b.textContent)).toEqual(['', '[Image]']);
    // A card the bot sent points at its node, as its text does.
    fireEvent.click(link);
    expect(store.getState().focus?.nodeId).toBe('promo');
  });
});

describe('SimulatorPanel: the group tab', () => {
  const SANDBOX = '00000000-0000-4000-8000-0000000000b1';
  const ROOM = '00000000-0000-4000-8000-0000000000d1';
  const OTHER = '00000000-0000-4000-8000-0000000000d2';
  const room = (id: string, topic: string, memberCount: number, botAccountId = SANDBOX) => ({
    id,
    topic,
    botAccountId,
    botAccountName: 'Sandbox',
    memberCount,
    capacity: 3,
    roomSet: '新人群',
    open: true,
    botIsAdmin: true,
    joinedToday: 0,
    leftToday: 0,
    qr: null,
  });
  const member = { contactId: CONTACT, name: 'Ming', joinedAt: AT, leftAt: null, via: 'qr' };

  it('lists the sandbox groups, joins by QR code, says when there is no invite and speaks with an @', async () => {
    let members: unknown[] = [];
    let chat: unknown[] = [];
    const { calls } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      'GET /bots': () => json([{ id: SANDBOX, puppet: 'sandbox' }]),
      'GET /rooms?limit=200': () =>
        json({
          items: [
            room(ROOM, '新人群 2', members.length),
            room(OTHER, 'Real group', 5, '00000000-0000-4000-8000-0000000000b2'),
            room(OTHER.replace('d2', 'd3'), '新人群 1', 0),
          ],
          nextCursor: null,
        }),
      [`GET /rooms/${ROOM}/members?sort=joinedAt&limit=500`]: () =>
        json({ items: members, total: members.length }),
      [`GET /rooms/${ROOM}/messages?limit=100`]: () => json(chat),
      [`POST /sandbox/rooms/${ROOM}/join`]: () => {
        members = [member];
        chat = [
          {
            id: 1,
            contactId: null,
            name: '',
            direction: 'out',
            text: '欢迎 Ming 加入！',
            kind: 'text',
            at: AT,
          },
        ];
        return json({ replies: [{ text: '欢迎 Ming 加入！', nodeId: 'w', flowId: FLOW, roomId: ROOM }] });
      },
      [`POST /sandbox/rooms/${ROOM}/messages`]: () => {
        chat = [
          {
            id: 2,
            contactId: CONTACT,
            name: 'Ming',
            direction: 'in',
            text: '@Sandbox\u2005hi',
            kind: 'text',
            at: AT,
          },
          ...chat,
        ];
        return json({
          replies: [{ text: 'Check your chat', nodeId: 'dm', flowId: FLOW, roomId: null }],
        });
      },
      [`POST /sandbox/contacts/${CONTACT}/accept-invite`]: () =>
        json(
          { error: { code: 'no_pending_invite', message: 'The contact has no group invitation to accept' } },
          409,
        ),
    });
    fireEvent.click(await screen.findByTestId('sim-tab-group'));
    expect(screen.queryByTestId('sim-input')).toBeNull();
    const select = (await screen.findByTestId('sim-room-select')) as HTMLSelectElement;
    // Only the sandbox account's groups, by topic.
    await waitFor(() =>
      expect([...select.options].map((o) => o.textContent)).toEqual(['新人群 1 (0/3)', '新人群 2 (0/3)']),
    );
    fireEvent.change(select, { target: { value: ROOM } });
    expect((await screen.findByTestId('sim-room-membership')).textContent).toBe('Not in the group');
    expect(screen.getByText('No messages in this group yet.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('sim-room-join'));
    await waitFor(() => expect(screen.getByTestId('sim-room-membership').textContent).toBe('In the group'));
    const welcome = await screen.findByTestId('sim-room-message');
    expect(welcome.getAttribute('data-from')).toBe('bot');
    expect(welcome.textContent).toBe('Sandbox欢迎 Ming 加入！');
    expect(select.selectedOptions[0]?.textContent).toBe('新人群 2 (1/3)');
    expect(screen.getByTestId('sim-room-members').textContent).toBe('In it: Ming');

    // Nothing to accept: the error catalogue says so; the next action clears it.
    fireEvent.click(screen.getByTestId('sim-room-accept-invite'));
    expect((await screen.findByTestId('sim-room-error')).textContent).toBe(
      'The contact has no group invitation to accept',
    );

    expect((screen.getByTestId('sim-room-mention') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByTestId('sim-room-input'), { target: { value: 'hi' } });
    fireEvent.click(screen.getByTestId('sim-room-send'));
    await waitFor(() => expect(screen.getAllByTestId('sim-room-message')).toHaveLength(2));
    const said = screen.getAllByTestId('sim-room-message')[1]!;
    expect(said.getAttribute('data-from')).toBe('contact');
    expect(said.textContent).toBe('Ming@Sandbox\u2005hi');
    expect(calls).toContainEqual({
      method: 'POST',
      path: `/sandbox/rooms/${ROOM}/messages`,
      body: { contactId: CONTACT, text: 'hi', mentionsBot: true },
    });
    // The bot answered in private too: one click shows the chat.
    expect((await screen.findByTestId('sim-room-private')).textContent).toMatch(/wrote 1 in private/);
    expect(screen.queryByTestId('sim-room-error')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show the chat' }));
    expect(await screen.findByTestId('sim-input')).toBeTruthy();
    expect(screen.getByTestId('sim-tab-chat').getAttribute('aria-pressed')).toBe('true');
  });
});
