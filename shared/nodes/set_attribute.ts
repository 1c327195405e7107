// Write a contact attribute from a template.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act } from '../flow/refs.ts';
import { attributeKeySchema } from '../flow/schemas.ts';

export const setAttributeNode = defineNode({
  type: 'set_attribute',
  category: 'action',
  label: { 'zh-CN': '设置属性', en: 'Set attribute' },
  description: { 'zh-CN': '写入联系人属性。', en: 'Writes a contact attribute.' },
  icon: 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z',
  summary: [
    {
      show: 'row',
      parts: [
        { show: 'chip', tone: 'code', text: '{key}', empty: '?' },
        { show: 'text', tone: 'faint', text: '=' },
        { show: 'template', field: 'value' },
      ],
    },
  ],
  version: 1,
  data: z.object({
    key: field(attributeKeySchema, { input: 'attribute', label: { 'zh-CN': '属性', en: 'Attribute' } }),
    value: field(z.string(), {
      input: 'template',
      label: { 'zh-CN': '值', en: 'Value' },
      help: {
        'zh-CN': '可使用变量，例如 {{attributes.city}}。',
        en: 'May use variables such as {{attributes.city}}.',
      },
    }),
  }),
  initial: { key: 'source', value: '' },
  ports: () => [PORTS.next],
  writes: (data) => [data.key],
  compile: (data, kit) => ({
    entry: [act('setAttribute', { nodeId: kit.nodeId, key: data.key, value: data.value })],
    always: [kit.port('next')],
  }),
});
