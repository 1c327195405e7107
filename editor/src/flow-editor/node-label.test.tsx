// @vitest-environment happy-dom
// A card's name: typed in the inspector, saved trimmed, and shown on the card instead of its id.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import onboarding from '../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { LangProvider } from '../i18n.ts';
import { toDocument } from './canvas-document.ts';
import { FlowNodeCard } from './FlowNodeCard.tsx';
import { InspectorPanel } from './InspectorPanel.tsx';
import { nodeName } from './node-name.ts';
import { createFlowStore, FlowStoreProvider } from './store.ts';

afterEach(cleanup);

function setup(lang: 'en' | 'zh-CN' = 'en') {
  const store = createFlowStore('f', structuredClone(onboarding));
  store.getState().selectNode('city');
  const card = (id: string) => {
    const node = store.getState().nodes.find((n) => n.id === id)!;
    return (
      <FlowNodeCard
        id={id}
        type={node.type!}
        data={node.data}
        selected={false}
        dragging={false}
        zIndex={0}
        isConnectable={false}
        positionAbsoluteX={0}
        positionAbsoluteY={0}
        selectable
        deletable
        draggable
      />
    );
  };
  const view = render(
    <LangProvider lang={lang} setLang={() => {}}>
      <ReactFlowProvider>
        <FlowStoreProvider store={store}>
          <InspectorPanel />
          {card('city')}
          {card('age')}
        </FlowStoreProvider>
      </ReactFlowProvider>
    </LangProvider>,
  );
  return { store, view };
}

const title = (id: string) =>
  within(screen.getByTestId(`node-${id}`)).getByTestId('node-title').parentElement!;

describe('a card’s name', () => {
  it('is typed above the fields, saved trimmed, and titles the card in place of its id', () => {
    const { store } = setup();
    expect(title('city').textContent).toBe('Askcity');
    const input = within(screen.getByTestId('field-label')).getByRole('textbox') as HTMLInputElement;
    expect(input.placeholder).toBe('Ask');
    fireEvent.change(input, { target: { value: ' City\tof birth ' } });
    expect(store.getState().nodes.find((n) => n.id === 'city')?.label).toBe(' City of birth ');
    expect(toDocument(store.getState().nodes, []).nodes.find((n) => n.id === 'city')?.label).toBe(
      'City of birth',
    );
    expect(title('city').textContent).toBe('City of birthAsk');
    // Its neighbour keeps the type and the id.
    expect(title('age').textContent).toBe('Askage');
  });

  it('is one undo step, and an empty name takes it away', () => {
    const { store } = setup();
    const input = within(screen.getByTestId('field-label')).getByRole('textbox');
    fireEvent.change(input, { target: { value: 'x'.repeat(60) } });
    expect(store.getState().nodes.find((n) => n.id === 'city')?.label).toHaveLength(40);
    fireEvent.change(input, { target: { value: '' } });
    expect(store.getState().nodes.find((n) => n.id === 'city')).not.toHaveProperty('label');
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'city')).not.toHaveProperty('label');
  });

  it('cannot be changed on a version shown read-only', () => {
    const { store } = setup();
    act(() => store.getState().setMode('stats'));
    const input = within(screen.getByTestId('field-label')).getByRole('textbox') as HTMLInputElement;
    expect(input.disabled).toBe(true);
  });

  it('is what people read, in their language when there is none', () => {
    expect(nodeName({ id: 'ask_n4si', type: 'ask', label: ' 问城市 ' }, 'en')).toBe('问城市');
    expect(nodeName({ id: 'ask_n4si', type: 'ask', label: '  ' }, 'zh-CN')).toBe('提问');
    expect(nodeName({ id: 'x', type: 'nope' }, 'en')).toBe('nope');
  });
});
