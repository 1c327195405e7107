import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../../shared/flow/document.ts';
import { availableVariables, conditionFields, writtenAttributes } from './variables.ts';

const doc: FlowDocument = {
  nodes: [
    { id: 'q', type: 'ask', data: { question: '', saveAs: 'city' } },
    { id: 's', type: 'set_attribute', data: { key: 'age', value: '' } },
    { id: 't', type: 'set_attribute', data: { key: 'Bad Key', value: '' } },
    { id: 'x', type: 'no_such_type', data: {} },
  ],
  edges: [],
};

describe('flow variables', () => {
  it('collects the attributes nodes write, even while their data is being edited', () => {
    expect(writtenAttributes(doc)).toEqual(['age', 'city']);
  });

  it('offers contact fields, written attributes and provided variables to templates', () => {
    expect(availableVariables(doc)).toEqual([
      'contact.name',
      'contact.alias',
      'attributes.age',
      'attributes.city',
      'reply.text',
      'coupon.code',
      'coupon.pool',
    ]);
  });

  it('offers conditions what a rule may read', () => {
    expect(conditionFields(doc)).toEqual([
      'contact.name',
      'contact.alias',
      'attributes.age',
      'attributes.city',
      'tags',
      'reply.text',
    ]);
  });
});
