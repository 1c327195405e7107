import { describe, expect, it } from 'vitest';
import { keywordTrigger } from '../nodes/trigger.keyword.ts';
import { parseAnswer } from './answer.ts';
import { evaluateRule } from './condition.ts';
import { initialContext } from './context.ts';
import { MAX_REGEX_INPUT, regexMatches, regexProblem } from './regex.ts';

/** Milliseconds `run` takes. */
const timed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const HOSTILE = '^(a+)+$';
const keyword = keywordTrigger.data.parse({ keywords: [HOSTILE], match: 'regex' });
const message = (text: string) => ({ kind: 'message' as const, text, room: false, mentionsBot: false });

describe('marketer regexes', () => {
  it('cannot freeze the server: `^(a+)+$` answers at once, on a short or a long message', () => {
    // On a backtracking engine 26 characters take seconds, and each one more doubles it.
    const short = `${'a'.repeat(26)}!`;
    expect(
      timed(() => expect(keywordTrigger.trigger!.matches(keyword, message(short))).toBe(false)),
    ).toBeLessThan(50);
    const long = `${'a'.repeat(MAX_REGEX_INPUT - 1)}!`;
    for (const check of [
      () => expect(keywordTrigger.trigger!.matches(keyword, message(long))).toBe(false),
      () => expect(parseAnswer(long, { expect: 'regex', pattern: HOSTILE }).ok).toBe(false),
      () => {
        const context = initialContext({ contact: { id: 'c1' }, attributes: { code: long } });
        expect(evaluateRule({ field: 'attributes.code', op: 'matches', value: HOSTILE }, context)).toBe(
          false,
        );
      },
    ])
      expect(timed(check)).toBeLessThan(50);
    expect(regexMatches(HOSTILE, 'a'.repeat(40))).toBe(true);
  });

  it('keeps keyword matching case- and width-insensitive', () => {
    const vip = keywordTrigger.data.parse({ keywords: ['^vip\\d+$'], match: 'regex' });
    expect(keywordTrigger.trigger!.matches(vip, message('ＶＩＰ１２３'))).toBe(true);
    expect(keywordTrigger.trigger!.matches(vip, message('VIP9'))).toBe(true);
    expect(keywordTrigger.trigger!.matches(vip, message('vip'))).toBe(false);
    // JavaScript's \u escapes, as marketers copy them from the web, still work.
    expect(regexMatches('^[\\u4e00-\\u9fa5]{2,4}$', '上海')).toBe(true);
    expect(regexMatches('^[A-Z]\\d{3}$', 'a123')).toBe(false);
    expect(regexMatches('^[A-Z]\\d{3}$', 'a123', { ignoreCase: true })).toBe(true);
  });

  it('matches nothing with a pattern RE2 cannot run, or a text above the bound', () => {
    expect(regexMatches('(a)\\1', 'aa')).toBe(false);
    expect(regexMatches('a(?=b)', 'ab')).toBe(false);
    expect(regexMatches('(', '(')).toBe(false);
    expect(regexMatches('a', 'a'.repeat(MAX_REGEX_INPUT + 1))).toBe(false);
    expect(regexMatches('a', 'a'.repeat(MAX_REGEX_INPUT))).toBe(true);
  });

  it('tells the lint why a pattern is refused', () => {
    expect(regexProblem('^订单\\d+$')).toBeNull();
    expect(regexProblem(HOSTILE)).toEqual({ code: 'unsafe_regex', reason: 'nested' });
    expect(regexProblem('(x*)*y')).toEqual({ code: 'unsafe_regex', reason: 'nested' });
    expect(regexProblem('.{0,900}')).toEqual({ code: 'unsafe_regex', reason: 'complex' });
    expect(regexProblem(`[${'x'.repeat(2000)}]`)).toEqual({ code: 'unsafe_regex', reason: 'complex' });
    expect(regexProblem('(\\w+)\\1')).toEqual({ code: 'unsupported_regex', fragment: '\\1' });
    expect(regexProblem('(?<=a)b')).toMatchObject({ code: 'unsupported_regex' });
    expect(regexProblem('a{1001}')).toMatchObject({ code: 'unsupported_regex' });
  });
});
