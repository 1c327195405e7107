// `npm run bench:compile`: validate + compile generated flows of 100 / 1,000 / 5,000 nodes and print
// the median time. Target: 1,000 nodes under 50 ms. Also shows XState's createMachine on the result.

import { compile } from './compile.ts';
import { createFlowMachine } from './machine.ts';
import { validate } from './validate.ts';

type Node = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };
type Edge = { id: string; source: string; sourceHandle: string; target: string };

/** One 10-node block of a typical funnel; each block's exits lead into the next block. */
function block(b: number, next: string): { nodes: Node[]; edges: Edge[] } {
  const id = (name: string) => `b${b}_${name}`;
  const node = (name: string, type: string, data: Record<string, unknown>, i: number): Node => ({
    id: id(name),
    type,
    position: { x: i * 200, y: b * 150 },
    data,
  });
  const nodes = [
    node(
      'send',
      'send',
      { text: `你好 {{contact.name|朋友}}，第 ${b} 步`, variants: ['Hi {{attributes.city|}}'] },
      0,
    ),
    node(
      'ask',
      'ask',
      { question: '你多大？', saveAs: 'age', expect: 'number', min: 1, max: 120, timeout: 'PT1H' },
      1,
    ),
    node('cond', 'condition', { rules: [{ field: 'attributes.age', op: 'gte', value: 18 }] }, 2),
    node('tag', 'tag', { add: ['成年'], remove: ['未知'] }, 3),
    node('set', 'set_attribute', { key: 'city', value: '{{attributes.city|上海}}' }, 4),
    node('reply', 'wait_reply', { timeout: 'P1D' }, 5),
    node(
      'split',
      'split',
      {
        branches: [
          { name: 'a', weight: 1 },
          { name: 'b', weight: 2 },
        ],
      },
      6,
    ),
    node('goal', 'goal', { name: `step${b}` }, 7),
    node('wait', 'wait', { duration: 'PT2H', window: { from: '09:00', to: '21:00' }, bestTime: true }, 8),
    node('coupon', 'coupon', { pool: 'welcome', text: '券码 {{coupon.code}}' }, 9),
  ];
  const links: [string, string, string][] = [
    ['send', 'next', id('ask')],
    ['ask', 'answered', id('cond')],
    ['ask', 'timeout', id('reply')],
    ['cond', 'true', id('tag')],
    ['cond', 'false', id('set')],
    ['tag', 'next', id('set')],
    ['set', 'next', id('reply')],
    ['reply', 'replied', id('split')],
    ['reply', 'timeout', id('goal')],
    ['split', 'a', id('goal')],
    ['split', 'b', id('goal')],
    ['goal', 'next', id('wait')],
    ['wait', 'next', id('coupon')],
    ['coupon', 'issued', next],
    ['coupon', 'exhausted', next],
  ];
  const edges = links.map(([from, port, target]) => ({
    id: `${id(from)}-${port}`,
    source: id(from),
    sourceHandle: port,
    target,
  }));
  return { nodes, edges };
}

export function generateFlow(size: number): { nodes: Node[]; edges: Edge[] } {
  const blocks = Math.max(1, Math.round((size - 2) / 10));
  const nodes: Node[] = [
    { id: 'start', type: 'trigger.friend_request', position: { x: 0, y: -150 }, data: {} },
    { id: 'end', type: 'end', position: { x: 0, y: blocks * 150 }, data: {} },
  ];
  const edges: Edge[] = [{ id: 'start-next', source: 'start', sourceHandle: 'next', target: 'b0_send' }];
  for (let b = 0; b < blocks; b++) {
    const part = block(b, b + 1 < blocks ? `b${b + 1}_send` : 'end');
    nodes.push(...part.nodes);
    edges.push(...part.edges);
  }
  return { nodes, edges };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

for (const size of [100, 1_000, 5_000]) {
  const graph = generateFlow(size);
  const runs = size >= 5_000 ? 9 : 25;
  time(() => compile(graph), 3);
  const result = compile(graph);
  if (!result.ok)
    throw new Error(`generated flow has lint errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const total = time(() => {
    validate(graph);
    compile(graph);
  }, runs);
  const machine = time(() => createFlowMachine(result.machine), Math.min(runs, 9));
  console.log(
    `${String(graph.nodes.length).padStart(5)} nodes: validate + compile median ${total.toFixed(1)} ms` +
      ` (createFlowMachine ${machine.toFixed(1)} ms, ${result.warnings.length} warnings)`,
  );
}
