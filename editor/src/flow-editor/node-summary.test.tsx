// @vitest-environment happy-dom
// Every node type's card is drawn from its declared summary by one renderer: a type needs no editor
// file, and what the cards say matches the data in both languages.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_TYPES, nodeRegistry } from '../../../shared/nodes/index.ts';
import { type Lang, LangProvider } from '../i18n.ts';
import { NodeSummary } from './node-summary.tsx';

afterEach(cleanup);

function summary(type: string, data: Record<string, unknown>, lang: Lang = 'en'): string[] {
  const { container } = render(
    <LangProvider lang={lang} setLang={() => {}}>
      <NodeSummary definition={nodeRegistry.get(type)!} data={data} lang={lang} />
    </LangProvider>,
  );
  const root = container.firstElementChild!;
  return [...root.children].map((child) => child.textContent ?? '');
}

describe('node summaries', () => {
  it.each(
    NODE_TYPES.flatMap((definition) =>
      (['en', 'zh-CN'] as const).map((lang) => [definition.type, lang] as const),
    ),
  )('%s (%s) is drawn from its declaration, every placeholder filled', (type, lang) => {
    const definition = nodeRegistry.get(type)!;
    const lines = summary(type, structuredClone(definition.initial) as Record<string, unknown>, lang);
    expect(lines.join('\n')).not.toMatch(/\{[\w.|]+\}/);
  });

  it('says what the data says, with schema defaults for absent fields', () => {
    expect(summary('trigger.keyword', { keywords: ['hi', 'yo'] })).toEqual([
      'hiyo',
      'Contains · Private chat',
    ]);
    expect(summary('trigger.friend_request', { autoAccept: false, helloKeywords: ['优惠'] })).toEqual([
      'Operator accepts on the phone',
      'Hello contains',
      '优惠',
    ]);
    expect(summary('send', { text: 'A', variants: ['B', 'C'] })).toEqual(['A', '+2 variants']);
    expect(
      summary('ask', { question: 'Plan?', saveAs: 'plan', expect: 'choice', choices: ['Basic'] }),
    ).toEqual(['Plan?', 'ChoiceBasic→ plan']);
    expect(
      summary('wait', { duration: 'P3D', window: { from: '09:00', to: '12:00' }, bestTime: true }),
    ).toEqual(['Wait 3 d', 'Only 09:00–12:00', 'At the best time']);
    expect(summary('wait_reply', { timeout: 'P1DT2H' }, 'zh-CN')).toEqual(['最多等待 1 天 2 小时']);
    const rules = [1, 2, 3, 4].map((value) => ({ field: 'attributes.age', op: 'gte', value }));
    expect(summary('condition', { match: 'any', rules })).toEqual([
      'Any rule matches',
      'attributes.ageat least1',
      'attributes.ageat least2',
      'attributes.ageat least3',
      '1 more rules',
    ]);
    const branches = [
      { name: 'a', weight: 3 },
      { name: 'b', weight: 1 },
    ];
    expect(summary('split', { branches })).toEqual(['a75%', 'b25%']);
    expect(summary('goal', { name: '' })).toEqual(['Conversion: Not set']);
    expect(summary('tag', { add: ['vip'], remove: ['old'] })).toEqual(['+ vip', '− old']);
    expect(summary('set_attribute', { key: '', value: 'x' })).toEqual(['?=x']);
    expect(summary('coupon', { pool: 'welcome', text: '' }, 'zh-CN')).toEqual(['券池welcome', '未填写']);
  });
});
