// Media messages in a real browser on the real server: an image uploaded through the API and a link
// card are sent by a published flow to a sandbox contact talking in the simulator; the transcript
// shows the picture (loaded from /api/media) and the card. Screenshot: test-results/e2e/media-simulator.png.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoColourPng } from './support/png.ts';
import { ADMIN, hasChromium, launchChromium, type Product, signIn, startProduct } from './support/product.ts';

const SHOTS = 'test-results/e2e';
/** A 180×120 picture: green over white. */
const PNG = twoColourPng(180, 120, [16, 185, 129], [236, 253, 245]);

describe.skipIf(!hasChromium)('media messages in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let flowId: string;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    product = await startProduct();
    // The marketer's setup through the API: the image, and a flow that sends it and a link card.
    const login = await fetch(`${product.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const call = async (path: string, body: unknown, type = 'application/json') => {
      const res = await fetch(`${product.baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': type },
        body: type === 'application/json' ? JSON.stringify(body) : new Uint8Array(body as Buffer),
      });
      if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return res.json();
    };
    // Only this flow talks: the first start's demo funnel would take the contact's answer first.
    const flows = (await (await fetch(`${product.baseUrl}/api/flows`, { headers })).json()) as {
      id: string;
    }[];
    for (const demo of flows) await call(`/api/flows/${demo.id}/pause`, undefined);
    const image = await call('/api/media?filename=spring.png', PNG, 'image/png');
    const flow = await call('/api/flows', {
      name: '新品推荐',
      graph: {
        nodes: [
          { id: 'hi', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
          { id: 'kw', type: 'trigger.keyword', position: { x: 320, y: 0 }, data: { keywords: ['新品'] } },
          {
            id: 'photo',
            type: 'send',
            position: { x: 320, y: 160 },
            data: { text: '这是春季新品', media: { kind: 'image', mediaId: image.id } },
          },
          {
            id: 'card',
            type: 'send',
            position: { x: 320, y: 340 },
            data: {
              text: '详情和购买链接',
              media: {
                kind: 'link',
                url: 'https://example.com/spring',
                title: '春季新品 8 折',
                description: '限时三天',
              },
            },
          },
        ],
        edges: [
          { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'photo' },
          { id: 'e2', source: 'photo', sourceHandle: 'next', target: 'card' },
        ],
      },
    });
    flowId = flow.id;
    await call(`/api/flows/${flowId}/publish`, undefined);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows the image and the link card the flow sent, in the simulator', async () => {
    await signIn(page, product.baseUrl);
    await page.goto(`${product.baseUrl}/flows/${flowId}`);
    await page.click('[data-testid=sim-open]');
    await page.fill('[data-testid=sim-contact-name]', '小美');
    await page.click('[data-testid=sim-create]');
    await page.click('[data-testid=sim-friend-request]');
    await expect
      .poll(() => page.locator('[data-testid=sim-contact-select] option:checked').textContent())
      .toMatch(/好友/);
    await page.fill('[data-testid=sim-input]', '有新品吗');
    await page.click('[data-testid=sim-send]');
    const picture = page.locator('[data-testid=media-image] img, img[data-testid=media-image]').first();
    await picture.waitFor().catch(async (err) => {
      await page.screenshot({ path: `${SHOTS}/media-simulator-failed.png` });
      throw err;
    });
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(180);
    await page.locator('[data-testid=media-link]', { hasText: '春季新品 8 折' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/media-simulator.png` });
  });
});
