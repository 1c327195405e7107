// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadsScreen } from './LeadsScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const SANDBOX = '00000000-0000-4000-8000-0000000000b1';
const REAL = '00000000-0000-4000-8000-0000000000b2';
const AT = new Date(Date.now() - 5 * 60_000).toISOString();
const session = (role: string) => ({
  user: { id: '00000000-0000-4000-8000-0000000000e1', email: 'a@example.com', name: 'A' },
  workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
  role,
  csrfToken: 'csrf',
});
const bot = (id: string, puppet: string) => ({ id, name: puppet, puppet, status: 'running' });
const lead = (n: number, over: object = {}) => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  phone: `1380013800${n}`,
  weixin: null,
  name: '',
  attributes: {},
  status: 'queued',
  botAccountId: SANDBOX,
  contactId: null,
  error: null,
  createdAt: AT,
  acceptedAt: null,
  ...over,
});

type Routes = Parameters<typeof fakeApi>[0];
function serve(leads: (call: Call) => unknown, more: Routes = {}, role = 'marketer') {
  return fakeApi({
    'GET /api/me': session(role),
    'GET /api/bots': [bot(SANDBOX, 'sandbox'), bot(REAL, 'wechaty-puppet-service')],
    'GET /api/leads*': leads,
    ...more,
  });
}
const show = (lang: 'en' | 'zh-CN' = 'en') =>
  render(
    <Harness initial={lang}>
      <LeadsScreen />
    </Harness>,
  );
