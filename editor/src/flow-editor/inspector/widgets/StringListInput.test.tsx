// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('string list widget', () => {
  it('adds and removes choices', async () => {
    const { user, lastData } = renderInspector(nodeOf('ask', { expect: 'choice', choices: ['北京'] }));
    const field = within(screen.getByTestId('field-choices'));
    await user.click(field.getByRole('button', { name: 'Add' }));
    expect(document.activeElement).toBe(field.getByLabelText('Choices 2'));
    await user.keyboard('上海');
    expect(lastData().choices).toEqual(['北京', '上海']);
    await user.click(field.getByRole('button', { name: 'Remove Choices 1' }));
    expect(lastData().choices).toEqual(['上海']);
    expect((field.getByLabelText('Choices 1') as HTMLInputElement).value).toBe('上海');
  });

  it('Enter in an item starts the next one', async () => {
    const { user, lastData } = renderInspector(nodeOf('tag', { add: ['vip'] }));
    await user.type(screen.getByLabelText('Add tags 1'), '{Enter}new');
    expect(lastData().add).toEqual(['vip', 'new']);
  });

  it('keeps the schema minimum: the only keyword cannot be removed', () => {
    renderInspector(nodeOf('trigger.keyword'));
    expect((screen.getByRole('button', { name: 'Remove Keywords 1' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('flags an empty choice', async () => {
    const { user } = renderInspector(nodeOf('ask', { expect: 'choice', choices: ['A'] }));
    await user.clear(screen.getByLabelText('Choices 1'));
    expect(screen.getByLabelText('Choices 1').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('field-choices').textContent).toContain('Choices 1: Required');
  });
});
