// Trigger: a campaign enrolls contacts into the flow (API.md "Segments and campaigns"); it never
// starts on a message — the launch inserts one run per contact waiting here until its send time.

import { z } from 'zod';
import { defineNode } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';

export const campaignTrigger = defineNode({
  type: 'trigger.campaign',
  category: 'trigger',
  label: { 'zh-CN': '群发活动', en: 'Campaign' },
  description: {
    'zh-CN': '由群发活动把分群里的联系人加入；在每位联系人的发送时间开始，不会被消息触发。',
    en: "A campaign enrolls a segment's contacts; each run starts at that contact's send time, never on a message.",
  },
  icon: 'M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1zM16 8a5 5 0 0 1 0 8M19 5a9 9 0 0 1 0 14',
  summary: [
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '由群发活动在发送时间开始', en: 'Started by a campaign at the send time' },
    },
  ],
  version: 1,
  data: z.object({}),
  initial: {},
  ports: () => [PORTS.next],
  trigger: { matches: () => false },
  compile: (_data, kit) => ({ always: [kit.port('next')] }),
});
