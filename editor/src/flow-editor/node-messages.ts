// Words of the node cards themselves in both languages; what a card says of its data comes from its
// type's summary (shared/nodes/<type>.ts).
import { defineMessages } from '../i18n.ts';

export const { useT: useNodeT } = defineMessages({
  'zh-CN': {
    empty: '未填写',
    endsHere: '在此结束',
    endsHereTitle: '「{port}」没有连线：从这里出去的联系人在此结束流程。连到下一个节点即可继续。',
  },
  en: {
    empty: 'Not set',
    endsHere: 'ends here',
    endsHereTitle:
      '“{port}” is not connected: contacts leaving through it end the flow here. Connect it to go on.',
  },
});
