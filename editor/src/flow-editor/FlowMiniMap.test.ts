import { describe, expect, it } from 'vitest';
import { CATEGORY_STYLES, UNKNOWN_STYLE } from './categories.ts';
import { minimapShapes } from './FlowMiniMap.tsx';
import { FALLBACK_HEIGHT, NODE_WIDTH } from './layout.ts';

describe('minimapShapes', () => {
  it('draws one path per category colour and bounds every node, measured or not', () => {
    const { paths, bounds } = minimapShapes([
      { id: 'hi', type: 'send', position: { x: 0, y: 0 }, data: {}, measured: { width: 200, height: 80 } },
      { id: 'bye', type: 'send', position: { x: 300, y: 100 }, data: {} },
      { id: 'odd', type: 'no.such.type', position: { x: -50, y: 400 }, data: {} },
    ]);
    expect(paths).toEqual([
      {
        color: CATEGORY_STYLES.message.color,
        d: `M0,0h200v80h-200zM300,100h${NODE_WIDTH}v${FALLBACK_HEIGHT}h-${NODE_WIDTH}z`,
      },
      { color: UNKNOWN_STYLE.color, d: `M-50,400h${NODE_WIDTH}v${FALLBACK_HEIGHT}h-${NODE_WIDTH}z` },
    ]);
    expect(bounds).toEqual({ x: -50, y: 0, width: 300 + NODE_WIDTH + 50, height: 400 + FALLBACK_HEIGHT });
  });

  it('has no bounds for an empty flow', () => {
    expect(minimapShapes([])).toEqual({ paths: [], bounds: null });
  });
});
