// Mark a conversion, counted per flow version and per contact.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act } from '../flow/refs.ts';

export const goalNode = defineNode({
  type: 'goal',
  category: 'logic',
  label: { 'zh-CN': '目标', en: 'Goal' },
  description: { 'zh-CN': '记录一次转化。', en: 'Marks a conversion.' },
  icon: 'M4 22V4M4 15s1-1 4-1 5 2 8 2 4-1 4-1V3s-1 1-4 1-5-2-8-2-4 1-4 1',
  summary: [
    { show: 'text', tone: 'strong', text: { 'zh-CN': '记录转化: {name}', en: 'Conversion: {name}' } },
  ],
  version: 1,
  data: z.object({
    name: field(z.string().trim().min(1).max(60), {
      input: 'text',
      label: { 'zh-CN': '目标名称', en: 'Goal name' },
    }),
  }),
  initial: { name: '留资' },
  ports: () => [PORTS.next],
  // A goal is a normal last card: its `next` unwired completes the run, nothing to warn about.
  mainPorts: () => [],
  compile: (data, kit) => ({
    entry: [act('emit', { nodeId: kit.nodeId, effect: { kind: 'goal', name: data.name } })],
    always: [kit.port('next')],
  }),
});
