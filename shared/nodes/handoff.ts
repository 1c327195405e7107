// Hand the contact to a human: open its conversation in the inbox (assigned, the bot paused for this
// contact), say `text`, and wait. Opening is I/O, so the node first carries a `handoff` request
// `{nodeId, assign, note}` (the runtime renders `note` against the run); then the run waits for the
// inbox: RESOLVED (the conversation closed) → `resolved`; with a timeout, a TIMER while no human has
// answered → a `handoff_release` request (the bot takes the contact back, the conversation stays
// open for the agents) → `timeout`. AGENT_REPLIED (a human answered) stops the count-down.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, sendPrivately, when } from '../flow/refs.ts';
import { durationSchema } from '../flow/schemas.ts';
import { timeoutWait } from '../flow/wake.ts';

export const HANDOFF_ASSIGN = ['round_robin', 'unassigned'] as const;
export type HandoffAssign = (typeof HANDOFF_ASSIGN)[number];

const ASSIGN_LABELS = {
  round_robin: ['轮流分配给在线客服', 'Next agent online'],
  unassigned: ['不分配', 'Unassigned'],
} as const;

export const handoffNode = defineNode({
  type: 'handoff',
  category: 'action',
  label: { 'zh-CN': '转人工', en: 'Hand to a human' },
  description: {
    'zh-CN':
      '在收件箱里打开联系人的会话并分配给客服，机器人对该联系人暂停；客服关闭会话后走“已解决”，机器人恢复。设置了等待时长且无人回复时走“超时”。',
    en: 'Opens the contact’s conversation in the inbox, assigns it and pauses the bot for this contact; an agent closing it: Resolved (the bot is back). With a timeout and no human reply by then: Timed out.',
  },
  icon: 'M3 11h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5a9 9 0 0 1 18 0v5a2 2 0 0 1-2 2h-1a2 2 0 0 1-2-2v-3a2 2 0 0 1 2-2h3M21 16v2a4 4 0 0 1-4 4h-5',
  summary: [
    { show: 'template', field: 'text', when: { field: 'text', filled: true } },
    {
      show: 'row',
      parts: [
        { show: 'text', tone: 'muted', text: { 'zh-CN': '分配', en: 'Assign' } },
        { show: 'chip', text: '{assign|option}' },
      ],
    },
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '备注：{note}', en: 'Note: {note}' },
      when: { field: 'note', filled: true },
    },
    {
      show: 'text',
      tone: 'muted',
      text: {
        'zh-CN': '{timeout|duration} 内无人回复则超时',
        en: 'Times out after {timeout|duration} without a reply',
      },
      when: { field: 'timeout', filled: true },
    },
  ],
  version: 1,
  data: z.object({
    text: field(z.string().trim().default(''), {
      input: 'template',
      label: { 'zh-CN': '转接时发送', en: 'Message to the contact' },
      help: { 'zh-CN': '留空则不发。', en: 'Empty: none.' },
    }),
    assign: field(z.enum(HANDOFF_ASSIGN).default('round_robin'), {
      input: 'select',
      label: { 'zh-CN': '分配方式', en: 'Assignment' },
      options: HANDOFF_ASSIGN.map((value) => ({
        value,
        label: { 'zh-CN': ASSIGN_LABELS[value][0], en: ASSIGN_LABELS[value][1] },
      })),
      help: {
        'zh-CN': '轮流分配：在线客服中进行中会话最少的一位；无人在线时不分配。',
        en: 'Next agent online: the one with the fewest open conversations; nobody online: unassigned.',
      },
    }),
    note: field(z.string().trim().default(''), {
      input: 'template',
      label: { 'zh-CN': '给客服的备注', en: 'Note for the agent' },
      help: {
        'zh-CN': '显示在会话里，不会发给联系人。',
        en: 'Shown in the conversation, never sent to the contact.',
      },
    }),
    timeout: field(durationSchema.nullable().default(null), {
      input: 'duration',
      label: { 'zh-CN': '等待时长', en: 'Timeout' },
      help: {
        'zh-CN': '到时仍无人回复：走“超时”，机器人接回联系人（会话仍保持打开）。留空：一直等待。',
        en: 'No human reply by then: Timed out, and the bot takes the contact back (the conversation stays open). Empty: wait until it is closed.',
      },
    }),
  }),
  initial: { text: '正在为你转接人工客服，请稍等～', assign: 'round_robin', note: '', timeout: null },
  ports: () => [PORTS.resolved, PORTS.timeout],
  exitPorts: ['timeout'],
  waits: true,
  waitKinds: [timeoutWait],
  compile: (data, kit) => {
    const { nodeId } = kit;
    const said = data.text ? [sendPrivately(nodeId, [data.text])] : [];
    const timeout = data.timeout;
    return {
      initial: 'opening',
      states: {
        opening: {
          meta: { request: { kind: 'handoff', params: { nodeId, assign: data.assign, note: data.note } } },
          on: { RESULT: [{ target: 'waiting', actions: said }] },
        },
        waiting:
          timeout === null
            ? { meta: { awaits: 'agent' } }
            : {
                entry: [act('arm', {})],
                meta: { awaits: 'agent', wait: { kind: timeoutWait.kind, timeout } },
              },
        // A human answered: no timeout any more (the fresh token turns the armed TIMER stale).
        answered: { meta: { awaits: 'agent' } },
        ...(timeout === null
          ? {}
          : { releasing: { meta: { request: { kind: 'handoff_release', params: { nodeId } } } } }),
      },
      on: {
        RESOLVED: [kit.port('resolved')],
        AGENT_REPLIED: [{ target: '.answered', actions: [act('arm', {})] }],
        ...(timeout === null
          ? {}
          : {
              TIMER: [{ target: '.releasing', guard: when('timerDue', {}) }],
              // The release answered (the `opening` state takes its own RESULT).
              RESULT: [kit.port('timeout')],
            }),
      },
    };
  },
});
