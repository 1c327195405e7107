// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/document.ts';
import { type Lang, LangProvider } from '../i18n.ts';
import { LintPanel } from './LintPanel.tsx';
import { createFlowStore, FlowStoreProvider } from './store.ts';

afterEach(cleanup);

const FLOW: FlowDocument = {
  nodes: [
    { id: 'start_k2v9', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['hi'] } },
    { id: 'send_7f3a', type: 'send', position: { x: 0, y: 120 }, data: { text: '{{foo.bar}}' } },
    { id: 'goal_fddc', type: 'goal', position: { x: 0, y: 240 }, data: { name: 'lead' } },
  ],
  edges: [{ id: 'edge_a1', source: 'start_k2v9', sourceHandle: 'next', target: 'send_7f3a' }],
};

function renderPanel(lang: Lang) {
  const store = createFlowStore('flow_1', FLOW);
  render(
    <FlowStoreProvider store={store}>
      <LangProvider lang={lang} setLang={() => {}}>
        <LintPanel />
      </LangProvider>
    </FlowStoreProvider>,
  );
  fireEvent.click(screen.getByTestId('lint-summary'));
  return { store, rows: screen.getAllByTestId('lint-issue') };
}

describe('LintPanel', () => {
  it('names cards and fields as the marketer sees them, never by id or path', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { rows } = renderPanel(lang);
      const text = rows.map((row) => row.textContent).join('\n');
      for (const internal of ['send_7f3a', 'goal_fddc', 'start_k2v9', 'data.', 'ports.'])
        expect(text, lang).not.toContain(internal);
      expect(text).toContain(lang === 'en' ? 'Send message › Text' : '发送消息 › 消息内容');
      cleanup();
    }
  });

  it('selects the node of a clicked issue', () => {
    const { store, rows } = renderPanel('en');
    const goalRow = rows.find((row) => row.dataset.node === 'goal_fddc')!;
    expect(goalRow.textContent).toContain('Goal: no trigger leads to this card');
    fireEvent.click(goalRow);
    expect(store.getState().nodes.find((node) => node.selected)?.id).toBe('goal_fddc');
  });
});
