// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

// user-event reads `{` as a key name: `{{` types one brace.
const BRACES = '{{{{';

/** The variable list's options (the form's selects have options of their own). */
const options = () => {
  const list = screen.queryByRole('listbox', { name: 'Variables' });
  return list
    ? within(list)
        .queryAllByRole('option')
        .map((option) => option.textContent)
    : [];
};

function setup() {
  const view = renderInspector(nodeOf('send', { text: '' }), {
    others: [nodeOf('set_attribute', { key: 'city', value: '' }, 'where')],
  });
  return { ...view, box: screen.getByLabelText('Text') as HTMLTextAreaElement };
}

describe('template variable autocomplete', () => {
  it('typing {{ lists contact fields and attributes other nodes write', async () => {
    const { user, box } = setup();
    await user.type(box, `Hi ${BRACES}`);
    expect(options()).toContain('{{contact.name}}');
    expect(options()).toContain('{{attributes.city}}');
    expect(options()).toContain('{{coupon.code}}');
  });

  it('Enter inserts the variable and puts the caret after it', async () => {
    const { user, box, lastData } = setup();
    await user.type(box, `Hi ${BRACES}`);
    await user.keyboard('{Enter}');
    expect(lastData().text).toBe('Hi {{contact.name}}');
    expect(box.selectionStart).toBe('Hi {{contact.name}}'.length);
    expect(options()).toEqual([]);
    await user.keyboard('!');
    expect(lastData().text).toBe('Hi {{contact.name}}!');
  });

  it('filters by what follows {{ and arrows pick the next match', async () => {
    const { user, box, lastData } = setup();
    await user.type(box, `${BRACES}ali`);
    expect(options()).toEqual(['{{contact.alias}}']);
    await user.clear(box);
    await user.type(box, `${BRACES}contact`);
    expect(options()).toEqual(['{{contact.name}}', '{{contact.alias}}']);
    await user.keyboard('{ArrowDown}{Tab}');
    expect(lastData().text).toBe('{{contact.alias}}');
  });

  it('Escape closes the list and keeps the text', async () => {
    const { user, box, lastData } = setup();
    await user.type(box, BRACES);
    expect(options().length).toBeGreaterThan(0);
    await user.keyboard('{Escape}');
    expect(options()).toEqual([]);
    expect(lastData().text).toBe('{{');
  });

  it('a click inserts the variable', async () => {
    const { user, box, lastData } = setup();
    await user.type(box, `${BRACES}ci`);
    await user.click(screen.getByRole('option', { name: '{{attributes.city}}' }));
    expect(lastData().text).toBe('{{attributes.city}}');
  });

  it('works in every message of a template list', async () => {
    const { user, lastData } = renderInspector(nodeOf('send', { variants: ['B'] }));
    await user.type(screen.getByLabelText('Variants 1'), ` ${BRACES}na{Enter}`);
    expect(lastData().variants).toEqual(['B {{contact.name}}']);
  });
});
