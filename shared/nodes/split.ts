// A/B split: each contact goes down one branch, picked stickily (hash of contact id + node id)
// in proportion to the branch weights.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { when } from '../flow/refs.ts';
import { schemaError } from '../schema-issues.ts';

/** Weights are proportions: a million to one is already "never" for the smaller branch. */
const MAX_WEIGHT = 1_000_000;

const branchSchema = z.object({
  name: z.string().refine((name) => /^[a-z][a-z0-9_]*$/.test(name), schemaError('branch_name')),
  weight: z.number().finite().min(0).max(MAX_WEIGHT),
});

export const splitNode = defineNode({
  type: 'split',
  category: 'logic',
  label: { 'zh-CN': '随机分流', en: 'Split' },
  description: {
    'zh-CN': '按权重把联系人分到不同分支；同一联系人总是进入同一分支。',
    en: 'Sends contacts down branches in proportion to weights; a contact always gets the same branch.',
  },
  icon: 'M16 3h5v5M4 20 21 3M21 16v5h-5M15 15l6 6M4 4l5 5',
  summary: [{ show: 'shares', field: 'branches', label: 'name', weight: 'weight' }],
  version: 1,
  data: z.object({
    branches: field(
      z
        .array(branchSchema)
        .min(2)
        .max(5)
        .superRefine((branches, ctx) => {
          branches.forEach((branch, i) => {
            if (branches.findIndex((other) => other.name === branch.name) < i) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'name'],
                ...schemaError('branch_name_twice', { name: branch.name }),
              });
            }
          });
          if (!branches.some((branch) => branch.weight > 0)) {
            ctx.addIssue({ code: 'custom', path: [0, 'weight'], ...schemaError('weight_required') });
          }
        }),
      {
        input: 'branches',
        label: { 'zh-CN': '分支', en: 'Branches' },
        parts: { name: { 'zh-CN': '名称', en: 'Name' }, weight: { 'zh-CN': '权重', en: 'Weight' } },
      },
    ),
  }),
  initial: {
    branches: [
      { name: 'a', weight: 50 },
      { name: 'b', weight: 50 },
    ],
  },
  // A branch's handle is labelled with its own name in both languages: the marketer chose it.
  ports: (data) => data.branches.map(({ name }) => ({ id: name, label: { 'zh-CN': name, en: name } })),
  mainPorts: (data) => data.branches.map(({ name }) => name),
  compile: (data, kit) => {
    const weights = data.branches.map((branch) => branch.weight);
    const last = data.branches.length - 1;
    return {
      always: data.branches.map(({ name }, index) =>
        index === last
          ? kit.port(name)
          : kit.port(name, { guard: when('picked', { nodeId: kit.nodeId, weights, index }) }),
      ),
    };
  },
});
