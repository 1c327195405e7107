// Port ids several node types share, with the labels the editor shows on their handles.

import type { Port } from './node-definition.ts';

const port = (id: string, zh: string, en: string): Port => ({ id, label: { 'zh-CN': zh, en } });

export const PORTS = {
  next: port('next', '下一步', 'Next'),
  answered: port('answered', '已回答', 'Answered'),
  invalid: port('invalid', '回答无效', 'Invalid'),
  timeout: port('timeout', '超时', 'Timed out'),
  replied: port('replied', '已回复', 'Replied'),
  true: port('true', '是', 'True'),
  false: port('false', '否', 'False'),
  issued: port('issued', '已发放', 'Issued'),
  exhausted: port('exhausted', '已领完', 'Exhausted'),
  joined: port('joined', '已进群', 'Joined'),
  full: port('full', '群已满', 'Full'),
  resolved: port('resolved', '已解决', 'Resolved'),
} satisfies Record<string, Port>;
