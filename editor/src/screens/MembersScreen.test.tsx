// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MembersScreen } from './MembersScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const at = new Date().toISOString();
const OWNER = {
  id: '00000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000011',
  email: 'boss@example.com',
  name: 'Boss',
  role: 'owner',
  createdAt: at,
};
const INVITED = {
  id: '00000000-0000-4000-8000-000000000002',
  userId: '00000000-0000-4000-8000-000000000012',
  email: 'new@example.com',
  name: '',
  role: 'marketer',
  createdAt: at,
};
const KEY = {
  id: '00000000-0000-4000-8000-000000000003',
  name: 'CRM sync',
  role: 'viewer',
  prefix: 'wf_abc',
  createdAt: at,
  lastUsedAt: null,
};

let calls: Call[] = [];
beforeEach(() => {
  calls = fakeApi({
    'GET /api/members': [OWNER, INVITED],
    'GET /api/api-keys': [KEY],
    'DELETE /api/*': undefined,
    'POST /api/api-keys': (call: Call) => ({ id: KEY.id, ...(call.body as object), key: 'wf_abc_secret' }),
  });
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

const deletes = () => calls.filter((c) => c.method === 'DELETE');

describe('members', () => {
  it('heads the table and shows an invited member’s email once', async () => {
    render(
      <Harness initial="en">
        <MembersScreen />
      </Harness>,
    );
    const rows = await screen.findAllByTestId('member-row');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name / email', 'Role', 'Takes conversations', 'Actions']);
    expect(rows[0]!.textContent).toContain('Boss');
    expect(rows[0]!.textContent).toContain('boss@example.com');
    expect(rows[1]!.textContent?.split('new@example.com').length).toBe(2);
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() =>
      expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
        '姓名 / 邮箱',
        '角色',
        '接待会话',
        '操作',
      ]),
    );
  });

  it('asks before removing a member, and Cancel keeps them', async () => {
    render(
      <Harness initial="en">
        <MembersScreen />
      </Harness>,
    );
    const row = (await screen.findAllByTestId('member-row'))[1]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    expect(deletes()).toEqual([]);
    const ask = within(row).getByRole('form', { name: 'Remove this member?' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByRole('form')).toBeNull();
    expect(deletes()).toEqual([]);

    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(deletes().map((c) => c.url)).toEqual([`/api/members/${INVITED.id}`]));
  });

  it('asks in Chinese too', async () => {
    render(
      <Harness initial="zh-CN">
        <MembersScreen />
      </Harness>,
    );
    const row = (await screen.findAllByTestId('member-row'))[1]!;
    fireEvent.click(within(row).getByRole('button', { name: '移除' }));
    expect(within(row).getByRole('form', { name: '移除该成员？' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: '取消' })).toBeTruthy();
    expect(deletes()).toEqual([]);
  });
});

describe('API keys', () => {
  it('asks before revoking a key', async () => {
    render(
      <Harness initial="en">
        <MembersScreen />
      </Harness>,
    );
    await screen.findByText('CRM sync');
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(deletes()).toEqual([]);
    expect(screen.getByRole('form', { name: 'Revoke this key?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(deletes().map((c) => c.url)).toEqual([`/api/api-keys/${KEY.id}`]));
  });

  it('clears the key name after creating a key, and says “Copied” for two seconds', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <Harness initial="zh-CN">
        <MembersScreen />
      </Harness>,
    );
    const name = (await screen.findByPlaceholderText('密钥名称')) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'Zapier' } });
    fireEvent.click(screen.getByRole('button', { name: '创建密钥' }));
    await screen.findByTestId('api-key');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Zapier', role: 'marketer' });
    expect(name.value).toBe('');

    // The two seconds run on a fake clock: the test steps it instead of sleeping through them.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '复制' })));
    expect(screen.getByRole('button', { name: '已复制' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('wf_abc_secret');
    act(() => vi.advanceTimersByTime(1999));
    expect(screen.getByRole('button', { name: '已复制' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('button', { name: '复制' })).toBeTruthy();
  });

  it('selects the key when there is no clipboard to copy to', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
      configurable: true,
    });
    render(
      <Harness initial="en">
        <MembersScreen />
      </Harness>,
    );
    fireEvent.change(await screen.findByPlaceholderText('Key name'), { target: { value: 'Zapier' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await screen.findByTestId('api-key');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByText('Selected: press Ctrl+C (⌘C) to copy');
    expect(window.getSelection()?.toString()).toBe('wf_abc_secret');
    expect(screen.queryByRole('button', { name: 'Copied' })).toBeNull();
  });
});
