// Give the contact a coupon code from a pool and send it. The claim is I/O, so the node's state
// carries a `coupon` request; the executor claims (one code per contact per pool, the same code
// again on a second visit) and answers with RESULT `{ok: true, value: {code}}` or `{ok: false}`.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { act, sendPrivately, when } from '../flow/refs.ts';

export const couponNode = defineNode({
  type: 'coupon',
  category: 'action',
  label: { 'zh-CN': '发优惠券', en: 'Coupon' },
  description: {
    'zh-CN': '从券池领取一个券码并发送给联系人；每人每个券池一个，再次经过会重发同一个券码。',
    en: 'Claims a code from a pool and sends it; one per contact per pool (a second visit re-sends it).',
  },
  icon: 'M2 9a3 3 0 0 1 0 6v2a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-2a3 3 0 0 1 0-6V7a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2zM13 5v2M13 17v2M13 11v2',
  summary: [
    {
      show: 'row',
      parts: [
        { show: 'text', tone: 'muted', text: { 'zh-CN': '券池', en: 'Pool' } },
        { show: 'chip', tone: 'code', text: '{pool}', empty: '?' },
      ],
    },
    { show: 'template', field: 'text' },
  ],
  version: 1,
  data: z.object({
    pool: field(z.string().trim().min(1).max(60), {
      input: 'couponPool',
      label: { 'zh-CN': '券池', en: 'Coupon pool' },
    }),
    text: field(z.string().trim().min(1), {
      input: 'template',
      label: { 'zh-CN': '消息内容', en: 'Text' },
      help: { 'zh-CN': '用 {{coupon.code}} 插入券码。', en: 'Insert the code with {{coupon.code}}.' },
    }),
  }),
  initial: { pool: 'welcome', text: '送你一张优惠券：{{coupon.code}}' },
  ports: () => [PORTS.issued, PORTS.exhausted],
  provides: { coupon: ['code', 'pool'] },
  compile: (data, kit) => ({
    meta: { request: { kind: 'coupon', params: { pool: data.pool } } },
    on: {
      RESULT: [
        kit.port('issued', {
          guard: when('resultOk', {}),
          actions: [
            act('storeResult', { as: 'coupon', with: { pool: data.pool } }),
            sendPrivately(kit.nodeId, [data.text]),
          ],
        }),
        kit.port('exhausted'),
      ],
    },
  }),
});
