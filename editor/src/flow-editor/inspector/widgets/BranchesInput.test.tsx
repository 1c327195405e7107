// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('branches widget', () => {
  it('edits weights and shows the total', async () => {
    const { user, lastData } = renderInspector(nodeOf('split'));
    expect(screen.getByTestId('branches-total').textContent).toBe('Total 100');
    await user.clear(screen.getByLabelText('Branch 2 weight'));
    await user.type(screen.getByLabelText('Branch 2 weight'), '30');
    expect(lastData().branches).toEqual([
      { name: 'a', weight: 50 },
      { name: 'b', weight: 30 },
    ]);
    expect(screen.getByTestId('branches-total').textContent).toBe('Total 80');
    expect(screen.getByText('63%')).toBeTruthy();
  });

  it('adds a branch with a free name and the rest of 100, within 2..5 branches', async () => {
    const { user, lastData } = renderInspector(
      nodeOf('split', {
        branches: [
          { name: 'a', weight: 70 },
          { name: 'c', weight: 0 },
        ],
      }),
    );
    expect((screen.getByRole('button', { name: 'Remove Branches 1' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Add branch' }));
    expect((lastData().branches as unknown[])[2]).toEqual({ name: 'b', weight: 30 });
    await user.click(screen.getByRole('button', { name: 'Add branch' }));
    await user.click(screen.getByRole('button', { name: 'Add branch' }));
    expect(lastData().branches).toHaveLength(5);
    expect((screen.getByRole('button', { name: 'Add branch' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('flags a duplicate branch name', async () => {
    const { user } = renderInspector(nodeOf('split'));
    await user.clear(screen.getByLabelText('Branch 2 name'));
    await user.type(screen.getByLabelText('Branch 2 name'), 'a');
    expect(screen.getByLabelText('Branch 2 name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('field-branches').textContent).toContain('Branch name `a` is used twice');
  });
});
