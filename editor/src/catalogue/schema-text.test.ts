// schemaText: zod's issues in zod's locale, a missing value and a list size as a form says them, and
// our own refinements by their code.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaIssueOf } from '../../../shared/schema-issues.ts';
import { schemaText } from './schema-text.ts';

describe('schemaText', () => {
  const issuesOf = (schema: z.ZodType, input: unknown) =>
    schema.safeParse(input).error!.issues.map((issue) => schemaIssueOf(issue, input));
  const attributes = z.record(
    z.string().refine((key) => /^[a-z]+$/.test(key), { params: { code: 'attribute_key', max: 40 } }),
    z.string(),
  );

  it('says zod’s issues with zod’s locale, a missing value or a list size as a form does, ours by code', () => {
    const [tooLong] = issuesOf(z.string().max(3), 'abcd');
    expect(schemaText(tooLong!, 'zh-CN')).toBe('数值过大：期望 string <=3 字符');
    expect(schemaText(tooLong!, 'en')).toBe('Too big: expected string to have <=3 characters');
    const [missing] = issuesOf(z.object({ name: z.string() }), {});
    expect([schemaText(missing!, 'zh-CN'), schemaText(missing!, 'en')]).toEqual(['必填', 'Required']);
    const [few] = issuesOf(z.array(z.string()).min(2), ['a']);
    expect(schemaText(few!, 'zh-CN')).toBe('至少需要 2 项');
    const [key] = issuesOf(attributes, { Bad: 'x' });
    expect(schemaText(key!, 'zh-CN')).toBe('小写字母、数字和 _，以字母开头，最多 40 个字符');
  });
});
