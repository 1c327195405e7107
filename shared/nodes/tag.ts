// Add and remove contact tags.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act } from '../flow/refs.ts';
import { tagSchema } from '../flow/schemas.ts';

export const tagNode = defineNode({
  type: 'tag',
  category: 'action',
  label: { 'zh-CN': '打标签', en: 'Tag' },
  description: { 'zh-CN': '给联系人添加或移除标签。', en: "Adds or removes the contact's tags." },
  data: z
    .object({
      add: field(z.array(tagSchema).default([]), {
        input: 'stringList',
        label: { 'zh-CN': '添加标签', en: 'Add tags' },
      }),
      remove: field(z.array(tagSchema).default([]), {
        input: 'stringList',
        label: { 'zh-CN': '移除标签', en: 'Remove tags' },
      }),
    })
    .refine((data) => data.add.length + data.remove.length > 0, {
      path: ['add'],
      message: 'Add or remove at least one tag',
    }),
  initial: { add: ['新客户'], remove: [] },
  ports: () => [PORTS.next],
  compile: (data, kit) => ({
    entry: [act('tag', { nodeId: kit.nodeId, add: data.add, remove: data.remove })],
    always: [kit.port('next')],
  }),
});
