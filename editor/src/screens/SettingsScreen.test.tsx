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
};

let calls: Call[] = [];
beforeEach(() => {
  calls = fakeApi({
    'GET /api/workspace': WORKSPACE,
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
});
