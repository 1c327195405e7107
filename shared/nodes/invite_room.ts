// Invite the contact into a group of a room set and wait for them to join. Picking the group (the
// least-full open one below capacity: rotation) and inviting are I/O, so the node first carries a
// `room_invite` request `{roomSet, nodeId, holdMs}` (`holdMs`: the node's timeout, how long the
// pending invite holds its seat); the runtime answers RESULT `{ok: true, value: {roomId}}` once the
// invite is queued, or `{ok: false}` when every group of the set is full. Then the run waits for
// ROOM_JOINED.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, sendPrivately, when } from '../flow/refs.ts';
import { durationSchema } from '../flow/schemas.ts';
import { timeoutWait } from '../flow/wake.ts';
import { boundedDurationMs } from '../time/duration.ts';

export const inviteRoomNode = defineNode({
  type: 'invite_room',
  category: 'action',
  label: { 'zh-CN': '邀请进群', en: 'Invite to group' },
  description: {
    'zh-CN':
      '从群池里选一个未满的群邀请联系人（满了自动换下一个群），等待联系人进群；所有群都满时走“群已满”。',
    en: 'Invites the contact into the least-full open group of a room set (rotating when one fills up) and waits for the join; every group full: Full.',
  },
  icon: 'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75',
  summary: [
    {
      show: 'row',
      parts: [
        { show: 'text', tone: 'muted', text: { 'zh-CN': '群池', en: 'Room set' } },
        { show: 'chip', tone: 'code', text: '{roomSet}', empty: '?' },
      ],
    },
    { show: 'template', field: 'text', when: { field: 'text', filled: true } },
    {
      show: 'text',
      tone: 'muted',
      text: {
        'zh-CN': '最多等待 {timeout|duration} 进群',
        en: 'Waits up to {timeout|duration} for the join',
      },
    },
  ],
  version: 1,
  data: z.object({
    roomSet: field(z.string().trim().min(1).max(60), {
      input: 'text',
      label: { 'zh-CN': '群池', en: 'Room set' },
      help: {
        'zh-CN': '在“群”页面创建群池并把群加进去。',
        en: 'Create room sets and add groups to them on the Groups screen.',
      },
    }),
    text: field(z.string().trim().default(''), {
      input: 'template',
      label: { 'zh-CN': '邀请时私聊发送', en: 'Message with the invite' },
      help: {
        'zh-CN': '邀请发出时私聊发给联系人；留空则不发。群满时不会发送。',
        en: 'Sent to the contact in private with the invite; empty: none. Not sent when every group is full.',
      },
    }),
    timeout: field(durationSchema.default('P1D'), {
      input: 'duration',
      label: { 'zh-CN': '等待进群', en: 'Timeout' },
    }),
  }),
  initial: { roomSet: 'vip', text: '邀请你加入我们的会员群，记得点开邀请哦～', timeout: 'P1D' },
  ports: () => [PORTS.joined, PORTS.timeout, PORTS.full],
  exitPorts: ['timeout', 'full'],
  waits: true,
  // Every group full is known within the turn the node was entered in: no wait on the way out.
  instantPorts: ['full'],
  waitKinds: [timeoutWait],
  roomPorts: ['joined'],
  roomSets: (data) => [{ path: 'data.roomSet', name: data.roomSet, invites: true }],
  compile: (data, kit) => {
    const invited = [act('enterRoom', {}), ...(data.text ? [sendPrivately(kit.nodeId, [data.text])] : [])];
    const params = { roomSet: data.roomSet, nodeId: kit.nodeId, holdMs: boundedDurationMs(data.timeout) };
    return {
      initial: 'inviting',
      states: {
        inviting: { meta: { request: { kind: 'room_invite', params } } },
        waiting: {
          entry: [act('arm', {})],
          meta: { awaits: 'room_join', wait: { kind: timeoutWait.kind, timeout: data.timeout } },
        },
      },
      on: {
        // The text goes with the invite, so a set with no seat left says nothing it cannot keep.
        RESULT: [{ target: '.waiting', guard: when('resultOk', {}), actions: invited }, kit.port('full')],
        ROOM_JOINED: [kit.port('joined', { actions: [act('enterRoom', {})] })],
        TIMER: [kit.port('timeout', { guard: when('timerDue', {}) })],
      },
    };
  },
});
