import { describe, expect, it } from 'vitest';
import { filterVariables, insertVariable, openPlaceholder } from './template-suggest.ts';

describe('template suggestions', () => {
  it('finds the placeholder the caret is typing', () => {
    expect(openPlaceholder('Hi {{con', 8)).toEqual({ start: 3, query: 'con' });
    expect(openPlaceholder('Hi {{contact.name}} ', 20)).toBeNull();
    expect(openPlaceholder('{{contact.name|fr', 17)).toBeNull();
    expect(openPlaceholder('{{a\nb', 5)).toBeNull();
  });

  it('filters case-insensitively anywhere in the name', () => {
    expect(filterVariables(['contact.name', 'contact.alias', 'attributes.city'], 'A')).toEqual([
      'contact.name',
      'contact.alias',
      'attributes.city',
    ]);
    expect(filterVariables(['contact.name', 'attributes.city'], 'city')).toEqual(['attributes.city']);
  });

  it('completes a new placeholder with its closing braces', () => {
    expect(insertVariable('Hi {{co!', 7, { start: 3, query: 'co' }, 'contact.name')).toEqual({
      text: 'Hi {{contact.name}}!',
      caret: 19,
    });
  });

  it('replaces the rest of an existing name and keeps its braces or fallback', () => {
    expect(insertVariable('{{contact.na}} x', 5, { start: 0, query: 'con' }, 'contact.alias')).toEqual({
      text: '{{contact.alias}} x',
      caret: 17,
    });
    expect(insertVariable('{{co|朋友}}', 4, { start: 0, query: 'co' }, 'contact.name')).toEqual({
      text: '{{contact.name|朋友}}',
      caret: 14,
    });
  });
});
