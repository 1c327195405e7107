// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChannelsScreen } from './ChannelsScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const ACCOUNT = '00000000-0000-4000-8000-0000000000b1';
const session = (role: string) => ({
  user: { id: '00000000-0000-4000-8000-0000000000e1', email: 'a@example.com', name: 'A' },
  workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
  role,
  csrfToken: 'csrf',
});
const channel = {
  id: '00000000-0000-4000-8000-000000000101',
  name: '小红书 5 月',
  kind: 'hello',
  slug: 'xhs-may',
  url: '/c/xhs-may',
  helloCode: 'XHS5',
  tags: ['小红书'],
  spend: 90_000,
  botAccountIds: [],
  archived: false,
  createdAt: new Date().toISOString(),
  newFriends: 12,
  goals: 3,
  deletedWithin7d: 1,
  costPerGoal: 30_000,
};
const account = {
  botAccountId: ACCOUNT,
  name: '客服 1 号',
  puppet: 'wechaty-puppet-service',
  kind: 'personal',
  friends: 4990,
  friendCap: 5000,
  acceptsLeftToday: 0,
  room: 0,
  qrUrl: null,
};

function serve(role = 'marketer', channels: unknown[] = [channel]) {
  return fakeApi({
    'GET /api/me': session(role),
    'GET /api/channels': channels,
    'GET /api/channels/accounts': [account],
    'POST /api/channels': (call: Call) => ({ ...channel, ...(call.body as object), id: 'new' }),
  });
}
const show = (lang: 'en' | 'zh-CN' = 'en') =>
  render(
    <Harness initial={lang}>
      <ChannelsScreen />
    </Harness>,
  );

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('channels screen', () => {
  it('lists each channel with its counts and cost per goal, and each account with its room', async () => {
    serve();
    show();
    const row = await screen.findByTestId('channel-row');
    expect(within(row).getByText('小红书 5 月')).toBeTruthy();
    expect(within(row).getByText('/c/xhs-may')).toBeTruthy();
    expect(within(row).getByTestId('channel-new-friends').textContent).toBe('12');
    expect(within(row).getByTestId('channel-cost').textContent).toBe('¥300');
    const card = await screen.findByTestId('channel-account');
    expect(card.textContent).toContain('4,990 / 5,000 friends');
    expect(within(card).getByText('Full')).toBeTruthy();
  });

  it('creates a hello-code channel with its spend in cents and its tags', async () => {
    const calls = serve('marketer', []);
    show('zh-CN');
    await screen.findByText('还没有渠道');
    fireEvent.click(screen.getByTestId('new-channel'));
    const form = screen.getByTestId('channel-form');
    fireEvent.change(within(form).getByLabelText('渠道名称'), { target: { value: '地铁海报' } });
    fireEvent.change(within(form).getByLabelText(/^方式/), { target: { value: 'hello' } });
    fireEvent.change(within(form).getByLabelText('暗号'), { target: { value: 'METRO' } });
    fireEvent.change(within(form).getByLabelText('标签（逗号分隔）'), {
      target: { value: '地铁，海报, 地铁' },
    });
    fireEvent.change(within(form).getByLabelText('投放花费（元）'), { target: { value: '1234.5' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.map((c) => c.method + c.url)).toContain('POST/api/channels'));
    await waitFor(() => expect(screen.queryByTestId('channel-form')).toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '地铁海报',
      kind: 'hello',
      helloCode: 'METRO',
      tags: ['地铁', '海报'],
      spend: 123_450,
      botAccountIds: [],
    });
  });

  it('shows no editing to a viewer', async () => {
    serve('viewer');
    show();
    await screen.findByTestId('channel-row');
    expect(screen.queryByTestId('new-channel')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});
