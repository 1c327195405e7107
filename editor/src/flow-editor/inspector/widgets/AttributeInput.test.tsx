// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('attribute widget', () => {
  it('suggests the keys other nodes write and flags an invalid key', async () => {
    const { user } = renderInspector(nodeOf('set_attribute'), { others: [nodeOf('ask')], lang: 'zh-CN' });
    const input = screen.getByLabelText('属性') as HTMLInputElement;
    const keys = [...(input.list?.querySelectorAll('option') ?? [])].map((option) => option.value);
    expect(keys).toEqual(['city', 'source']);
    await user.type(input, '-X');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('小写字母、数字和 _，以字母开头，最多 40 个字符')).toBeTruthy();
  });
});
