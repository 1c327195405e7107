import { describe, expect, it } from 'vitest';
import { parseCodes } from './coupon-codes.ts';

describe('parseCodes', () => {
  it('takes one code per line, trimmed, dropping blanks and repeats in first order', () => {
    expect(parseCodes(' A1 \r\n\nB2\rC3\nA1\n  \n')).toEqual(['A1', 'B2', 'C3']);
  });

  it('takes only the first column of a CSV row, not its other cells', () => {
    expect(parseCodes('CODE-001\nCODE-002\nCODE-003,extra\nCODE-004,2025-01-01,unused')).toEqual([
      'CODE-001',
      'CODE-002',
      'CODE-003',
      'CODE-004',
    ]);
  });

  it('reads tab- and semicolon-separated rows from a spreadsheet', () => {
    expect(parseCodes('T1\tfirst\nS1;second\n\tno code here')).toEqual(['T1', 'S1']);
  });

  it('strips quotes, keeping separators and doubled quotes inside a quoted cell', () => {
    expect(parseCodes('"Q1",x\n"Q,2";y\n"Q""3"\n\'Q4\'')).toEqual(['Q1', 'Q,2', 'Q"3', 'Q4']);
  });

  it('skips a header row in either language, whatever its case', () => {
    expect(parseCodes('code,note\nA1,x')).toEqual(['A1']);
    expect(parseCodes('"Codes"\nA1')).toEqual(['A1']);
    expect(parseCodes('COUPON_CODE\tvalue\nA1')).toEqual(['A1']);
    expect(parseCodes('券码,备注\nA1,给老客户')).toEqual(['A1']);
    expect(parseCodes('优惠码\nA1')).toEqual(['A1']);
    expect(parseCodes('\uFEFFcode\r\nA1\r\n')).toEqual(['A1']);
  });

  it('keeps codes that only start like a header', () => {
    expect(parseCodes('CODE-001\ncodex\n券码A')).toEqual(['CODE-001', 'codex', '券码A']);
  });

  it('gives nothing for blank input or a header alone', () => {
    expect(parseCodes('\n , ;\n\t')).toEqual([]);
    expect(parseCodes('code')).toEqual([]);
  });
});
