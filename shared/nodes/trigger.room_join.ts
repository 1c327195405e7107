// Trigger: a run starts when a contact joins a group of the account — any way: our invite, a QR code,
// someone else's invite. The run is in that group, so a `send` to the room welcomes them there.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';

export const roomJoinTrigger = defineNode({
  type: 'trigger.room_join',
  category: 'trigger',
  label: { 'zh-CN': '进群', en: 'Group join' },
  description: {
    'zh-CN': '联系人加入账号的群时开始（任何方式：邀请、扫码、群友拉入）；流程就在这个群里。',
    en: "Starts when a contact joins one of the account's groups (an invite, a QR code, another member); the run is in that group.",
  },
  icon: 'M15 3h4a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-4M10 17l5-5-5-5M15 12H3',
  summary: [
    {
      show: 'row',
      when: { field: 'roomSet', filled: true },
      parts: [
        { show: 'text', tone: 'muted', text: { 'zh-CN': '群池', en: 'Room set' } },
        { show: 'chip', tone: 'code', text: '{roomSet}' },
      ],
    },
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '任意一个群', en: 'Any group' },
      when: { field: 'roomSet', filled: false },
    },
  ],
  version: 1,
  data: z.object({
    roomSet: field(z.string().trim().max(60).nullable().default(null), {
      input: 'text',
      label: { 'zh-CN': '群池', en: 'Room set' },
      help: {
        'zh-CN': '只在加入这个群池的群时开始；留空：账号的任意一个群。',
        en: 'Start only for the groups of this room set; empty: any group of the account.',
      },
    }),
  }),
  initial: { roomSet: null },
  ports: () => [PORTS.next],
  roomSets: (data) => (data.roomSet ? [{ path: 'data.roomSet', name: data.roomSet }] : []),
  trigger: {
    matches: (data, inbound) =>
      inbound.kind === 'room_join' && (!data.roomSet || data.roomSet === inbound.roomSet),
    givesRoom: () => true,
  },
  compile: (_data, kit) => ({ always: [kit.port('next')] }),
});
