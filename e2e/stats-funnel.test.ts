// Stats that read like a funnel in Chromium (issue #17): name a card of the demo funnel, publish,
// run a few sandbox contacts through it, open Stats, pick 7 days, see the funnel chart along the path
// most took and a card's daily trend, in Chinese and in English.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProduct, hasChromium, openProduct, type Product, pageApi, signIn } from './support/product.ts';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/e2e';

describe.skipIf(!hasChromium)('stats funnel in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ product, browser, page } = await openProduct({ width: 1440, height: 900 }, 'zh-CN'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const call = <T>(method: string, path: string, body?: unknown) => pageApi<T>(page, method, path, body);
  const text = (selector: string) => () => page.locator(selector).first().textContent();

  /** A sandbox contact who adds the bot and answers the demo funnel's questions, as many as given. */
  async function contact(name: string, answers: string[]): Promise<void> {
    const { id } = await call<{ id: string }>('POST', '/sandbox/contacts', { name });
    await call('POST', `/sandbox/contacts/${id}/friend-request`, { hello: '你好' });
    for (const answer of answers) await call('POST', `/sandbox/contacts/${id}/messages`, { text: answer });
  }

  /** Stats mode on: the last 7 days' funnel, and the city card's days. */
  async function showFunnel(): Promise<void> {
    await page.click('[data-testid=funnel-range-7]');
    await page.waitForSelector('[data-testid=funnel-chart] .recharts-bar-rectangle', { timeout: 15_000 });
    await page.locator('[data-testid="node-city"]').click();
    await page.waitForSelector('[data-testid=node-trend] .recharts-bar-rectangle', { timeout: 15_000 });
  }

  it('names a card, counts contacts through the funnel, and charts the funnel and a card’s days', async () => {
    await signIn(page, product.baseUrl);
    const flows = await call<{ id: string; name: string }[]>('GET', '/flows');
    const demo = flows.find((flow) => flow.name.includes('Onboarding'))!;
    await page.goto(`${product.baseUrl}/flows/${demo.id}`);

    // The card's name, typed in the inspector, replaces its id on the card; publishing keeps it.
    await page.locator('[data-testid="node-city"]').click();
    await page.locator('[data-testid=field-label] input').fill('问城市');
    await expect.poll(text('[data-testid="node-city"] [data-testid=node-title]')).toBe('问城市');
    await expect
      .poll(() => page.getAttribute('[data-testid=save-status]', 'data-status'), { timeout: 10_000 })
      .toBe('saved');
    await page.click('[data-testid=publish]');
    await page.click('[data-testid=publish-confirm]');
    await page.waitForSelector('[data-testid=publish-done]');
    await page.keyboard.press('Escape');

    // Four contacts: two answer everything, one stops after the city, one never answers.
    await contact('小美', ['上海', '25', '13800138000']);
    await contact('小刚', ['北京', '30', '13900139000']);
    await contact('小红', ['广州']);
    await contact('小明', []);

    await page.click('[data-testid=mode-stats]');
    await expect.poll(text('[data-testid="node-entered-start"]'), { timeout: 15_000 }).toBe('4');
    await expect.poll(text('[data-testid="node-entered-age"]'), { timeout: 15_000 }).toBe('3');
    // The edge out of the city question: 3 of 4 took it, a quarter dropped off.
    await expect.poll(text('[data-testid="edge-drop-e3"]'), { timeout: 15_000 }).toMatch(/25%/);
    expect(await text('[data-testid="node-city"] [data-testid=node-title]')()).toBe('问城市');

    await showFunnel();
    const steps = page.locator('[data-testid=funnel-step]');
    await expect.poll(() => steps.nth(2).textContent(), { timeout: 15_000 }).toMatch(/问城市.*4.*100%/);
    await expect.poll(() => steps.nth(3).textContent(), { timeout: 15_000 }).toMatch(/3.*75%/);
    expect(await text('[data-testid=node-trend] h3')()).toContain('问城市');
    await page.screenshot({ path: `${SHOTS}/stats-funnel-zh.png` });

    await page.evaluate(() => localStorage.setItem('wefunnel.lang', 'en'));
    await page.reload();
    await page.click('[data-testid=mode-stats]');
    await showFunnel();
    expect(await text('[data-testid=funnel-tab-funnel]')()).toBe('Funnel');
    expect(await text('[data-testid=node-trend] h3')()).toBe('Daily trend of “问城市”');
    await page.screenshot({ path: `${SHOTS}/stats-funnel-en.png` });

    // Compared with the first version (before the name, nobody counted): both sides per card.
    await page.locator('[data-testid=funnel-compare]').selectOption('1');
    await expect.poll(text('[data-testid=funnel-table]'), { timeout: 15_000 }).toContain('v1 entered');
    await page.screenshot({ path: `${SHOTS}/stats-funnel-compare.png` });

    // Folded, the panel gives the canvas back: cards keep their title and a line of content over the counts.
    await page.click('[data-testid=funnel-fold]');
    await expect.poll(() => page.locator('[data-testid=funnel-chart]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/stats-canvas-en.png` });
  }, 240_000);
});
