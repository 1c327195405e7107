// Words of the node cards' bodies (what a node does, in one glance) in both languages.
import { defineMessages } from '../i18n.ts';

export const { useT: useNodeT } = defineMessages({
  'zh-CN': {
    autoAccept: '自动通过好友申请',
    manualAccept: '由运营手动通过',
    anyHello: '任意验证消息',
    helloContains: '验证消息包含',
    keywordMatch: '{match} · {scope}',
    variants: '+{count} 个版本',
    waitsUp: '最多等待 {duration}',
    waitFor: '等待 {duration}',
    window: '仅在 {from}–{to}',
    bestTime: '选最佳时间',
    matchAll: '满足全部规则',
    matchAny: '满足任一规则',
    endsRun: '流程在此结束',
    goal: '记录转化',
    pool: '券池',
    empty: '未填写',
    moreRules: '还有 {count} 条规则',
    endsHere: '在此结束',
    endsHereTitle: '「{port}」没有连线：从这里出去的联系人在此结束流程。连到下一个节点即可继续。',
  },
  en: {
    autoAccept: 'Accepts the request automatically',
    manualAccept: 'Operator accepts on the phone',
    anyHello: 'Any hello message',
    helloContains: 'Hello contains',
    keywordMatch: '{match} · {scope}',
    variants: '+{count} variants',
    waitsUp: 'Waits up to {duration}',
    waitFor: 'Wait {duration}',
    window: 'Only {from}–{to}',
    bestTime: 'At the best time',
    matchAll: 'All rules match',
    matchAny: 'Any rule matches',
    endsRun: 'The run ends here',
    goal: 'Conversion',
    pool: 'Pool',
    empty: 'Not set',
    moreRules: '{count} more rules',
    endsHere: 'ends here',
    endsHereTitle:
      '“{port}” is not connected: contacts leaving through it end the flow here. Connect it to go on.',
  },
});

export type NodeT = ReturnType<typeof useNodeT>;
