// Wait for any message from the contact; its text is readable as `reply.text` afterwards.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, when } from '../flow/refs.ts';
import { durationSchema } from '../flow/schemas.ts';
import { timeoutWait } from '../flow/wake.ts';

export const waitReplyNode = defineNode({
  type: 'wait_reply',
  category: 'message',
  label: { 'zh-CN': '等待回复', en: 'Wait for reply' },
  description: {
    'zh-CN': '等待联系人的任意回复；之后的条件可读取 reply.text。',
    en: 'Waits for any message; the next condition can read its text as reply.text.',
  },
  icon: 'M9 17 4 12l5-5M20 18v-2a4 4 0 0 0-4-4H4',
  summary: [
    { show: 'text', text: { 'zh-CN': '最多等待 {timeout|duration}', en: 'Waits up to {timeout|duration}' } },
  ],
  version: 1,
  data: z.object({
    timeout: field(durationSchema, {
      input: 'duration',
      label: { 'zh-CN': '等待时长', en: 'Timeout' },
    }),
  }),
  initial: { timeout: 'P1D' },
  ports: () => [PORTS.replied, PORTS.timeout],
  exitPorts: ['timeout'],
  waits: true,
  waitKinds: [timeoutWait],
  provides: { reply: ['text'] },
  compile: (data, kit) => ({
    entry: [act('arm', {})],
    meta: { awaits: 'message', wait: { kind: timeoutWait.kind, timeout: data.timeout } },
    on: {
      MESSAGE: [kit.port('replied', { actions: [act('storeMessage', { as: 'reply' })] })],
      // A timeout clears `reply.text`, so a later condition never reads an older reply.
      TIMER: [
        kit.port('timeout', { guard: when('timerDue', {}), actions: [act('storeMessage', { as: 'reply' })] }),
      ],
    },
  }),
});
