// Trigger: a website lead became our friend after the bot added them (API.md "Leads"); the run
// starts with the lead's attributes already on the contact.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { attributeKeySchema } from '../flow/schemas.ts';

export const leadTrigger = defineNode({
  type: 'trigger.lead',
  category: 'trigger',
  label: { 'zh-CN': '网站线索', en: 'Website lead' },
  description: {
    'zh-CN': '网站留资的客户通过了机器人发出的好友申请时开始；线索带来的信息已写入联系人属性。',
    en: "Starts when a website lead accepts the bot's friend request; the lead's details are already the contact's attributes.",
  },
  icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 3a13 13 0 0 0 0 18 13 13 0 0 0 0-18M3 12h18',
  summary: [
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '线索信息已写入联系人属性', en: "The lead's details are the contact's attributes" },
    },
    { show: 'chips', field: 'attributes', tone: 'code' },
  ],
  version: 1,
  data: z.object({
    attributes: field(z.array(attributeKeySchema).max(50).default([]), {
      input: 'stringList',
      label: { 'zh-CN': '网站提交的属性', en: 'Attributes the website sends' },
      help: {
        'zh-CN': '网站随线索提交的属性名（如 course），之后的节点可以用 {{attributes.course}}。',
        en: 'Attribute keys the website posts with the lead (e.g. course), for later cards to use as {{attributes.course}}.',
      },
    }),
  }),
  initial: { attributes: [] },
  writes: (data) => data.attributes,
  ports: () => [PORTS.next],
  trigger: { matches: (_data, inbound) => inbound.kind === 'lead' },
  compile: (_data, kit) => ({ always: [kit.port('next')] }),
});
