// issueText and issueDetail on one flow at a time: a card said by its type and name, the card, field,
// exit and names filled into the page language's sentence, the place dropped where the form shows
// it, and an issue of an unknown code shown as it came.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../shared/flow/validate.ts';
import { edge, send, T, trigger } from './catalogue-test-support.ts';
import { issueDetail, issueText, lintTitle } from './issue-text.ts';

describe('issueText', () => {
  it('says a named card by its type and its name', () => {
    const [deadEnd] = validate({
      nodes: [
        trigger,
        { id: 'ask_q1w2', type: 'ask', label: '问城市', data: { question: '?', saveAs: 'city' } },
      ],
      edges: [edge(T, 'ask_q1w2')],
    }).warnings.filter((issue) => issue.code === 'dead_end');
    expect(issueText(deadEnd!, 'zh-CN')).toBe('提问「问城市」：出口「已回答」没有连接：流程会在这里结束');
    expect(issueText(deadEnd!, 'en')).toBe(
      'Ask “问城市”: the exit “Answered” leads nowhere: the run ends there',
    );
  });

  it('fills the card, the field, the exit and the names into the sentence in the page language', () => {
    const [deadEnd] = validate({
      nodes: [trigger, { id: 'ask_q1w2', type: 'ask', data: { question: '?', saveAs: 'city' } }],
      edges: [edge(T, 'ask_q1w2')],
    }).warnings.filter((issue) => issue.code === 'dead_end');
    expect(issueText(deadEnd!, 'zh-CN')).toBe('提问：出口「已回答」没有连接：流程会在这里结束');
    expect(issueText(deadEnd!, 'en')).toBe('Ask: the exit “Answered” leads nowhere: the run ends there');
    const { errors } = validate({
      nodes: [
        trigger,
        send('send_t1', 'Hi {{contact.nmae}}'),
        {
          id: 'cond_c1',
          type: 'condition',
          data: {
            rules: [
              { field: 'tags', op: 'has_tag', value: 'a' },
              { field: 'tags', op: 'matches', value: 'x' },
              { field: 'tags', op: 'matches', value: '(' },
            ],
          },
        },
        { id: 'kw_k1', type: 'trigger.keyword', data: { keywords: ['hi'], match: 'nope' } },
        { id: 'wait_w1', type: 'wait', data: { duration: 'P400D' } },
      ],
      edges: [],
    });
    const zh = errors.map((issue) => issueText(issue, 'zh-CN'));
    expect(zh).toContain('发送消息 › 消息内容：{{contact.nmae}}：未知的字段 `contact.nmae`');
    expect(zh).toContain('条件 › 规则 #3 › 值：不是有效的正则表达式');
    expect(zh).toContain('等待 › 时长：最长 365 天（P365D）');
    // zod's own issues in zod's own locale.
    expect(zh).toContainEqual(expect.stringMatching(/^关键词 › 匹配方式：无效选项：期望以下之一 /));
    expect(errors.map((issue) => issueText(issue, 'en'))).toContain(
      'Condition › Rules #3 › Value: Not a valid regular expression',
    );
  });

  it('drops the place where the form already shows it', () => {
    const { errors, warnings } = validate({
      nodes: [trigger, { id: 'wait_w1', type: 'wait', data: { duration: 'P400D' } }, send('send_s1')],
      edges: [edge(T, 'send_s1')],
    });
    const duration = errors.find((issue) => issue.code === 'invalid_data')!;
    expect(issueDetail(duration, 'en')).toBe('At most 365 days (P365D)');
    expect(issueDetail(duration, 'zh-CN')).toBe('最长 365 天（P365D）');
    const unreachable = warnings.find((issue) => issue.code === 'unreachable')!;
    expect(issueDetail(unreachable, 'en')).toBe('No trigger leads to this card');
    expect(issueText(unreachable, 'en')).toBe('Wait: no trigger leads to this card');
  });

  it('shows an issue of a code it does not know (a newer server) as it came', () => {
    const newer = { code: 'from_the_future', message: 'Something new', params: {} } as never;
    expect(issueText(newer, 'zh-CN')).toBe('Something new');
    expect(lintTitle('from_the_future', 'zh-CN')).toBe('from_the_future');
  });
});
