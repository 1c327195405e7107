// The lint of what cards hold: a failing field, unknown variables (names of Object itself included,
// never a crash), attributes nothing writes, regexes that could freeze the server or cannot run, and
// bounded durations and numbers.
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { validate } from './validate.ts';
import { chain, issuesOf, type Node, send, trigger } from './validate-test-support.ts';

describe('validate', () => {
  it('invalid_data: points at the failing field', () => {
    const ask = (saveAs: string): Node => ({ id: 'q', type: 'ask', data: { question: '?', saveAs } });
    expect(issuesOf(chain(ask('City')), 'invalid_data')).toEqual([
      expect.objectContaining({ nodeId: 'q', path: 'data.saveAs' }),
    ]);
    expect(issuesOf(chain(ask('city')), 'invalid_data')).toEqual([]);
    const regex = { ...trigger, data: { keywords: ['ok', '(unclosed'], match: 'regex' } };
    expect(issuesOf({ nodes: [regex], edges: [] }, 'invalid_data')).toEqual([
      expect.objectContaining({ nodeId: 't', path: 'data.keywords.1' }),
    ]);
  });

  it('unknown_variable: a template names an unknown namespace or contact field', () => {
    expect(issuesOf(chain(send('a', 'hi {{contact.phone}} {{foo.bar|x}}')), 'unknown_variable')).toEqual([
      expect.objectContaining({ nodeId: 'a', path: 'data.text' }),
      expect.objectContaining({ nodeId: 'a', path: 'data.text' }),
    ]);
    const variant: Node = { id: 'a', type: 'send', data: { text: 'ok', variants: ['{{tags}}'] } };
    expect(issuesOf(chain(variant), 'unknown_variable')[0]).toMatchObject({ path: 'data.variants.0' });
    const known = send('a', '{{contact.name|朋友}} {{contact.alias}} {{coupon.code}} {{coupon.pool}}');
    expect(issuesOf(chain(known), 'unknown_variable')).toEqual([]);
  });

  it('unset_attribute: a template or condition reads an attribute nothing writes', () => {
    const reader = send('a', '{{attributes.city|你的城市}}');
    expect(issuesOf(chain(reader), 'unset_attribute')).toEqual([
      expect.objectContaining({ nodeId: 'a', path: 'data.text' }),
    ]);
    expect(validate(chain(reader)).errors).toEqual([]);
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'attributes.age', op: 'gt', value: 3 }] },
    };
    expect(issuesOf(chain(condition), 'unset_attribute')[0]).toMatchObject({ path: 'data.rules.0.field' });
    const writer: Node = { id: 'w', type: 'set_attribute', data: { key: 'city', value: '上海' } };
    expect(issuesOf(chain(writer, reader), 'unset_attribute')).toEqual([]);
  });

  it('unsafe_regex / unsupported_regex: a pattern that could freeze the server or cannot run', () => {
    const keyword = (keywords: string[]): Node => ({ ...trigger, data: { keywords, match: 'regex' } });
    const hostile = { nodes: [keyword(['ok', '^(a+)+$'])], edges: [] };
    expect(validate(hostile).errors).toEqual([
      expect.objectContaining({ code: 'unsafe_regex', nodeId: 't', path: 'data.keywords.1' }),
    ]);
    expect(compile(hostile).ok).toBe(false);
    const ask = (pattern: string): Node => ({
      id: 'q',
      type: 'ask',
      data: { question: '?', saveAs: 'code', expect: 'regex', pattern },
    });
    expect(issuesOf(chain(ask('(x*)*y')), 'unsafe_regex')).toEqual([
      expect.objectContaining({ nodeId: 'q', path: 'data.pattern' }),
    ]);
    expect(issuesOf(chain(ask('(\\w+)\\1')), 'unsupported_regex')).toEqual([
      expect.objectContaining({
        nodeId: 'q',
        path: 'data.pattern',
        params: expect.objectContaining({ fragment: '\\1' }),
      }),
    ]);
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'reply.text', op: 'matches', value: 'a(?!b)' }] },
    };
    expect(issuesOf(chain(condition), 'unsupported_regex')).toEqual([
      expect.objectContaining({ nodeId: 'c', path: 'data.rules.0.value' }),
    ]);
    // Not regex mode: the keyword is plain text.
    expect(validate({ nodes: [{ ...trigger, data: { keywords: ['^(a+)+$'] } }], edges: [] }).errors).toEqual(
      [],
    );
    expect(issuesOf(chain(ask('^1[3-9]\\d{9}$')), 'unsafe_regex')).toEqual([]);
  });

  it('unknown_variable: names of Object itself are unknown, never a crash', () => {
    for (const name of [
      'constructor.name',
      'contact.constructor',
      'attributes.__proto__',
      'toString',
      '__proto__.x',
      'hasOwnProperty.length',
    ]) {
      const graph = chain(send('a', `hi {{${name}}}`));
      expect(issuesOf(graph, 'unknown_variable'), name).toEqual([
        expect.objectContaining({
          nodeId: 'a',
          path: 'data.text',
          params: expect.objectContaining({ variable: name }),
        }),
      ]);
      const result = compile(graph);
      expect(result.ok).toBe(false);
    }
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'attributes.constructor', op: 'exists' }] },
    };
    expect(() => validate(chain(condition))).not.toThrow();
  });

  it('invalid_data: durations and numbers are bounded', () => {
    const wait = (duration: string): Node => ({ id: 'w', type: 'wait', data: { duration } });
    expect(issuesOf(chain(wait('P365D')), 'invalid_data')).toEqual([]);
    for (const duration of ['P20000000W', 'P366D', 'P53W', `P${'9'.repeat(400)}D`]) {
      expect(issuesOf(chain(wait(duration)), 'invalid_data'), duration).toEqual([
        expect.objectContaining({
          nodeId: 'w',
          path: 'data.duration',
          message: 'Wait › Duration: At most P365D (365 days)',
          params: expect.objectContaining({
            issue: { code: 'custom', params: { code: 'duration_too_long', max: 'P365D', days: 365 } },
          }),
        }),
      ]);
    }
    const reply: Node = { id: 'r', type: 'wait_reply', data: { timeout: 'P2000D' } };
    const ask: Node = {
      id: 'q',
      type: 'ask',
      data: { question: '?', saveAs: 'n', timeout: 'P400D', expect: 'number', min: -1e13, max: 1e300 },
    };
    expect(
      issuesOf(chain(reply, ask), 'invalid_data').map((issue) => `${issue.nodeId} ${issue.path}`),
    ).toEqual(['r data.timeout', 'q data.min', 'q data.max', 'q data.timeout']);
    const split: Node = {
      id: 's',
      type: 'split',
      data: {
        branches: [
          { name: 'a', weight: 1 },
          { name: 'b', weight: 1e9 },
        ],
      },
    };
    expect(issuesOf(chain(split), 'invalid_data')).toEqual([
      expect.objectContaining({
        path: 'data.branches.1.weight',
        message: expect.stringMatching(/^Split › Branches #2 › Weight: /),
      }),
    ]);
    const retries: Node = { id: 'q', type: 'ask', data: { question: '?', saveAs: 'n', retries: 1e9 } };
    expect(issuesOf(chain(retries), 'invalid_data')).toEqual([
      expect.objectContaining({ path: 'data.retries' }),
    ]);
  });
});
