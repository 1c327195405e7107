// Ask a question, wait for the next message, validate it and save it as a contact attribute;
// re-ask after an invalid answer (same visit) up to `retries` times.

import { z } from 'zod';
import { ANSWER_KINDS, type AnswerSpec } from '../flow/answer.ts';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, sendPrivately, when } from '../flow/refs.ts';
import { attributeKeySchema, boundedNumber, durationSchema, regexSchema } from '../flow/schemas.ts';
import { timeoutWait } from '../flow/wake.ts';
import { schemaError } from '../schema-issues.ts';

const EXPECT_LABELS = {
  text: ['任意文字', 'Any text'],
  number: ['数字', 'Number'],
  phone: ['手机号', 'Mobile phone'],
  email: ['邮箱', 'Email'],
  choice: ['选项', 'Choice'],
  regex: ['正则表达式', 'Regular expression'],
} as const;

/** Bounds of a number answer: well inside the integers a double holds exactly. */
const MAX_NUMBER = 1_000_000_000_000;

const data = z
  .object({
    question: field(z.string().trim().min(1), {
      input: 'template',
      label: { 'zh-CN': '问题', en: 'Question' },
    }),
    saveAs: field(attributeKeySchema, {
      input: 'attribute',
      label: { 'zh-CN': '保存为属性', en: 'Save as attribute' },
    }),
    expect: field(z.enum(ANSWER_KINDS).default('text'), {
      input: 'select',
      label: { 'zh-CN': '期望的回答', en: 'Expected answer' },
      options: ANSWER_KINDS.map((value) => ({
        value,
        label: { 'zh-CN': EXPECT_LABELS[value][0], en: EXPECT_LABELS[value][1] },
      })),
    }),
    choices: field(z.array(z.string().trim().min(1)).default([]), {
      input: 'stringList',
      label: { 'zh-CN': '选项', en: 'Choices' },
      help: {
        'zh-CN': '可回复选项文字或序号（从 1 开始）。',
        en: 'The contact may reply with the text or its number (from 1).',
      },
      visibleWhen: { field: 'expect', in: ['choice'] },
    }),
    pattern: field(regexSchema.default(''), {
      input: 'text',
      label: { 'zh-CN': '正则表达式', en: 'Pattern' },
      visibleWhen: { field: 'expect', in: ['regex'] },
    }),
    min: field(boundedNumber(MAX_NUMBER).optional(), {
      input: 'number',
      label: { 'zh-CN': '最小值', en: 'Minimum' },
      visibleWhen: { field: 'expect', in: ['number'] },
    }),
    max: field(boundedNumber(MAX_NUMBER).optional(), {
      input: 'number',
      label: { 'zh-CN': '最大值', en: 'Maximum' },
      visibleWhen: { field: 'expect', in: ['number'] },
    }),
    retries: field(z.number().int().min(0).max(5).default(2), {
      input: 'number',
      label: { 'zh-CN': '重试次数', en: 'Retries' },
    }),
    retryText: field(z.string().trim().min(1).default('没看懂，请再回复一次～'), {
      input: 'template',
      label: { 'zh-CN': '无效回答时的提示', en: 'Retry message' },
    }),
    timeout: field(durationSchema.nullable().default(null), {
      input: 'duration',
      label: { 'zh-CN': '等待时长', en: 'Timeout' },
      help: { 'zh-CN': '留空：一直等待。', en: 'Empty: wait forever.' },
    }),
  })
  .superRefine((value, ctx) => {
    if (value.expect === 'choice' && value.choices.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['choices'], ...schemaError('choices_required') });
    }
    if (value.expect === 'regex' && value.pattern === '') {
      ctx.addIssue({ code: 'custom', path: ['pattern'], ...schemaError('pattern_required') });
    }
    if (value.min !== undefined && value.max !== undefined && value.min > value.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], ...schemaError('max_below_min') });
    }
  });

export const askNode = defineNode({
  type: 'ask',
  category: 'message',
  label: { 'zh-CN': '提问', en: 'Ask' },
  description: {
    'zh-CN': '发送问题并等待回答，校验后保存到联系人属性；无效回答会重新提问。',
    en: "Asks a question, waits for the answer, validates it and saves it to the contact's attributes.",
  },
  icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01',
  summary: [
    { show: 'template', field: 'question' },
    {
      show: 'row',
      parts: [
        { show: 'chip', text: '{expect|option}' },
        { show: 'chips', field: 'choices', when: { field: 'expect', is: 'choice' } },
        { show: 'chip', tone: 'code', text: '→ {saveAs}', when: { field: 'saveAs', filled: true } },
      ],
    },
  ],
  version: 1,
  data,
  initial: { question: '请问你在哪个城市？', saveAs: 'city' },
  ports: () => [PORTS.answered, PORTS.invalid, PORTS.timeout],
  exitPorts: ['invalid', 'timeout'],
  waits: true,
  waitKinds: [timeoutWait],
  writes: (value) => [value.saveAs],
  patterns: (value) => (value.expect === 'regex' ? [{ path: 'data.pattern', pattern: value.pattern }] : []),
  compile: (value, kit) => {
    const { nodeId } = kit;
    const answer: AnswerSpec = {
      expect: value.expect,
      choices: value.choices,
      pattern: value.pattern,
      ...(value.min === undefined ? {} : { min: value.min }),
      ...(value.max === undefined ? {} : { max: value.max }),
    };
    const timer = value.timeout === null ? [] : [act('arm', {})];
    const question = sendPrivately(nodeId, [value.question]);
    return {
      entry: [question, ...timer],
      meta: {
        awaits: 'message',
        ...(value.timeout === null ? {} : { wait: { kind: timeoutWait.kind, timeout: value.timeout } }),
      },
      on: {
        MESSAGE: [
          kit.port('answered', {
            guard: when('answerValid', { answer }),
            actions: [act('saveAnswer', { nodeId, key: value.saveAs, answer })],
          }),
          {
            guard: when('triesLeft', { retries: value.retries }),
            actions: [act('countTry', {}), sendPrivately(nodeId, [value.retryText]), question, ...timer],
          },
          kit.port('invalid'),
        ],
        TIMER: [kit.port('timeout', { guard: when('timerDue', {}) })],
      },
    };
  },
});
