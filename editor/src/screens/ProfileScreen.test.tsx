// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeWechatBody } from '../../../shared/api/me.ts';
import { countdown, ProfileScreen } from './ProfileScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const SESSION = {
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'zhou@example.com', name: '小周' },
  workspace: { id: '00000000-0000-4000-8000-000000000002', name: 'Demo', timeZone: 'Asia/Shanghai' },
  role: 'viewer',
  csrfToken: 'csrf',
};

const COMMANDS: MeWechatBody['commands'] = [
  {
    names: ['统计', 'stats'],
    describe: { 'zh-CN': '新好友和各流程的数据', en: 'New friends and flow numbers' },
    example: { 'zh-CN': '#统计 7天', en: '#stats 7d' },
  },
  {
    names: ['潜水', 'lurkers'],
    describe: { 'zh-CN': '按群名查潜水人数', en: 'Lurkers of a group' },
    example: { 'zh-CN': '#潜水 读书会', en: '#lurkers Book club' },
  },
];

const CONTACT = { id: '00000000-0000-4000-8000-000000000003', name: '周的微信' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show(lang: 'zh-CN' | 'en' = 'en') {
  render(
    <Harness initial={lang}>
      <ProfileScreen />
    </Harness>,
  );
}

describe('profile', () => {
  it('gets a binding code and shows it with the instruction and the time left', async () => {
    let binding: MeWechatBody = { bound: false, commands: COMMANDS };
    const calls = fakeApi({
      'GET /api/me': SESSION,
      'GET /api/me/wechat': () => binding,
      'POST /api/me/wechat/code': () => {
        binding = { ...binding, code: '048213', expiresAt: new Date(Date.now() + 90_000).toISOString() };
        return { code: binding.code, expiresAt: binding.expiresAt };
      },
    });
    show();
    expect(await screen.findByText('zhou@example.com')).toBeTruthy();
    expect(screen.getByText('Viewer')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Get a binding code' }));
    expect((await screen.findByTestId('wechat-code')).textContent).toBe('048213');
    expect(
      screen.getByText('Send this 6-digit code to the bot account from your WeChat, in a private chat.'),
    ).toBeTruthy();
    expect(screen.getByTestId('wechat-code-countdown').textContent).toMatch(/^Expires in 1:(30|29)$/);
    expect(screen.getByRole('button', { name: 'Get a new code' })).toBeTruthy();
    expect(calls.filter((c: Call) => c.method === 'POST')).toHaveLength(1);

    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(await screen.findByText('用你的微信把这 6 位验证码私聊发给工作区的机器人账号。')).toBeTruthy();
    expect(screen.getByTestId('wechat-code-countdown').textContent).toMatch(/^1:(30|29) 后失效$/);
  });

  it('says when the code expired and offers a new one', async () => {
    fakeApi({
      'GET /api/me': SESSION,
      'GET /api/me/wechat': {
        bound: false,
        code: '111111',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
        commands: COMMANDS,
      },
    });
    show('zh-CN');
    expect(await screen.findByText('验证码已过期，请重新获取。')).toBeTruthy();
    expect(screen.queryByTestId('wechat-code')).toBeNull();
    expect(screen.getByRole('button', { name: '获取绑定验证码' })).toBeTruthy();
  });

  it('shows the bound WeChat and unbinds it after asking', async () => {
    let binding: MeWechatBody = { bound: true, contact: CONTACT, commands: COMMANDS };
    const calls = fakeApi({
      'GET /api/me': SESSION,
      'GET /api/me/wechat': () => binding,
      'DELETE /api/me/wechat': () => {
        binding = { bound: false, commands: COMMANDS };
        return undefined;
      },
    });
    show();
    expect(await screen.findByText('WeChat bound: 周的微信')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Get a binding code' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Unbind' }));
    const question = screen.getByRole('form', { name: 'Unbind this WeChat?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Unbind' }));
    await waitFor(() =>
      expect(calls.some((c: Call) => c.method === 'DELETE' && c.url === '/api/me/wechat')).toBe(true),
    );
    expect(await screen.findByRole('button', { name: 'Get a binding code' })).toBeTruthy();
    expect(screen.queryByText('WeChat bound: 周的微信')).toBeNull();
  });

  it('lists the chat commands with examples in the page’s language', async () => {
    fakeApi({ 'GET /api/me': SESSION, 'GET /api/me/wechat': { bound: false, commands: COMMANDS } });
    show();
    expect(await screen.findByText('#统计 / #stats')).toBeTruthy();
    expect(screen.getByText('New friends and flow numbers')).toBeTruthy();
    expect(screen.getByText('#lurkers Book club')).toBeTruthy();
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(await screen.findByText('按群名查潜水人数')).toBeTruthy();
    expect(screen.getByText('#潜水 读书会')).toBeTruthy();
  });

  it('counts down in minutes and seconds', () => {
    expect(countdown(15 * 60_000)).toBe('15:00');
    expect(countdown(61_001)).toBe('1:02');
    expect(countdown(-5)).toBe('0:00');
  });
});
