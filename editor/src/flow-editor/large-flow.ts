// Large flows (hundreds of nodes) open at a readable zoom on their trigger and render only the
// nodes in view (React Flow's virtualization): fitting 500 cards into one screen makes them
// unreadable and makes every frame draw all of them. A smaller flow is fitted to the screen, unless
// fitting it would shrink the cards below READABLE_ZOOM: then it too opens on its trigger.
import type { Viewport } from '@xyflow/react';
import { NODE_WIDTH } from './layout.ts';

export const LARGE_FLOW = 150;
/** Below this zoom a card's text is too small to read (about 7 px). */
export const READABLE_ZOOM = 0.55;

/** The trigger (or first node) near the top, centred across `width` when the canvas width is known. */
export function startViewport(
  nodes: { type?: string; position: { x: number; y: number } }[],
  width?: number,
): Viewport {
  const start = nodes.find((n) => n.type?.startsWith('trigger.')) ?? nodes[0];
  const zoom = 0.85;
  const left = width ? width / 2 - (NODE_WIDTH * zoom) / 2 : 240;
  return { x: left - (start?.position.x ?? 0) * zoom, y: 80 - (start?.position.y ?? 0) * zoom, zoom };
}
