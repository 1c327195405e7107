import { describe, expect, it } from 'vitest';
import { parseCodes } from './coupon-codes.ts';

describe('parseCodes', () => {
  it('splits lines and CSV cells, trims, drops blanks and repeats in first order', () => {
    expect(parseCodes(' A1 \r\n\nB2,"C3";A1\tD4\n  \n')).toEqual(['A1', 'B2', 'C3', 'D4']);
  });
  it('gives nothing for blank input', () => {
    expect(parseCodes('\n , ;')).toEqual([]);
  });
});
