// Pause the run for a duration, optionally postponed into a daily window or to the contact's
// most active hour; the executor turns the state's wait spec into `wake_at`.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, when } from '../flow/refs.ts';
import { durationSchema, timeWindowSchema } from '../flow/schemas.ts';

export const waitNode = defineNode({
  type: 'wait',
  category: 'time',
  label: { 'zh-CN': '等待', en: 'Wait' },
  description: {
    'zh-CN': '等待一段时间后继续；可限定在每天的时间段内，或选择联系人最活跃的时刻。',
    en: "Continues after a while; optionally inside a daily window, at the contact's most active hour.",
  },
  data: z.object({
    duration: field(durationSchema, { input: 'duration', label: { 'zh-CN': '时长', en: 'Duration' } }),
    window: field(timeWindowSchema.nullable().default(null), {
      input: 'window',
      label: { 'zh-CN': '时间段', en: 'Time window' },
      parts: { from: { 'zh-CN': '开始', en: 'From' }, to: { 'zh-CN': '结束', en: 'To' } },
      help: {
        'zh-CN': '按工作区时区；到点不在时间段内则顺延到下一个时间段。',
        en: 'In the workspace time zone; a time outside the window moves to its next opening.',
      },
    }),
    bestTime: field(z.boolean().default(false), {
      input: 'boolean',
      label: { 'zh-CN': '最佳时间', en: 'Best time' },
      help: {
        'zh-CN': '在时间段内选择该联系人最常发消息的小时。',
        en: 'Within the window, pick the hour this contact has been most active in.',
      },
    }),
  }),
  initial: { duration: 'PT1H', window: null, bestTime: false },
  ports: () => [PORTS.next],
  waits: true,
  compile: (data, kit) => ({
    entry: [act('arm', {})],
    meta: {
      wait: { kind: 'duration', duration: data.duration, window: data.window, bestTime: data.bestTime },
    },
    on: { TIMER: [kit.port('next', { guard: when('timerDue', {}) })] },
  }),
});
