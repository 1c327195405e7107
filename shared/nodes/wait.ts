// Pause the run for a duration, optionally postponed into a daily window or to the contact's
// most active hour; its `duration` wait kind turns the state's wait spec into `wake_at`.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, when } from '../flow/refs.ts';
import { durationSchema, timeWindowSchema } from '../flow/schemas.ts';
import { bestSlot, defineWaitKind, nextWindow, type TimeWindow, WHOLE_DAY } from '../flow/wake.ts';
import { boundedDurationMs } from '../time/duration.ts';

type DurationWait = { kind: 'duration'; duration: string; window: TimeWindow | null; bestTime: boolean };

/** `duration` from now, then into the next opening of `window`, at the contact's best hour there. */
const durationWait = defineWaitKind<DurationWait>({
  kind: 'duration',
  wakeAt: (spec, { now, timeZone, activity = [] }) => {
    const earliest = now + boundedDurationMs(spec.duration);
    if (!spec.window && !spec.bestTime) return earliest;
    const [begin, end] = nextWindow(earliest, spec.window ?? WHOLE_DAY, timeZone);
    return spec.bestTime ? bestSlot(begin, end, timeZone, activity) : begin;
  },
});

export const waitNode = defineNode({
  type: 'wait',
  category: 'time',
  label: { 'zh-CN': '等待', en: 'Wait' },
  description: {
    'zh-CN': '等待一段时间后继续；可限定在每天的时间段内，或选择联系人最活跃的时刻。',
    en: "Continues after a while; optionally inside a daily window, at the contact's most active hour.",
  },
  icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  summary: [
    {
      show: 'text',
      tone: 'strong',
      text: { 'zh-CN': '等待 {duration|duration}', en: 'Wait {duration|duration}' },
    },
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '仅在 {window.from}–{window.to}', en: 'Only {window.from}–{window.to}' },
      when: { field: 'window', filled: true },
    },
    {
      show: 'chip',
      text: { 'zh-CN': '选最佳时间', en: 'At the best time' },
      when: { field: 'bestTime', is: true },
    },
  ],
  version: 1,
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
  waitKinds: [durationWait],
  compile: (data, kit) => ({
    entry: [act('arm', {})],
    meta: {
      wait: {
        kind: durationWait.kind,
        duration: data.duration,
        window: data.window,
        bestTime: data.bestTime,
      },
    },
    on: { TIMER: [kit.port('next', { guard: when('timerDue', {}) })] },
  }),
});
