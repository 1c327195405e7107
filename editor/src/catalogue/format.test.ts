// formatMessage: values filled in, select branches picked (with values inside), a missing value shown.
import { describe, expect, it } from 'vitest';
import { formatMessage, messageArguments } from './format.ts';

describe('formatMessage', () => {
  it('fills values, picks select branches (with values inside) and shows a missing value', () => {
    const message = '{n, select, 0 {none} other {{n} of {total}}} left';
    expect(formatMessage(message, { n: 0 })).toBe('none left');
    expect(formatMessage(message, { n: 3, total: 5 })).toBe('3 of 5 left');
    expect(formatMessage('hello {name}', {})).toBe('hello {name}');
    expect([...messageArguments(message)].sort()).toEqual(['n', 'total']);
  });
});
