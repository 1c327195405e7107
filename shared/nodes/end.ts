// End the run here (status `completed`).

import { z } from 'zod';
import { defineNode } from '../flow/node-definition.ts';

export const endNode = defineNode({
  type: 'end',
  category: 'logic',
  label: { 'zh-CN': '结束', en: 'End' },
  description: { 'zh-CN': '流程在此结束。', en: 'Ends the run.' },
  data: z.object({}),
  initial: {},
  ports: () => [],
  compile: (_data, kit) => ({ always: [kit.finish()] }),
});
