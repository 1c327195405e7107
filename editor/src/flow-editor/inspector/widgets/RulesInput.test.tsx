// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('rules widget', () => {
  it('adds and removes rule rows', async () => {
    const { user, lastData } = renderInspector(nodeOf('condition'));
    expect((screen.getByRole('button', { name: 'Remove Rules 1' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(lastData().rules).toEqual([
      { field: 'tags', op: 'has_tag', value: 'vip' },
      { field: 'contact.name', op: 'eq', value: '' },
    ]);
    await user.type(screen.getByLabelText('Rule 2 value'), '小明');
    expect((lastData().rules as unknown[])[1]).toEqual({ field: 'contact.name', op: 'eq', value: '小明' });
    await user.click(screen.getByRole('button', { name: 'Remove Rules 1' }));
    expect(lastData().rules).toEqual([{ field: 'contact.name', op: 'eq', value: '小明' }]);
  });

  it('hides the value of valueless operators and drops it from the data', async () => {
    const { user, lastData } = renderInspector(nodeOf('condition'));
    await user.selectOptions(screen.getByLabelText('Rule 1 operator'), 'exists');
    expect(screen.queryByLabelText('Rule 1 value')).toBeNull();
    expect(lastData().rules).toEqual([{ field: 'tags', op: 'exists' }]);
    await user.selectOptions(screen.getByLabelText('Rule 1 operator'), 'contains');
    expect(screen.getByLabelText('Rule 1 value')).toBeTruthy();
    expect(lastData().rules).toEqual([{ field: 'tags', op: 'contains', value: '' }]);
  });

  it('offers the flow fields and localized operators', () => {
    renderInspector(nodeOf('condition'), { others: [nodeOf('ask')], lang: 'zh-CN' });
    const fields = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(fields).toEqual(['contact.name', 'contact.alias', 'attributes.city', 'tags', 'reply.text']);
    expect(within(screen.getByLabelText('规则 1 条件')).getByRole('option', { name: '有标签' })).toBeTruthy();
  });

  it('flags a rule field the condition cannot read', async () => {
    const { user } = renderInspector(nodeOf('condition'));
    await user.clear(screen.getByLabelText('Rule 1 field'));
    await user.type(screen.getByLabelText('Rule 1 field'), 'coupon.code');
    expect(screen.getByLabelText('Rule 1 field').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('field-rules').textContent).toContain('Rules 1: Use attributes.<key>');
  });
});
