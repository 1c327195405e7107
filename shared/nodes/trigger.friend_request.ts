// Trigger: a run starts when a contact becomes our friend (we accepted, or the operator did on the phone).

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';

export const friendRequestTrigger = defineNode({
  type: 'trigger.friend_request',
  category: 'trigger',
  label: { 'zh-CN': '好友申请', en: 'Friend request' },
  description: {
    'zh-CN': '联系人成为好友时开始：自动通过申请，或由运营在手机上通过。',
    en: 'Starts when the contact becomes a friend: accepted automatically or by the operator on the phone.',
  },
  icon: 'M15 19a6 6 0 0 0-12 0M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM19 8v6M22 11h-6',
  summary: [
    {
      show: 'text',
      text: { 'zh-CN': '自动通过好友申请', en: 'Accepts the request automatically' },
      when: { field: 'autoAccept', not: false },
    },
    {
      show: 'text',
      text: { 'zh-CN': '由运营手动通过', en: 'Operator accepts on the phone' },
      when: { field: 'autoAccept', is: false },
    },
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '验证消息包含', en: 'Hello contains' },
      when: { field: 'helloKeywords', filled: true },
    },
    { show: 'chips', field: 'helloKeywords' },
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '任意验证消息', en: 'Any hello message' },
      when: { field: 'helloKeywords', filled: false },
    },
  ],
  version: 1,
  data: z.object({
    autoAccept: field(z.boolean().default(true), {
      input: 'boolean',
      label: { 'zh-CN': '自动通过', en: 'Accept automatically' },
      help: {
        'zh-CN': '按账号的限速自动通过好友申请。',
        en: "Accept the request automatically, within the account's rate limits.",
      },
    }),
    helloKeywords: field(z.array(z.string().trim().min(1)).default([]), {
      input: 'stringList',
      label: { 'zh-CN': '验证消息关键词', en: 'Hello keywords' },
      help: {
        'zh-CN': '留空：任何验证消息都开始；否则验证消息须包含其中之一。',
        en: "Empty: any hello starts the flow; otherwise the request's hello must contain one of them.",
      },
    }),
  }),
  initial: { autoAccept: true, helloKeywords: [] },
  ports: () => [PORTS.next],
  trigger: {
    matches: (data, inbound) =>
      inbound.kind === 'friend_request' &&
      (data.helloKeywords.length === 0 ||
        data.helloKeywords.some((word) => inbound.hello.toLowerCase().includes(word.toLowerCase()))),
    acceptsRequest: (data) => data.autoAccept,
  },
  compile: (_data, kit) => ({ always: [kit.port('next')] }),
});
