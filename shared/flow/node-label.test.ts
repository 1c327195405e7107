import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { flowDocumentSchema, flowNodeSchema } from './document.ts';
import { validate } from './validate.ts';

const node = (label?: unknown, question = '') => ({
  id: 'city',
  type: 'ask',
  data: { question, saveAs: 'city' },
  ...(label === undefined ? {} : { label }),
});
const flow = (label?: unknown, question = '') => ({
  nodes: [{ id: 't', type: 'trigger.friend_request', data: {} }, node(label, question)],
  edges: [{ id: 'e', source: 't', sourceHandle: 'next', target: 'city' }],
});

describe('a card’s label', () => {
  it('is optional: documents without one stay valid', () => {
    expect(flowDocumentSchema.safeParse(flow()).success).toBe(true);
  });

  it('is trimmed, and refused past 40 characters or with control characters', () => {
    expect(flowNodeSchema.parse(node('  问城市 ')).label).toBe('问城市');
    expect(flowNodeSchema.parse(node('x'.repeat(40))).label).toHaveLength(40);
    for (const bad of ['x'.repeat(41), 'two\nlines', 'tab\there', 42]) {
      expect(flowNodeSchema.safeParse(node(bad)).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('names the card in lint messages and goes along in the params', () => {
    const [issue] = validate(flow('问城市')).errors;
    expect(issue?.message).toMatch(/^Ask “问城市” › Question: /);
    expect(issue?.params).toMatchObject({ label: '问城市', node: 'Ask', fieldKey: 'question' });
    const [unnamed] = validate(flow()).errors;
    expect(unnamed?.message).toMatch(/^Ask › Question: /);
    expect(unnamed?.params).not.toHaveProperty('label');
  });

  it('is display only: the compiled machine is the same with or without it', () => {
    const [a, b] = [compile(flow('问城市', '你在哪个城市？')), compile(flow(undefined, '你在哪个城市？'))];
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && a.machine).toEqual(b.ok && b.machine);
  });
});
