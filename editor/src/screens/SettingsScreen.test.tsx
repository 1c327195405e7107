// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZones, SettingsScreen, timeZoneChoices } from './SettingsScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const WORKSPACE = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Demo',
  timeZone: 'Asia/Shanghai',
  botSignature: null,
  fallback: { autoReplies: [], handoff: false, handoffReply: '' },
  activityGrades: { days: 30, active: 20, lurker: 0 },
  messageBudget: { perDay: 2, perWeek: 5 },
  simpleReplies: ['好的', '收到'],
  intentKeywords: ['多少钱'],
};
const ADMIN = {
  user: { id: '00000000-0000-4000-8000-000000000002', email: 'owner@example.com', name: 'Owner' },
  workspace: { id: WORKSPACE.id, name: 'Demo', timeZone: 'Asia/Shanghai' },
  role: 'owner',
  csrfToken: 'csrf',
};

let calls: Call[] = [];
beforeEach(() => {
  calls = fakeApi({
    'GET /api/workspace': WORKSPACE,
    'GET /api/me': ADMIN,
    'PATCH /api/workspace': (call: Call) => ({ ...WORKSPACE, ...(call.body as object) }),
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('gives the signature an example in the page’s language', async () => {
    render(
      <Harness initial="en">
        <SettingsScreen />
      </Harness>,
    );
    const signature = await screen.findByLabelText(/^Bot signature/);
    expect(signature.getAttribute('placeholder')).toBe('— Sent by my bot assistant');
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() =>
      expect(screen.getByLabelText(/^机器人署名/).getAttribute('placeholder')).toBe('—— 来自我的机器人助理'),
    );
  });

  it('picks the time zone from a list and saves it', async () => {
    render(
      <Harness initial="en">
        <SettingsScreen />
      </Harness>,
    );
    const zone = (await screen.findByLabelText(/^Time zone/)) as HTMLSelectElement;
    expect(zone.tagName).toBe('SELECT');
    expect(zone.value).toBe('Asia/Shanghai');
    expect(within(zone).getAllByRole('option').length).toBeGreaterThan(100);
    fireEvent.change(zone, { target: { value: 'Europe/Berlin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ timeZone: 'Europe/Berlin' }),
    );
  });

  it('keeps a zone the browser does not list, and lists some zones without Intl.supportedValuesOf', () => {
    expect(timeZoneChoices('Etc/GMT-8', ['Asia/Shanghai', 'UTC'])).toEqual([
      'Etc/GMT-8',
      'Asia/Shanghai',
      'UTC',
    ]);
    expect(timeZoneChoices('UTC', ['Asia/Shanghai', 'UTC'])).toEqual(['Asia/Shanghai', 'UTC']);
    expect(browserTimeZones()).toContain('UTC');
    vi.spyOn(Intl, 'supportedValuesOf').mockImplementation(() => {
      throw new TypeError('not supported');
    });
    const fallback = browserTimeZones();
    expect(fallback).toContain('Asia/Shanghai');
    expect(fallback).toContain('UTC');
  });

  it('edits the campaign budget and word lists, and saves them', async () => {
    render(
      <Harness initial="en">
        <SettingsScreen />
      </Harness>,
    );
    const perDay = (await screen.findByTestId('budget-perDay')) as HTMLInputElement;
    expect(perDay.value).toBe('2');
    expect((screen.getByTestId('budget-perWeek') as HTMLInputElement).value).toBe('5');
    fireEvent.change(perDay, { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('budget-perWeek'), { target: { value: '6' } });
    const simple = screen.getByTestId('simple-replies');
    await waitFor(() => within(simple).getByRole('button', { name: 'Remove 收到' }));
    fireEvent.click(within(simple).getByRole('button', { name: 'Remove 收到' }));
    const add = within(simple).getByPlaceholderText('Type and press Enter to add');
    fireEvent.change(add, { target: { value: ' 嗯嗯 ' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    // The same word again (another case or spacing) is not added twice.
    fireEvent.change(add, { target: { value: '好的' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    const intent = screen.getByTestId('intent-keywords');
    fireEvent.change(within(intent).getByPlaceholderText('Type and press Enter to add'), {
      target: { value: '报名' },
    });
    fireEvent.click(within(intent).getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save campaign settings' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        messageBudget: { perDay: 3, perWeek: 6 },
        simpleReplies: ['好的', '嗯嗯'],
        intentKeywords: ['多少钱', '报名'],
      }),
    );
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() => screen.getByText('营销活动'));
    expect(screen.getByText(/每天最多/)).toBeTruthy();
  });
});
