// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BotsScreen } from './BotsScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const BOT = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Front desk',
  puppet: 'wechaty-puppet-wechat4u',
  status: 'stopped',
  desired: 'stopped',
  error: null,
  qrcode: null,
  self: null,
  limits: {
    messagesPerMinute: 10,
    messagesPerDay: 500,
    acceptsPerHour: 10,
    acceptsPerDay: 50,
    jitterMs: [800, 2500],
  },
};

let calls: Call[] = [];
beforeEach(() => {
  calls = fakeApi({ 'GET /api/bots': [BOT], 'POST /api/bots': { ...BOT, id: BOT.id.replace('1', '2') } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('new bot form', () => {
  it('names the account types in Chinese and English, not by package', async () => {
    render(
      <Harness initial="zh-CN">
        <BotsScreen />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '+ 添加账号' }));
    const type = screen.getByLabelText('账号类型');
    expect(options(type)).toEqual([
      '沙盒（测试用，不连接微信）',
      '个人微信（网页协议，wechat4u）',
      '企业微信 / Wechaty 服务（token）',
      '其他 Wechaty puppet 包',
    ]);
    expect(screen.getByTestId('puppet-package').textContent).toBe('包名：wechaty-puppet-wechat4u');

    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() =>
      expect(options(screen.getByLabelText('Account type'))).toEqual([
        'Sandbox (for testing, no real WeChat)',
        'Personal WeChat (web protocol, wechat4u)',
        'WeCom or a Wechaty puppet service (token)',
        'Another Wechaty puppet package',
      ]),
    );
    expect(screen.getByTestId('puppet-package').textContent).toBe('Package: wechaty-puppet-wechat4u');
  });

  it('still sends the package name, with the token for a puppet service', async () => {
    render(
      <Harness initial="en">
        <BotsScreen />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '+ Add account' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'WeCom desk' } });
    fireEvent.change(screen.getByLabelText('Account type'), { target: { value: 'wechaty-puppet-service' } });
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'puppet_token_1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        name: 'WeCom desk',
        puppet: 'wechaty-puppet-service',
        puppetOptions: { token: 'puppet_token_1' },
      }),
    );
    await waitFor(() => expect(screen.queryByLabelText('Account type')).toBeNull());
  });

  it('shows a bot’s account type by its friendly name', async () => {
    render(
      <Harness initial="zh-CN">
        <BotsScreen />
      </Harness>,
    );
    const type = await screen.findByTitle('wechaty-puppet-wechat4u');
    expect(type.textContent).toBe('个人微信（网页协议，wechat4u）');
  });
});

describe('undelivered messages', () => {
  it('counts them on the bot, linking to the contacts where they are handled', async () => {
    fakeApi({
      'GET /api/bots': [
        { ...BOT, undelivered: { unknown: 2, failed: 1 } },
        { ...BOT, id: BOT.id.replace('1', '3'), name: 'Quiet', undelivered: { unknown: 0, failed: 0 } },
      ],
    });
    render(
      <Harness initial="en">
        <BotsScreen />
      </Harness>,
    );
    const badge = await screen.findByTestId('bot-undelivered');
    expect(badge.textContent).toBe('⚠ 2 unknown · 1 failed');
    expect(badge.getAttribute('href')).toBe('/contacts');
    expect(screen.getAllByTestId('bot-undelivered')).toHaveLength(1);
    expect(screen.getByText(/open the contact to resend or dismiss them/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() =>
      expect(screen.getByTestId('bot-undelivered').textContent).toBe('⚠ 2 条未知 · 1 条失败'),
    );
  });
});
