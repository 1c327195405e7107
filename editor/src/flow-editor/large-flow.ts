// Large flows (hundreds of nodes) open at a readable zoom on their trigger and render only the
// nodes in view (React Flow's virtualization): fitting 500 cards into one screen makes them
// unreadable and makes every frame draw all of them.
import type { Viewport } from '@xyflow/react';

export const LARGE_FLOW = 150;

export function startViewport(nodes: { type?: string; position: { x: number; y: number } }[]): Viewport {
  const start = nodes.find((n) => n.type?.startsWith('trigger.')) ?? nodes[0];
  const zoom = 0.85;
  return { x: 240 - (start?.position.x ?? 0) * zoom, y: 80 - (start?.position.y ?? 0) * zoom, zoom };
}
