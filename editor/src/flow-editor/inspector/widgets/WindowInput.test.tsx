// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

describe('window widget', () => {
  it('turns a daily window on, edits it and turns it off', async () => {
    const { user, lastData } = renderInspector(nodeOf('wait'));
    expect(screen.queryByLabelText('From')).toBeNull();
    await user.click(screen.getByLabelText('Time window'));
    expect(lastData().window).toEqual({ from: '09:00', to: '21:00' });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '18:30' } });
    expect(lastData().window).toEqual({ from: '09:00', to: '18:30' });
    await user.click(screen.getByLabelText('Time window'));
    expect(lastData().window).toBeNull();
  });
});
