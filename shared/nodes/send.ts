// Send a message: `text`, or one of `[text, ...variants]` picked stickily per contact.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act } from '../flow/refs.ts';

export const sendNode = defineNode({
  type: 'send',
  category: 'message',
  label: { 'zh-CN': '发送消息', en: 'Send message' },
  description: {
    'zh-CN': '发送一条消息；有多个版本时，每个联系人固定收到其中一个，便于比较效果。',
    en: 'Sends a message; with variants, each contact always gets the same one so their results can be compared.',
  },
  data: z.object({
    text: field(z.string().trim().min(1), {
      input: 'template',
      label: { 'zh-CN': '消息内容', en: 'Text' },
      help: {
        'zh-CN': '可使用 {{contact.name|朋友}} 等变量。',
        en: 'May use variables such as {{contact.name|friend}}.',
      },
    }),
    variants: field(z.array(z.string().trim().min(1)).default([]), {
      input: 'templateList',
      label: { 'zh-CN': '其他版本', en: 'Variants' },
      help: { 'zh-CN': 'A/B 测试用的其他文案。', en: 'Alternative texts for an A/B test.' },
    }),
  }),
  initial: { text: '你好 {{contact.name|朋友}}！', variants: [] },
  ports: () => [PORTS.next],
  burst: true,
  compile: (data, kit) => ({
    entry: [act('send', { nodeId: kit.nodeId, texts: [data.text, ...data.variants] })],
    always: [kit.port('next')],
  }),
});
