// End the run here (status `completed`).

import { z } from 'zod';
import { defineNode } from '../flow/node-definition.ts';

export const endNode = defineNode({
  type: 'end',
  category: 'logic',
  label: { 'zh-CN': '结束', en: 'End' },
  description: { 'zh-CN': '流程在此结束。', en: 'Ends the run.' },
  icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9 9h6v6H9z',
  summary: [{ show: 'text', tone: 'muted', text: { 'zh-CN': '流程在此结束', en: 'The run ends here' } }],
  version: 1,
  data: z.object({}),
  initial: {},
  ports: () => [],
  compile: (_data, kit) => ({ always: [kit.finish()] }),
});
