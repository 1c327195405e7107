// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewItem } from './inbox-stats-api.ts';
import { ReviewScreen } from './ReviewScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const FLOW = { id: '00000000-0000-4000-8000-000000000021', name: '售后' };
const CONVERSATION = '00000000-0000-4000-8000-000000000031';
const at = '2026-03-10T02:00:00.000Z';

const BOT_MESSAGE: ReviewItem = {
  messageId: 7,
  conversationId: CONVERSATION,
  contact: { id: '00000000-0000-4000-8000-000000000041', name: '小王' },
  author: 'bot',
  authorName: null,
  text: '请提供订单号',
  at,
  flowId: FLOW.id,
  flowName: FLOW.name,
  nodeId: 'ask_order',
  nodeLabel: '问订单',
  rating: 'bad',
  comment: 'Asked twice',
  reviewer: { id: '00000000-0000-4000-8000-000000000111', name: 'Ann' },
  reviewedAt: at,
};
const AGENT_MESSAGE: ReviewItem = {
  ...BOT_MESSAGE,
  messageId: 8,
  conversationId: null,
  author: 'agent',
  authorName: 'Bo',
  text: 'Refund sent',
  flowId: null,
  flowName: null,
  nodeId: null,
  rating: 'good',
  comment: '',
  reviewer: null,
};

const member = (n: number, name: string, role: string, agent: boolean) => ({
  id: `00000000-0000-4000-8000-00000000001${n}`,
  userId: `00000000-0000-4000-8000-00000000011${n}`,
  email: `${name.toLowerCase()}@example.com`,
  name,
  role,
  createdAt: at,
  agent,
  online: false,
});
// Ann owns the workspace and takes conversations too; Cy does not.
const MEMBERS = [
  member(1, 'Ann', 'owner', true),
  member(2, 'Cy', 'marketer', false),
  member(3, 'Bo', 'agent', true),
];

let calls: Call[] = [];
const serve = (pages: Record<string, { items: ReviewItem[]; nextCursor: string | null }>) => {
  calls = fakeApi({
    'GET /api/me': {
      user: null,
      workspace: { id: FLOW.id, name: 'Shop', timeZone: 'Asia/Shanghai' },
      role: 'owner',
      csrfToken: null,
    },
    'GET /api/flows': [FLOW],
    'GET /api/members': MEMBERS,
    'GET /api/reviews*': (call: Call) =>
      pages[new URL(call.url, 'http://x').searchParams.get('cursor') ?? ''],
    'PUT /api/messages/*': (call: Call) => call.body,
    'DELETE /api/messages/*': undefined,
  });
};
const reviewCalls = () =>
  calls.filter((c) => c.url.startsWith('/api/reviews')).map((c) => new URL(c.url, 'http://x').searchParams);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderAt = (lang: 'en' | 'zh-CN') =>
  render(
    <Harness initial={lang}>
      <ReviewScreen />
    </Harness>,
  );

describe('quality review', () => {
  it('lists flagged messages with their rating, author, comment, reviewer and conversation', async () => {
    serve({ '': { items: [BOT_MESSAGE, AGENT_MESSAGE], nextCursor: null } });
    renderAt('en');
    const [bot, agent] = await screen.findAllByTestId('review-item');
    expect(bot!.textContent).toContain('Bad');
    expect(bot!.textContent).toContain('Bot');
    expect(within(bot!).getByRole('link', { name: '售后 · node 问订单' }).getAttribute('href')).toBe(
      `/flows/${FLOW.id}`,
    );
    expect(bot!.textContent).toContain('请提供订单号');
    expect(bot!.textContent).toContain('Asked twice');
    expect(bot!.textContent).toContain('Flagged by Ann');
    expect(bot!.textContent).toContain('Contact: 小王');
    expect(within(bot!).getByRole('link', { name: 'Open conversation' }).getAttribute('href')).toBe(
      `/inbox/${CONVERSATION}`,
    );
    expect(agent!.textContent).toContain('Good');
    expect(agent!.textContent).toContain('Bo');
    expect(agent!.textContent).toContain('No comment');
    expect(agent!.textContent).toContain('Flagged by a removed member');
    expect(within(agent!).queryByRole('link', { name: 'Open conversation' })).toBeNull();
  });

  it('filters by rating, flow, node and agent; the agent list holds only those who take conversations', async () => {
    serve({ '': { items: [BOT_MESSAGE], nextCursor: null } });
    renderAt('en');
    await screen.findAllByTestId('review-item');
    fireEvent.change(screen.getByTestId('review-filter-rating'), { target: { value: 'bad' } });
    await screen.findByRole('option', { name: '售后' });
    fireEvent.change(screen.getByTestId('review-filter-flow'), { target: { value: FLOW.id } });
    fireEvent.change(screen.getByTestId('review-filter-node'), { target: { value: ' ask_order ' } });
    const agents = screen.getByTestId('review-filter-agent');
    await within(agents).findByRole('option', { name: 'Bo' });
    expect(
      within(agents)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All agents', 'Ann', 'Bo']);
    fireEvent.change(agents, { target: { value: MEMBERS[0]!.userId } });
    await waitFor(() =>
      expect(Object.fromEntries(reviewCalls().at(-1)!)).toEqual({
        limit: '50',
        rating: 'bad',
        flowId: FLOW.id,
        nodeId: 'ask_order',
        agentId: MEMBERS[0]!.userId,
      }),
    );
  });

  it('loads the next page by its cursor', async () => {
    serve({
      '': { items: [BOT_MESSAGE], nextCursor: 'c1' },
      c1: { items: [AGENT_MESSAGE], nextCursor: null },
    });
    renderAt('en');
    await screen.findAllByTestId('review-item');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('review-item')).toHaveLength(2));
    expect(reviewCalls().at(-1)!.get('cursor')).toBe('c1');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('changes the rating and the comment in place, and takes a flag off once asked', async () => {
    serve({ '': { items: [BOT_MESSAGE], nextCursor: null } });
    renderAt('en');
    const item = (await screen.findAllByTestId('review-item'))[0]!;
    const writes = () => calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body]);

    fireEvent.click(within(item).getByRole('button', { name: 'Good' }));
    await waitFor(() =>
      expect(writes()).toEqual([
        ['PUT', '/api/messages/7/review', { rating: 'good', comment: 'Asked twice' }],
      ]),
    );

    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(item).getByRole('textbox', { name: 'Comment' }), {
      target: { value: ' Asked for the order twice ' },
    });
    fireEvent.click(within(item).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(writes().at(-1)).toEqual([
        'PUT',
        '/api/messages/7/review',
        { rating: 'bad', comment: 'Asked for the order twice' },
      ]),
    );
    await waitFor(() => expect(within(item).queryByRole('textbox')).toBeNull());

    fireEvent.click(within(item).getByRole('button', { name: 'Remove flag' }));
    expect(writes()).toHaveLength(2);
    fireEvent.click(
      within(within(item).getByRole('form', { name: 'Remove this flag?' })).getByText('Remove flag'),
    );
    await waitFor(() => expect(writes().at(-1)).toEqual(['DELETE', '/api/messages/7/review', undefined]));
  });

  it('says in Chinese what to do while nothing is flagged', async () => {
    serve({ '': { items: [], nextCursor: null } });
    renderAt('zh-CN');
    await screen.findByText('还没有被标记的消息');
    expect(screen.getByRole('heading', { name: '质检' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('review-filter-rating'), { target: { value: 'good' } });
    await screen.findByText('没有符合条件的标记');
  });
});
