// @vitest-environment happy-dom
// happy-dom lays nothing out, so this checks the cause of squashed toolbar icons: two utilities for one
// property on a button (`px-3` and `px-0`), where Tailwind's stylesheet order, not the class order,
// decides which wins. The e2e suite measures the icons in Chromium.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GLYPHS } from '../flow-editor/icons.tsx';
import { Button, IconButton } from './ui.tsx';

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
    for (const variant of ['primary', 'secondary', 'danger', 'ghost', 'active'] as const)
      for (const size of ['normal', 'small', 'icon'] as const) {
        render(
          <Button icon={GLYPHS.play} variant={variant} size={size}>
            {`${variant} ${size}`}
          </Button>,
        );
        expect(contested(screen.getByRole('button', { name: `${variant} ${size}` }))).toEqual([]);
      }
  });
});
