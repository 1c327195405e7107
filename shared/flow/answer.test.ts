import { describe, expect, it } from 'vitest';
import { normalizeChinaMobile, parseAnswer } from './answer.ts';

describe('parseAnswer', () => {
  it('reads numbers, full-width digits included, within min/max', () => {
    expect(parseAnswer(' ２５ ', { expect: 'number' })).toEqual({ ok: true, value: 25 });
    expect(parseAnswer('-3.5', { expect: 'number' })).toEqual({ ok: true, value: -3.5 });
    expect(parseAnswer('25岁', { expect: 'number' })).toEqual({ ok: false });
    expect(parseAnswer('200', { expect: 'number', min: 1, max: 120 })).toEqual({ ok: false });
    expect(parseAnswer('0', { expect: 'number', min: 1 })).toEqual({ ok: false });
  });

  it('normalizes mainland-China mobile numbers to 11 digits', () => {
    for (const text of [
      '13800138000',
      '+86 138 0013 8000',
      '138-0013-8000',
      '0086 13800138000',
      '+86-138-0013-8000',
    ]) {
      expect(parseAnswer(text, { expect: 'phone' })).toEqual({ ok: true, value: '13800138000' });
    }
    for (const text of ['12800138000', '1380013800', '138001380001', '+1 13800138000', '电话13800138000']) {
      expect(normalizeChinaMobile(text)).toBeNull();
    }
  });

  it('accepts plain email addresses', () => {
    expect(parseAnswer(' Ming@Example.cn ', { expect: 'email' })).toEqual({
      ok: true,
      value: 'Ming@Example.cn',
    });
    expect(parseAnswer('ming@example', { expect: 'email' }).ok).toBe(false);
    expect(parseAnswer('ming example.com', { expect: 'email' }).ok).toBe(false);
  });

  it('picks a choice by its text (any case) or its 1-based number, saving the option text', () => {
    const spec = { expect: 'choice' as const, choices: ['Coffee', '茶'] };
    expect(parseAnswer('coffee', spec)).toEqual({ ok: true, value: 'Coffee' });
    expect(parseAnswer('2', spec)).toEqual({ ok: true, value: '茶' });
    expect(parseAnswer('3', spec).ok).toBe(false);
    expect(parseAnswer('0', spec).ok).toBe(false);
  });

  it('matches a regex, and treats a broken pattern as matching nothing', () => {
    expect(parseAnswer('A123', { expect: 'regex', pattern: '^[A-Z]\\d{3}$' })).toEqual({
      ok: true,
      value: 'A123',
    });
    expect(parseAnswer('a12', { expect: 'regex', pattern: '^[A-Z]\\d{3}$' }).ok).toBe(false);
    expect(parseAnswer('x', { expect: 'regex', pattern: '(' }).ok).toBe(false);
  });

  it('takes any non-empty text, and never an empty reply', () => {
    expect(parseAnswer(' 上海 ', { expect: 'text' })).toEqual({ ok: true, value: '上海' });
    expect(parseAnswer('   ', { expect: 'text' }).ok).toBe(false);
  });
});