const leadGets = (calls: Call[]) => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/leads'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('leads screen', () => {
  it('says what to do when there are no leads: paste phones, or post them from the website', async () => {
    serve(() => ({ items: [], nextCursor: null }));
    show('zh-CN');
    await screen.findByText('还没有网站线索');
    expect(screen.getByText(/粘贴一批手机号，或者让你的网站/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '+ 粘贴线索' })).toHaveLength(2);
    fireEvent.click(screen.getByText('网站对接'));
    const curl = screen.getByTestId('leads-curl').textContent ?? '';
    expect(curl).toContain(`curl -X POST ${window.location.origin}/api/leads`);
    expect(curl).toContain("-H 'authorization: Bearer <API key>'");
    expect(curl).toContain('"phone":"13800138000"');
  });

  it('previews a pasted CSV with each row’s problems, sends the good rows, and shows each row’s answer', async () => {
    let listed = [lead(1)];
    const calls = serve(() => ({ items: listed, nextCursor: null }), {
      'POST /api/leads/bulk': (call: Call) => {
        const sent = (call.body as { leads: { phone: string }[] }).leads;
        listed = [...sent.map((_, i) => lead(i + 2)), lead(1)];
        return {
          results: [
            { row: 0, id: lead(2).id, status: 'queued', duplicate: false },
            { row: 1, id: lead(1).id, status: 'requested', duplicate: true },
            // A refusal the preview did not foresee, by its code.
            {
              row: 2,
              errors: [
                {
                  path: 'phone',
                  message: 'must be a mainland-China mobile number',
                  code: 'custom',
                  params: { code: 'china_mobile' },
                },
              ],
            },
          ],
        };
      },
    });
    show();
    fireEvent.click(await screen.findByRole('button', { name: '+ Paste leads' }));
    fireEvent.change(await screen.findByLabelText(/^Phones: one per line/), {
      target: {
        value: 'phone,name,course\n138 0013 8002,王女士,瑜伽\n13800138001\n12345,坏号码\n13900139000,李先生',
      },
    });
    const preview = screen.getAllByTestId('leads-preview-row');
    expect(preview.map((row) => row.textContent)).toEqual([
      '2138 0013 8002王女士course 瑜伽',
      '3138 0013 8001——',
      '412345坏号码—Phone: Must be a mainland-China mobile number',
      '5139 0013 9000李先生—',
    ]);
    expect(screen.getByTestId('leads-paste-counts').textContent).toBe(
      'Ready to add: 3 · with problems, not sent: 1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add leads (3)' }));

    await screen.findByText('Added: 1 · already leads: 1 · errors or not sent: 2');
    expect(calls.find((c) => c.url === '/api/leads/bulk')?.body).toEqual({
      leads: [
        { phone: '13800138002', name: '王女士', attributes: { course: '瑜伽' } },
        { phone: '13800138001' },
        { phone: '13900139000', name: '李先生' },
      ],
    });
    const results = screen.getAllByTestId('leads-result-row');
    expect(results.map((row) => row.getAttribute('data-result'))).toEqual([
      'created',
      'duplicate',
      'skipped',
      'error',
    ]);
    expect(within(results[2]!).getByText('Phone: Must be a mainland-China mobile number')).toBeTruthy();
    expect(within(results[3]!).getByText('Phone: Must be a mainland-China mobile number')).toBeTruthy();
    // The list refreshes with what was added.
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('leads-paste-text')).toBeNull();
  });

  it('shows statuses in Chinese with their meaning, links the contact, and accepts a sandbox lead', async () => {
    const contactId = '00000000-0000-4000-8000-0000000000c1';
    let status = 'requested';
    const calls = serve(
      () => ({
        items: [
          lead(1, { name: '王女士', status, contactId, attributes: { course: '瑜伽' } }),
          lead(2, { status: 'requested', botAccountId: REAL, contactId: null }),
          lead(3, { phone: null, weixin: 'meili_88', status: 'not_found' }),
        ],
        nextCursor: null,
      }),
      {
        [`POST /api/sandbox/leads/${lead(1).id}/accept`]: () => {
          status = 'accepted';
          return {
            leadId: lead(1).id,
            contactId,
            replies: [{ text: '王女士，感谢报名瑜伽！', nodeId: 'welcome', flowId: 'f1' }],
          };
        },
      },
      'agent',
    );
    show('zh-CN');
    const rows = await screen.findAllByTestId('lead-row');
    const badges = screen.getAllByTestId('lead-status');
    expect(badges.map((b) => [b.textContent, b.title])).toEqual([
      ['已申请', '好友申请已发出，等对方通过。'],
      ['已申请', '好友申请已发出，等对方通过。'],
      ['未找到', '微信上没有找到这个手机号或微信号。'],
    ]);
    expect(within(rows[0]!).getByRole('link', { name: '查看联系人' }).getAttribute('href')).toBe(
      `/contacts/${contactId}`,
    );
    expect(rows[2]!.textContent).toContain('meili_88');
    // Only the lead on the sandbox account can be accepted there; an agent may not paste.
    await waitFor(() => expect(screen.getAllByRole('button', { name: '模拟通过（沙盒）' })).toHaveLength(1));
    expect(screen.queryByRole('button', { name: '+ 粘贴线索' })).toBeNull();
    fireEvent.click(within(rows[0]!).getByRole('button', { name: '模拟通过（沙盒）' }));

    const note = await screen.findByTestId('lead-accepted');
    expect(note.textContent).toContain('王女士 在沙盒里通过了好友申请。');
    expect(screen.getByTestId('lead-reply').textContent).toBe('王女士，感谢报名瑜伽！');
    await waitFor(() => expect(screen.getAllByTestId('lead-status')[0]!.textContent).toBe('已通过'));
    expect(calls.filter((c) => c.url.includes('/accept'))).toHaveLength(1);
    expect(screen.queryByRole('button', { name: '模拟通过（沙盒）' })).toBeNull();
  });

  it('says in the page language why a lead cannot accept', async () => {
    serve(() => ({ items: [lead(1, { status: 'requested', contactId: null })], nextCursor: null }));
    // The fake API answers 2xx only: the refusal comes from a fetch in front of it.
    const fake = globalThis.fetch;
    const refused = { code: 'lead_not_requested', message: 'x', details: { params: { status: 'accepted' } } };
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) =>
      url.endsWith('/accept')
        ? new Response(JSON.stringify({ error: refused }), { status: 409 })
        : fake(url, init),
    );
    show('zh-CN');
    fireEvent.click(await screen.findByRole('button', { name: '模拟通过（沙盒）' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/已经通过/);
  });

  it('filters by status, loads the next page, and refreshes while a friend add is queued', async () => {
    const calls = serve((call) => {
      const url = new URL(call.url, 'http://x');
      if (url.searchParams.get('cursor') === 'page2') return { items: [lead(3)], nextCursor: null };
      const status = url.searchParams.get('status');
      if (status === 'failed') return { items: [], nextCursor: null };
      return { items: [lead(1), lead(2, { status: 'accepted' })], nextCursor: 'page2' };
    });
    show();
    await screen.findAllByTestId('lead-row');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(3));
    expect(leadGets(calls).some((c) => c.url === '/api/leads?limit=50&cursor=page2')).toBe(true);
    // A queued lead: the list asks again within about a second.
    const before = leadGets(calls).length;
    await waitFor(() => expect(leadGets(calls).length).toBeGreaterThan(before), { timeout: 2500 });

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    await screen.findByText('No leads with this status');
    expect(leadGets(calls).at(-1)?.url).toBe('/api/leads?limit=50&status=failed');
  });
});
