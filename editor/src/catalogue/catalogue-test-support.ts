// Shared by the catalogue tests: flow cards and edges with ids that look like the editor's
// (`send_4f2a`), so a sentence that prints one is caught.
type Node = { id: string; type: string; data?: unknown };
export const trigger: Node = { id: 'trigger_k7x2', type: 'trigger.keyword', data: { keywords: ['hi'] } };
export const send = (id: string, text = 'hello'): Node => ({ id, type: 'send', data: { text } });
export const edge = (source: string, target: string, sourceHandle = 'next') => ({
  id: `edge_${source}_${sourceHandle}_${target}`,
  source,
  target,
  sourceHandle,
});
export const T = trigger.id;
