// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AT, CONTACT, FLOW, json, listed, setup } from './simulator-test-support.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
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
