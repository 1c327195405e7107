// An A/B split with a winner in Chromium (issue #17): sandbox contacts go through a two-branch split
// where only branch `a` leads to the goal; Stats → Experiments shows the winner badge, a row focuses
// the split on the canvas, and "make the winner the default" changes the draft (weights 100 / 0).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProduct, hasChromium, openProduct, type Product, pageApi, signIn } from './support/product.ts';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/e2e';
const CONTACTS = 260;

const card = (id: string, type: string, data: object, x: number, y: number) => ({
  id,
  type,
  position: { x, y },
  data,
});
const graph = {
  nodes: [
    card('hello', 'trigger.friend_request', {}, 200, 0),
    card(
      'ab',
      'split',
      {
        branches: [
          { name: 'a', weight: 50 },
          { name: 'b', weight: 50 },
        ],
      },
      200,
      150,
    ),
    card('send_a', 'send', { text: '新人礼包在这里' }, 0, 320),
    card('send_b', 'send', { text: '欢迎！' }, 400, 320),
    card('bought', 'goal', { name: 'bought' }, 0, 480),
  ],
  edges: [
    { id: 'e1', source: 'hello', sourceHandle: 'next', target: 'ab' },
    { id: 'e2', source: 'ab', sourceHandle: 'a', target: 'send_a' },
    { id: 'e3', source: 'ab', sourceHandle: 'b', target: 'send_b' },
    { id: 'e4', source: 'send_a', sourceHandle: 'next', target: 'bought' },
  ],
};

describe.skipIf(!hasChromium)('experiments in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ product, browser, page } = await openProduct({ width: 1280, height: 900 }, 'en-US'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const call = <T>(method: string, path: string, body?: unknown) => pageApi<T>(page, method, path, body);

  it('shows the winning branch and makes it the default in the draft', async () => {
    await signIn(page, product.baseUrl);
    const flow = await call<{ id: string }>('POST', '/flows', { name: 'A/B 新人礼包', graph });
    await call('POST', `/flows/${flow.id}/publish`);
    // Sandbox contacts ask to be friends, 8 at a time: the split sends each down a or b.
    await page.evaluate(
      async ({ count }) => {
        const { csrfToken } = await (await fetch('/api/me')).json();
        const post = async (path: string, body: object) => {
          const res = await fetch(`/api${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify(body),
          });
          if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
          return res.json();
        };
        let next = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            while (next < count) {
              const i = next++;
              const contact = await post('/sandbox/contacts', { name: `访客${i}` });
              await post(`/sandbox/contacts/${contact.id}/friend-request`, { hello: '你好' });
            }
          }),
        );
      },
      { count: CONTACTS },
    );

    await page.goto(`${product.baseUrl}/flows/${flow.id}`);
    await page.click('[data-testid=mode-stats]');
    await page.click('[data-testid=funnel-tab-experiments]');
    const badge = page.locator('[data-testid=experiment-ab] [data-testid=winner-badge]');
    await badge.waitFor({ timeout: 20_000 });
    expect(await badge.textContent()).toBe('Winner: a');
    const row = (key: string) => page.locator(`[data-testid=arm-ab-${key}]`);
    const contacts = async (key: string) =>
      Number((await row(key).locator('td').nth(1).textContent())?.replace(/,/g, ''));
    expect((await contacts('a')) + (await contacts('b'))).toBe(CONTACTS);
    expect(await row('a').textContent()).toContain('100.0%');
    expect(await row('b').textContent()).toContain('0.0%');
    await page.screenshot({ path: `${SHOTS}/experiments-winner.png` });

    // A row focuses the split on the canvas.
    await row('b').click();
    await page.locator('.react-flow__node[data-id=ab].selected').waitFor();

    await page.click('[data-testid=make-default]');
    await page
      .locator('[data-testid=experiment-ab] [role=status]', { hasText: 'is now the default' })
      .waitFor();
    await expect
      .poll(() => page.getAttribute('[data-testid=save-status]', 'data-status'), { timeout: 10_000 })
      .toBe('saved');
    await page.screenshot({ path: `${SHOTS}/experiments-made-default.png` });
    const saved = await call<{ graph: typeof graph }>('GET', `/flows/${flow.id}`);
    const split = saved.graph.nodes.find((n) => n.id === 'ab')!.data as { branches: { weight: number }[] };
    expect(split.branches.map((b) => b.weight)).toEqual([100, 0]);
    // The published version is untouched: its experiment still counts both branches.
    const version = await call<{ graph: typeof graph }>('GET', `/flows/${flow.id}/versions/1`);
    const published = version.graph.nodes.find((n) => n.id === 'ab')!.data as {
      branches: { weight: number }[];
    };
    expect(published.branches.map((b) => b.weight)).toEqual([50, 50]);

    // Leaving stats mode shows the draft with the new weights on the card.
    await page.click('[data-testid=mode-edit]');
    await page.screenshot({ path: `${SHOTS}/experiments-draft.png` });
  }, 120_000);
});
