// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterRules } from './ContactsScreen.tsx';
import { renderAt, SESSION } from './campaigns-test-support.tsx';
import { SegmentScreen } from './SegmentScreen.tsx';
import { type Call, fakeApi } from './test-harness.tsx';

type PreviewBody = { rules: { match: string; rules: { field: string; op: string; value?: unknown }[] } };

/** The count falls by 100 a rule, so a change of rules shows in the number. */
function serve() {
  return fakeApi({
    'GET /api/me': SESSION,
    'GET /api/room-sets': [],
    'GET /api/flows': [],
    'GET /api/campaigns': [],
    'GET /api/segments/names': { goals: ['报名', '购买'], attributes: ['age', 'city'] },
    'POST /api/segments/preview': (call: Call) => ({
      count: 1000 - 100 * (call.body as PreviewBody).rules.rules.length,
      excluded: { recentlyTalked: 123, leftGroup: 4, deletedUs: 5, inConversation: 6, overBudget: 7 },
      sample: [
        {
          id: '00000000-0000-4000-8000-000000000101',
          name: 'Mei',
          alias: null,
          friendStatus: 'friend',
          tags: ['vip'],
          lastInboundAt: null,
        },
      ],
    }),
    'POST /api/segments': (call: Call) => ({
      id: '00000000-0000-4000-8000-0000000000d1',
      createdAt: '2025-12-01T08:00:00.000Z',
      ...(call.body as object),
    }),
  });
}
const previews = (calls: Call[]) =>
  calls.filter((c) => c.url === '/api/segments/preview').map((c) => c.body as PreviewBody);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('segment builder', () => {
  it('counts again as rules change, shows what each exclusion takes out and a sample', async () => {
    const calls = serve();
    renderAt('/campaigns/segments/new', <SegmentScreen />);
    await waitFor(() => expect(screen.getByTestId('segment-count').textContent).toBe('900'));
    expect(screen.getByTestId('exclusion-recentlyTalked').textContent).toBe('Talked with us in 3 days−123');
    expect(within(screen.getByTestId('segment-sample')).getByText('Mei')).toBeTruthy();
    expect(previews(calls)[0]?.rules.rules).toEqual([
      { field: 'contact.lastInboundAt', op: 'within', value: 'P30D' },
    ]);

    // A 7-day chip, then a second rule: each change is counted once, ~300 ms after it.
    fireEvent.click(screen.getByRole('button', { name: '7 days' }));
    fireEvent.click(screen.getByTestId('add-rule'));
    fireEvent.change(within(screen.getByTestId('rule-1')).getByLabelText('Field'), {
      target: { value: 'tags' },
    });
    fireEvent.change(within(screen.getByTestId('rule-1')).getByLabelText('Value'), {
      target: { value: 'vip' },
    });
    expect(screen.getByTestId('segment-counting')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('segment-count').textContent).toBe('800'));
    expect(previews(calls).at(-1)?.rules.rules).toEqual([
      { field: 'contact.lastInboundAt', op: 'within', value: 'P7D' },
      { field: 'tags', op: 'has_tag', value: 'vip' },
    ]);
    expect(previews(calls).length).toBeLessThanOrEqual(3);

    // An exclusion switched off is sent off, and its count shows struck through.
    fireEvent.click(screen.getByLabelText('Deleted us'));
    await waitFor(() =>
      expect(
        calls.filter((c) => c.url === '/api/segments/preview').at(-1)?.body as { exclusions: object },
      ).toMatchObject({ exclusions: { deletedUs: false, recentlyTalked: true } }),
    );
  });

  it('leaves an unfinished rule out of the count and saves the segment', async () => {
    const calls = serve();
    renderAt('/campaigns/segments/new', <SegmentScreen />, 'zh-CN');
    await waitFor(() => expect(screen.getByTestId('segment-count').textContent).toBe('900'));
    fireEvent.click(screen.getByTestId('add-rule'));
    fireEvent.change(within(screen.getByTestId('rule-1')).getByLabelText('字段'), {
      target: { value: 'attributes.*' },
    });
    expect(await screen.findByText('1 条规则还没填完，暂不计入')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('分群名称'), { target: { value: '近 30 天活跃' } });
    fireEvent.click(screen.getByTestId('save-segment'));
    await screen.findByText('已保存分群「近 30 天活跃」');
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/segments')?.body).toEqual({
      name: '近 30 天活跃',
      rules: { match: 'all', rules: [{ field: 'contact.lastInboundAt', op: 'within', value: 'P30D' }] },
    });
  });

  it('offers the goal names and attribute keys the workspace knows for a rule’s name', async () => {
    const calls = serve();
    renderAt('/campaigns/segments/new', <SegmentScreen />);
    await waitFor(() => expect(screen.getByTestId('segment-count').textContent).toBe('900'));
    fireEvent.click(screen.getByTestId('add-rule'));
    const row = within(screen.getByTestId('rule-1'));
    fireEvent.change(row.getByLabelText('Field'), { target: { value: 'goal.*' } });
    const offered = (id: string) =>
      [...screen.getByTestId(id).querySelectorAll('option')].map((o) => o.getAttribute('value'));
    await waitFor(() => expect(offered('rule-1-names')).toEqual(['报名', '购买']));
    expect(row.getByLabelText('Goal name').getAttribute('list')).toBe('rule-1-names');
    fireEvent.change(row.getByLabelText('Field'), { target: { value: 'attributes.*' } });
    expect(offered('rule-1-names')).toEqual(['age', 'city']);
    // Picking one is typing it: the rule names it.
    fireEvent.change(row.getByLabelText('Attribute name'), { target: { value: 'city' } });
    fireEvent.change(row.getByLabelText('Value'), { target: { value: '上海' } });
    await waitFor(() =>
      expect(previews(calls).at(-1)?.rules.rules.at(-1)).toMatchObject({ field: 'attributes.city' }),
    );
    expect(calls.filter((c) => c.url === '/api/segments/names')).toHaveLength(1);
  });

  it('turns the contacts list filter into rules', () => {
    expect(filterRules({ q: 'Mei', tag: 'vip' })).toEqual({
      match: 'all',
      rules: [
        { field: 'contact.name', op: 'contains', value: 'Mei' },
        { field: 'tags', op: 'has_tag', value: 'vip' },
      ],
    });
  });
});
