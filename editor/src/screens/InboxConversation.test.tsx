// @vitest-environment happy-dom

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { CONV, FakeEventSource, FLOW, LI, ME, posts, ROOM, serve } from './inbox-test-support.tsx';

beforeEach(() => {
  FakeEventSource.instances = [];
  localStorage.clear();
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
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
