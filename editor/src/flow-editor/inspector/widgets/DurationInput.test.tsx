// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';
import { joinDuration, splitDuration } from './duration-units.ts';

const amount = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const unit = (label: string) => screen.getByLabelText(`${label} unit`) as HTMLSelectElement;

describe('duration widget', () => {
  it.each([
    ['PT30M', '30', 'minutes'],
    ['PT2H', '2', 'hours'],
    ['P3D', '3', 'days'],
    ['PT1H30M', '90', 'minutes'],
  ] as const)('round-trips %s', (iso, shown, unitName) => {
    expect(splitDuration(iso)).toEqual({ amount: shown, unit: unitName });
    expect(joinDuration(splitDuration(iso))).toBe(iso);
  });

  it('shows P3D as 3 days and stores PT30M from 30 minutes', async () => {
    const { user, lastData } = renderInspector(nodeOf('wait_reply', { timeout: 'P3D' }));
    expect(amount('Timeout').value).toBe('3');
    expect(unit('Timeout').value).toBe('days');
    await user.clear(amount('Timeout'));
    await user.type(amount('Timeout'), '30');
    await user.selectOptions(unit('Timeout'), 'minutes');
    expect(lastData()).toEqual({ timeout: 'PT30M' });
  });

  it('changing the unit keeps the amount', async () => {
    const { user, lastData } = renderInspector(nodeOf('wait', { duration: 'PT2H' }));
    await user.selectOptions(unit('Duration'), 'days');
    expect(lastData().duration).toBe('P2D');
  });

  it('a nullable duration left empty means no timeout', async () => {
    const { user, lastData } = renderInspector(nodeOf('ask', { timeout: 'PT30M' }));
    expect(amount('Timeout').value).toBe('30');
    await user.clear(amount('Timeout'));
    expect(lastData().timeout).toBeNull();
    expect(amount('Timeout').placeholder).toBe('No timeout');
  });

  it('a required duration left empty is flagged', async () => {
    const { user, lastData } = renderInspector(nodeOf('wait'));
    await user.clear(amount('Duration'));
    expect(lastData()).not.toHaveProperty('duration');
    expect(screen.getByTestId('field-duration').textContent).toContain('Required');
  });
});
