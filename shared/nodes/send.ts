// Send a message: `text`, or one of `[text, ...variants]` picked stickily per contact; in private, or
// into the run's group with an @-mention of the contact.

import { z } from 'zod';
import { SEND_TARGETS } from '../flow/effects.ts';
import { MEDIA_PARTS, sendMediaSchema } from '../flow/media.ts';
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
  icon: 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2zM8 9h8M8 13h5',
  summary: [
    { show: 'template', field: 'text' },
    {
      show: 'row',
      when: { field: 'to', is: 'room' },
      parts: [
        { show: 'chip', text: { 'zh-CN': '发到群里', en: 'In the group' } },
        {
          show: 'chip',
          text: { 'zh-CN': '@ 联系人', en: '@ the contact' },
          when: { field: 'mention', not: false },
        },
      ],
    },
    {
      show: 'chip',
      text: { 'zh-CN': '+{variants|count} 个版本', en: '+{variants|count} variants' },
      when: { field: 'variants', filled: true },
    },
    { show: 'chip', text: { 'zh-CN': '+ 图片', en: '+ image' }, when: { field: 'media.kind', is: 'image' } },
    {
      show: 'chip',
      text: { 'zh-CN': '+ 链接卡片：{media.title}', en: '+ link card: {media.title}' },
      when: { field: 'media.kind', is: 'link' },
    },
    {
      show: 'chip',
      text: { 'zh-CN': '+ 小程序：{media.title}', en: '+ mini program: {media.title}' },
      when: { field: 'media.kind', is: 'mini_program' },
    },
  ],
  version: 1,
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
    media: field(sendMediaSchema.nullable().default(null), {
      input: 'media',
      label: { 'zh-CN': '图片或卡片', en: 'Image or card' },
      help: {
        'zh-CN': '在文字之后发送：一张图片、一个链接卡片或一个小程序卡片。',
        en: 'Sent after the text: an image, a link card or a mini program card.',
      },
      parts: MEDIA_PARTS,
    }),
    to: field(z.enum(SEND_TARGETS).default('contact'), {
      input: 'select',
      label: { 'zh-CN': '发送到', en: 'Send to' },
      help: {
        'zh-CN': '群里：发到本次流程所在的群（由群聊消息或进群开始的流程，或邀请进群之后）。',
        en: "The group: posts in the run's group (runs started by a group message or a join, or after an invite).",
      },
      options: [
        { value: 'contact', label: { 'zh-CN': '联系人私聊', en: 'The contact, in private' } },
        { value: 'room', label: { 'zh-CN': '群里', en: 'The group' } },
      ],
    }),
    mention: field(z.boolean().default(true), {
      input: 'boolean',
      label: { 'zh-CN': '@ 联系人', en: 'Mention the contact' },
      visibleWhen: { field: 'to', in: ['room'] },
    }),
  }),
  initial: { text: '你好 {{contact.name|朋友}}！', variants: [] },
  ports: () => [PORTS.next],
  burst: true,
  needsRoom: (data) => (data.to === 'room' ? ['data.to'] : []),
  compile: (data, kit) => ({
    entry: [
      act('send', {
        nodeId: kit.nodeId,
        texts: [data.text, ...data.variants],
        ...(data.media ? { media: data.media } : {}),
        to: data.to,
        mention: data.to === 'room' && data.mention,
      }),
    ],
    always: [kit.port('next')],
  }),
});
