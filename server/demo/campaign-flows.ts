// The demo's stage 2 (issue #16): two flows a campaign sends — a monthly broadcast and a 3-day
// recall — each a `send` with variants (nickname + tone, sticky per contact), a wait for the reply,
// and a hand to a human when the reply shows purchase intent. Launched from the Campaigns screen.

const INTENT = '多少钱|价格|怎么买|购买|下单|报名|链接|优惠';

/** trigger.campaign → send (variants) → wait_reply → intent? → handoff | end. */
function campaignFlow(texts: [string, ...string[]], handoffNote: string) {
  const [text, ...variants] = texts;
  return {
    nodes: [
      { id: 'start', type: 'trigger.campaign', position: { x: 0, y: 0 }, data: {} },
      { id: 'say', type: 'send', position: { x: 0, y: 120 }, data: { text, variants } },
      { id: 'reply', type: 'wait_reply', position: { x: 0, y: 260 }, data: { timeout: 'P3D' } },
      {
        id: 'intent',
        type: 'condition',
        position: { x: 0, y: 400 },
        data: { match: 'any', rules: [{ field: 'reply.text', op: 'matches', value: INTENT }] },
      },
      {
        id: 'human',
        type: 'handoff',
        position: { x: -160, y: 540 },
        data: { text: '好的，我请同事马上联系你～', assign: 'round_robin', note: handoffNote, timeout: null },
      },
      { id: 'done', type: 'end', position: { x: 160, y: 540 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'say' },
      { id: 'e2', source: 'say', sourceHandle: 'next', target: 'reply' },
      { id: 'e3', source: 'reply', sourceHandle: 'replied', target: 'intent' },
      { id: 'e4', source: 'intent', sourceHandle: 'true', target: 'human' },
      { id: 'e5', source: 'intent', sourceHandle: 'false', target: 'done' },
      { id: 'e6', source: 'reply', sourceHandle: 'timeout', target: 'done' },
    ],
  };
}

export const monthlyBroadcast = campaignFlow(
  [
    '{{contact.name|朋友}}，本月会员日来啦：全场 8 折，老朋友再送一张无门槛券。想要的话回我「报名」～',
    'Hi {{contact.name|朋友}}～这个月的会员日给你留了位置：8 折 + 专属券，回「报名」就帮你登记 😊',
    '{{contact.name|朋友}}你好！会员日提前告诉你：8 折和老客专属券，需要的话直接回我～',
  ],
  '月度群发里有购买意向：{{reply.text}}',
);

export const threeDayRecall = campaignFlow(
  [
    '{{contact.name|朋友}}，好久没聊啦～上次看的那款还有货，需要我帮你留一份吗？',
    '嗨 {{contact.name|朋友}}，最近忙吗？给你留了一张回归券，三天内有效哦',
  ],
  '召回消息有回复：{{reply.text}}',
);
