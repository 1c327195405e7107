// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintOf } from '../store.ts';
import { AT, CONTACT, contact, FLOW, json, listed, setup, VERSIONS } from './simulator-test-support.tsx';

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
