// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InsightItem } from '../../../shared/api/insights.ts';
import { InsightsScreen } from './InsightsScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const SESSION = {
  user: { id: '00000000-0000-4000-8000-000000000011', email: 'ann@example.com', name: 'Ann' },
  workspace: { id: '00000000-0000-4000-8000-000000000001', name: 'Shop', timeZone: 'Asia/Shanghai' },
  role: 'owner',
  csrfToken: 'csrf',
};
const FLOW = '00000000-0000-4000-8000-000000000021';
const ITEMS: InsightItem[] = [
  { kind: 'intent_unanswered', title: '', count: 3, link: '/insights/intent_unanswered', params: {} },
  {
    kind: 'drop_off',
    title: '',
    count: 60,
    link: `/flows/${FLOW}?node=ask`,
    params: { flowName: '新人引导', nodeId: 'ask', nodeLabel: '问城市', dropOff: 0.6, dropOffBefore: 0.1 },
  },
  {
    kind: 'unanswered_phrase',
    title: '',
    count: 4,
    link: '/settings',
    params: { phrase: '营业时间', contacts: 3 },
  },
  {
    kind: 'budget_near',
    title: '',
    count: 18,
    link: '/bots',
    params: { accountName: '客服一号', action: 'friend_accept', used: 18, limit: 20 },
  },
];
const WORKSPACE = {
  fallback: { autoReplies: [{ keywords: ['价格'], reply: '见官网' }], handoff: true, handoffReply: '' },
};
const QUALITY = { from: '2026-03-04', to: '2026-03-10', timeZone: 'Asia/Shanghai', flows: [], accounts: [] };

let calls: Call[] = [];
const serve = (items: InsightItem[], role = 'owner') => {
  calls = fakeApi({
    'GET /api/me': { ...SESSION, role },
    'GET /api/insights': { items },
    'GET /api/analytics/bot-quality*': QUALITY,
    'GET /api/workspace': WORKSPACE,
    'PATCH /api/workspace': WORKSPACE,
    'POST /api/flows': { id: FLOW },
  });
};
const renderAt = (lang: 'en' | 'zh-CN') =>
  render(
    <Harness initial={lang}>
      <InsightsScreen />
    </Harness>,
  );
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Insights', () => {
  it('says each item from its kind and params', async () => {
    serve(ITEMS);
    renderAt('zh-CN');
    const texts = (await screen.findAllByTestId('insight-text')).map((e) => e.textContent);
    expect(texts).toEqual([
      '表达了购买意向，24 小时内没有人工回复，今天回复他们',
      '「新人引导」的「问城市」本周流失 60%，上周只有 10%',
      '「营业时间」：没有流程或自动回复接住（3 位联系人问过）',
      '「客服一号」今天已用 18/20 的通过好友额度',
    ]);
  });

  it('says there is nothing to do when there is nothing', async () => {
    serve([]);
    renderAt('en');
    expect((await screen.findByTestId('insights-empty')).textContent).toContain('Nothing to do today');
  });

  it('turns an unanswered phrase into an auto-reply, keeping the others', async () => {
    serve(ITEMS.slice(2, 3));
    renderAt('en');
    fireEvent.click(await screen.findByRole('button', { name: 'Add auto-reply' }));
    fireEvent.change(screen.getByTestId('insight-reply'), { target: { value: '9:00–18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save auto-reply' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      fallback: {
        ...WORKSPACE.fallback,
        autoReplies: [...WORKSPACE.fallback.autoReplies, { keywords: ['营业时间'], reply: '9:00–18:00' }],
      },
    });
  });

  it('lets a marketer draft a keyword flow but leaves the auto-reply to an admin', async () => {
    serve(ITEMS.slice(2, 3), 'marketer');
    renderAt('en');
    const draft = await screen.findByRole('button', { name: 'New keyword flow' });
    const reply = screen.getByRole('button', { name: 'Add auto-reply' });
    await waitFor(() => expect(reply).toHaveProperty('disabled', true));
    expect(screen.getByTestId('insight-why-not').textContent).toBe(
      'Auto-replies are workspace settings: an owner or admin can add this one.',
    );
    expect(reply.parentElement!.title).toBe(screen.getByTestId('insight-why-not').textContent);
    expect(reply.getAttribute('aria-describedby')).toBe(screen.getByTestId('insight-why-not').id);
    fireEvent.click(reply);
    expect(screen.queryByTestId('insight-reply')).toBeNull();
    expect(draft).toHaveProperty('disabled', false);
    fireEvent.click(draft);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ name: 'Keyword: 营业时间' });
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('tells an agent, in Chinese, who can act on an unanswered phrase', async () => {
    serve(ITEMS.slice(2, 3), 'agent');
    renderAt('zh-CN');
    const note = await screen.findByTestId('insight-why-not');
    expect(note.textContent).toBe(
      '自动回复属于工作区设置，只有所有者和管理员可以添加，请联系管理员。只有所有者、管理员和运营可以新建流程。',
    );
    expect(screen.getByRole('button', { name: '添加自动回复' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '新建关键词流程' })).toHaveProperty('disabled', true);
  });

  it('shows an admin no hint', async () => {
    serve(ITEMS.slice(2, 3), 'admin');
    renderAt('en');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add auto-reply' })).toHaveProperty('disabled', false),
    );
    expect(screen.queryByTestId('insight-why-not')).toBeNull();
  });
});
