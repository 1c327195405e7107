// Gestures on the flow canvas every browser spec uses: the node ids on the canvas, dropping a
// palette item at a point of the pane, and wiring a port to another card's input.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export function canvas(page: () => Page) {
  const nodeIds = () =>
    page().$$eval('.react-flow__node', (nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));

  /** Drags a palette item onto the canvas at (x, y) of the pane; returns the new node's id. */
  async function drop(type: string, x: number, y: number): Promise<string> {
    const before = await nodeIds();
    await page().dragAndDrop(`[data-testid="palette-${type}"]`, '.react-flow__pane', {
      targetPosition: { x, y },
    });
    await expect.poll(async () => (await nodeIds()).length).toBe(before.length + 1);
    return (await nodeIds()).find((id) => !before.includes(id))!;
  }

  /** Drags from a node's port handle to another node's input handle. */
  async function connect(source: string, port: string, target: string): Promise<void> {
    const from = page().locator(
      `.react-flow__node[data-id="${source}"] .react-flow__handle.source[data-handleid="${port}"]`,
    );
    const to = page().locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`);
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    const edges = await page().locator('.react-flow__edge').count();
    await page().mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page().mouse.down();
    await page().mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page().mouse.up();
    await expect.poll(() => page().locator('.react-flow__edge').count()).toBe(edges + 1);
  }

  return { nodeIds, drop, connect };
}
