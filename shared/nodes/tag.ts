// Add and remove contact tags.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act } from '../flow/refs.ts';
import { tagSchema } from '../flow/schemas.ts';
import { schemaError } from '../schema-issues.ts';

export const tagNode = defineNode({
  type: 'tag',
  category: 'action',
  label: { 'zh-CN': '打标签', en: 'Tag' },
  description: { 'zh-CN': '给联系人添加或移除标签。', en: "Adds or removes the contact's tags." },
  icon: 'M12.6 2.6A2 2 0 0 0 11.2 2H4a2 2 0 0 0-2 2v7.2a2 2 0 0 0 .6 1.4l8.7 8.7a2.4 2.4 0 0 0 3.4 0l6.6-6.6a2.4 2.4 0 0 0 0-3.4zM7.5 8a.5.5 0 1 0 0-1 .5.5 0 0 0 0 1z',
  summary: [
    { show: 'chips', field: 'add', tone: 'add' },
    { show: 'chips', field: 'remove', tone: 'remove' },
  ],
  version: 1,
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
      ...schemaError('tag_change_required'),
    }),
  initial: { add: ['新客户'], remove: [] },
  ports: () => [PORTS.next],
  compile: (data, kit) => ({
    entry: [act('tag', { nodeId: kit.nodeId, add: data.add, remove: data.remove })],
    always: [kit.port('next')],
  }),
});
