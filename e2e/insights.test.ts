// The marketer's morning in Chromium (issue #17): a sandbox contact asked the price and nobody
// answered; a day later the Insights page (the home) says so, its card opens the contacts, and
// "open in inbox" opens that contact's conversation. Screenshots in both languages.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProduct, hasChromium, openProduct, type Product, pageApi, signIn } from './support/product.ts';

const SHOTS = process.env.INSIGHTS_SHOTS ?? 'test-results/e2e';

describe.skipIf(!hasChromium)('insights in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ product, browser, page } = await openProduct({ width: 1280, height: 900 }, 'en-US'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const call = <T>(method: string, path: string, body?: unknown) => pageApi<T>(page, method, path, body);
  const contact = async (name: string) =>
    (await call<{ id: string }>('POST', '/sandbox/contacts', { name })).id;
  const say = (id: string, text: string) => call('POST', `/sandbox/contacts/${id}/messages`, { text });

  it('shows unanswered intent a day later and opens the contact in the inbox', async () => {
    await signIn(page, product.baseUrl);
    // The home is the insights; nothing to do yet.
    await page.goto(product.baseUrl);
    await page.waitForURL(/\/insights$/);
    await page.locator('[data-testid=insights-empty]').waitFor();

    const buyer = await contact('小王');
    await say(buyer, '这个多少钱？');
    // Two others ask what no flow or auto-reply answers: a candidate auto-reply.
    for (const name of ['小李', '小张']) await say(await contact(name), '营业时间？');
    // Not a day yet: the intent is no item.
    await page.reload();
    await page.locator('[data-testid=insight-unanswered_phrase]').waitFor();
    expect(await page.locator('[data-testid=insight-intent_unanswered]').count()).toBe(0);

    await call('POST', '/sandbox/clock/advance', { by: 'PT25H' });
    await page.reload();
    const card = page.locator('[data-testid=insight-intent_unanswered]');
    await card.waitFor();
    expect(await card.locator('[data-testid=insight-count]').textContent()).toMatch(/^1\s*contacts$/);
    expect(await card.locator('[data-testid=insight-text]').textContent()).toMatch(
      /purchase intent and got no human reply in 24 h/,
    );
    await page.locator('[data-testid=quality-accounts] tbody tr').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/insights-en.png`, fullPage: true });

    await card.locator('[data-testid=insight-action]').click();
    await page.waitForURL(/\/insights\/intent_unanswered$/);
    const row = page.locator('[data-testid=insight-contact]', { hasText: '小王' });
    await row.waitFor();
    expect(await page.locator('[data-testid=insight-contact]').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/insights-contacts-en.png` });
    await row.locator('[data-testid=open-in-inbox]').click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await page.getByText('这个多少钱？').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/insights-inbox-en.png` });

    // The same page in Chinese.
    await page.evaluate(() => localStorage.setItem('wefunnel.lang', 'zh-CN'));
    await page.goto(`${product.baseUrl}/insights`);
    await page.getByText('表达了购买意向，24 小时内没有人工回复').first().waitFor();
    await page.locator('[data-testid=quality-accounts] tbody tr').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/insights-zh.png`, fullPage: true });
    await page.goto(`${product.baseUrl}/insights/intent_unanswered`);
    await page.locator('[data-testid=insight-contact]').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/insights-contacts-zh.png` });
  }, 180_000);
});
