// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formFields } from '../../../../shared/flow/node-definition.ts';
import { NODE_TYPES } from '../../../../shared/nodes/index.ts';
import { Inspector } from './Inspector.tsx';
import { nodeOf, renderInspector } from './test-harness.tsx';

describe('Inspector', () => {
  it.each(NODE_TYPES.map((definition) => [definition.type, definition] as const))(
    'renders the form of %s from its initial data',
    (type, definition) => {
      renderInspector(nodeOf(type));
      expect(screen.getByRole('heading', { name: definition.label.en })).toBeTruthy();
      expect(screen.getByText(definition.description.en)).toBeTruthy();
      const visible = formFields(definition).filter((field) => !field.visibleWhen);
      for (const field of visible) expect(screen.getByTestId(`field-${field.key}`)).toBeTruthy();
    },
  );

  it('shows the node id in the header', () => {
    renderInspector(nodeOf('send', {}, 'hello'));
    expect(screen.getByText('hello', { selector: 'code' })).toBeTruthy();
  });

  it('asks to select a node when none is selected', () => {
    render(<Inspector node={null} document={{ nodes: [], edges: [] }} issues={[]} onChange={() => {}} />);
    expect(screen.getByText('Select a node to edit its settings.')).toBeTruthy();
  });

  it('edits the ask question and hands the whole data to onChange', async () => {
    const { user, lastData } = renderInspector(nodeOf('ask'));
    const question = screen.getByLabelText('Question');
    await user.clear(question);
    await user.type(question, 'Which city?');
    expect(lastData()).toEqual({ question: 'Which city?', saveAs: 'city' });
  });

  it('shows the choices only while the ask expects a choice', async () => {
    const { user } = renderInspector(nodeOf('ask'));
    expect(screen.queryByTestId('field-choices')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Expected answer'), 'choice');
    expect(screen.getByTestId('field-choices')).toBeTruthy();
    expect(screen.queryByTestId('field-pattern')).toBeNull();
  });

  it('shows schema defaults for absent fields', () => {
    renderInspector(nodeOf('ask'));
    expect((screen.getByLabelText('Retries') as HTMLInputElement).value).toBe('2');
    expect((screen.getByLabelText('Expected answer') as HTMLSelectElement).value).toBe('text');
  });

  it('shows live schema errors and lint issues under their field', () => {
    renderInspector(nodeOf('ask', { question: '', saveAs: 'City' }), {
      issues: [
        {
          code: 'unset_attribute',
          message: 'English for logs',
          params: { node: 'Ask', nodeType: 'ask', fieldKey: 'retryText', attribute: 'x' },
          nodeId: 'ask',
          path: 'data.retryText',
        },
        { code: 'unreachable', message: 'English', params: { node: 'Ask', nodeType: 'ask' }, nodeId: 'ask' },
        {
          code: 'unreachable',
          message: 'English',
          params: { node: 'Ask', nodeType: 'ask' },
          nodeId: 'other',
        },
      ],
    });
    expect(within(screen.getByTestId('field-question')).getByText('Required')).toBeTruthy();
    expect(within(screen.getByTestId('field-saveAs')).getByText(/Lowercase letters/)).toBeTruthy();
    // Lint issues said from their code and params, without the card and field the form shows.
    expect(
      within(screen.getByTestId('field-retryText')).getByText(
        'No card of this flow sets the attribute `x`: it is empty unless set elsewhere',
      ),
    ).toBeTruthy();
    // Once: the other node's issue is not this node's.
    expect(screen.getByText('No trigger leads to this card')).toBeTruthy();
  });

  it('renders labels in both languages', () => {
    renderInspector(nodeOf('ask'), { lang: 'zh-CN' });
    expect(screen.getByLabelText('问题')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '提问' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '任意文字' })).toBeTruthy();
  });

  it('disables every control when read-only', () => {
    for (const type of ['send', 'ask', 'condition', 'split', 'wait']) {
      const { unmount } = renderInspector(nodeOf(type, type === 'send' ? { variants: ['B'] } : {}), {
        readOnly: true,
      });
      const controls = document.querySelectorAll('input, textarea, select, button');
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect((control as HTMLInputElement).disabled).toBe(true);
      unmount();
    }
  });
});
