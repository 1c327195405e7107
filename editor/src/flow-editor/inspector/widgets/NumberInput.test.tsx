// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('number widget', () => {
  it('stores numbers and removes an optional one when cleared', async () => {
    const { user, lastData } = renderInspector(nodeOf('ask', { expect: 'number' }));
    await user.type(screen.getByLabelText('Minimum'), '-5');
    expect(lastData().min).toBe(-5);
    expect((screen.getByLabelText('Minimum') as HTMLInputElement).value).toBe('-5');
    await user.clear(screen.getByLabelText('Minimum'));
    expect(lastData()).not.toHaveProperty('min');
  });

  it('flags a value outside the schema range', async () => {
    const { user } = renderInspector(nodeOf('ask'));
    await user.clear(screen.getByLabelText('Retries'));
    await user.type(screen.getByLabelText('Retries'), '9');
    expect(screen.getByLabelText('Retries').getAttribute('aria-invalid')).toBe('true');
  });
});
