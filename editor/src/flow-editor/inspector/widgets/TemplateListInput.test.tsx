// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('template list widget', () => {
  it('adds, reorders and removes messages', async () => {
    const { user, lastData } = renderInspector(nodeOf('send', { variants: ['A'] }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.keyboard('B');
    expect(lastData().variants).toEqual(['A', 'B']);
    await user.click(screen.getByRole('button', { name: 'Move Variants 2 up' }));
    expect(lastData().variants).toEqual(['B', 'A']);
    await user.click(screen.getByRole('button', { name: 'Remove Variants 1' }));
    expect(lastData().variants).toEqual(['A']);
  });
});
