// @vitest-environment happy-dom
// happy-dom lays nothing out, so this checks the cause of squashed toolbar icons: two utilities for one
// property on a button (`px-3` and `px-0`), where Tailwind's stylesheet order, not the class order,
// decides which wins. The e2e suite measures the icons in Chromium.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GLYPHS } from '../flow-editor/icons.tsx';
import { BUTTON_LOOKS, Button, FIELD_LOOKS, IconButton, Input, Segmented, Select } from './ui.tsx';

const PROPERTIES: Record<string, string[]> = {
  size: ['width', 'height'],
  w: ['width'],
  h: ['height'],
  p: ['padding-left', 'padding-right', 'padding-top', 'padding-bottom'],
  px: ['padding-left', 'padding-right'],
  py: ['padding-top', 'padding-bottom'],
};

/** Properties that more than one of the element's size and padding utilities set. */
function contested(element: Element): string[] {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const name of element.classList) {
    const utility = /^(size|w|h|p|px|py)-/.exec(name)?.[1];
    for (const property of utility ? PROPERTIES[utility]! : []) {
      if (seen.has(property)) clashes.push(`${seen.get(property)} / ${name}`);
      seen.set(property, name);
    }
  }
  return clashes;
}

afterEach(cleanup);

describe('buttons', () => {
  it('give an icon button one width, one height and one padding', () => {
    render(<IconButton icon={GLYPHS.undo} title="Undo" />);
    const button = screen.getByRole('button', { name: 'Undo' });
    expect(contested(button)).toEqual([]);
    expect(button.classList.contains('size-8')).toBe(true);
    expect(button.querySelector('svg')?.classList.contains('shrink-0')).toBe(true);
  });

  it('give a button of every variant and size the same', () => {
    for (const variant of BUTTON_LOOKS.variants)
      for (const size of BUTTON_LOOKS.sizes) {
        render(
          <Button icon={GLYPHS.play} variant={variant} size={size}>
            {`${variant} ${size}`}
          </Button>,
        );
        expect(contested(screen.getByRole('button', { name: `${variant} ${size}` }))).toEqual([]);
      }
  });
});

describe('fields', () => {
  it('give an input and a select of every size one padding, beside a width', () => {
    for (const size of FIELD_LOOKS.sizes) {
      render(
        <>
          <Input size={size} aria-label={`input ${size}`} className="w-32" />
          <Select size={size} aria-label={`select ${size}`} className="min-w-0 flex-1">
            <option>one</option>
          </Select>
        </>,
      );
      expect(contested(screen.getByRole('textbox', { name: `input ${size}` }))).toEqual([]);
      expect(contested(screen.getByRole('combobox', { name: `select ${size}` }))).toEqual([]);
    }
  });
});

describe('Segmented', () => {
  const renderModes = (value: 'edit' | 'stats' | null, onChange = vi.fn(), disabled = false) => {
    render(
      <Segmented
        role="radiogroup"
        aria-label="Mode"
        value={value}
        onChange={onChange}
        disabled={disabled}
        options={[
          { value: 'edit', label: 'Edit', icon: GLYPHS.pencil, testId: 'mode-edit' },
          { value: 'stats', label: 'Stats', testId: 'mode-stats' },
        ]}
      />,
    );
    return onChange;
  };

  it('presses the chosen option and tells only of another one chosen', () => {
    const onChange = renderModes('edit');
    expect(screen.getByRole('radiogroup', { name: 'Mode' })).toBeTruthy();
    expect(screen.getByTestId('mode-edit').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('mode-stats').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByTestId('mode-edit'));
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('mode-stats'));
    expect(onChange).toHaveBeenCalledWith('stats');
    for (const option of screen.getAllByRole('button')) expect(contested(option)).toEqual([]);
  });

  it('may have none chosen, and every option disabled', () => {
    const onChange = renderModes(null, vi.fn(), true);
    for (const option of screen.getAllByRole('button')) {
      expect(option.getAttribute('aria-pressed')).toBe('false');
      expect((option as HTMLButtonElement).disabled).toBe(true);
    }
    cleanup();
    renderModes(null, onChange);
    fireEvent.click(screen.getByTestId('mode-edit'));
    expect(onChange).toHaveBeenCalledWith('edit');
  });
});
