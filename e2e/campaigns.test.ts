// A marketer's campaign in Chromium (issue #16): build the audience, see its count and the estimate,
// launch the demo's monthly broadcast, advance the sandbox clock, watch progress, and open the
// intent bucket's contact in the inbox.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProduct, hasChromium, openProduct, type Product, pageApi, signIn } from './support/product.ts';

const SHOTS = 'test-results/e2e';

describe.skipIf(!hasChromium)('campaigns in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ product, browser, page } = await openProduct({ width: 1280, height: 800 }, 'en-US'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const call = <T>(method: string, path: string, body?: unknown) => pageApi<T>(page, method, path, body);
  const count = (testId: string) => async () =>
    Number(
      (await page.locator(`[data-testid=${testId}]`).first().textContent())
        ?.match(/\d[\d,]*/)?.[0]
        ?.replace(/,/g, '') ?? NaN,
    );

  it('builds a segment, estimates, launches, watches progress and opens the intent bucket in the inbox', async () => {
    await signIn(page, product.baseUrl);
    // 300 sandbox contacts with generated histories (a few deleted us, some talked with us lately).
    await call('POST', '/sandbox/contacts/bulk', { count: 300, activity: 'random', seed: 16 });
    const friends = { match: 'all', rules: [{ field: 'contact.friendStatus', op: 'eq', value: 'friend' }] };
    const preview = await call<{ count: number; sample: { id: string; name: string }[] }>(
      'POST',
      '/segments/preview',
      { rules: friends },
    );
    expect(preview.count).toBeGreaterThan(50);

    await page.goto(`${product.baseUrl}/campaigns/new`);
    await page.locator('[data-testid=campaign-flow]', { hasText: 'Monthly broadcast' }).click();
    await page.click('[data-testid=wizard-next]');
    // Audience: rules built here — friends only; the count follows the rules and shows exclusions.
    await page.click('[data-testid=audience-rules]');
    await page.locator('[data-testid=rule-0] select').first().selectOption('contact.friendStatus');
    await expect.poll(count('segment-count'), { timeout: 15_000 }).toBe(preview.count);
    // A second rule, "wrote to us within the last 30 days": the count follows.
    await page.click('[data-testid=add-rule]');
    const recent = await call<{ count: number; sample: { id: string }[] }>('POST', '/segments/preview', {
      rules: {
        ...friends,
        rules: [...friends.rules, { field: 'contact.lastInboundAt', op: 'within', value: 'P30D' }],
      },
    });
    await expect.poll(count('segment-count'), { timeout: 15_000 }).toBe(recent.count);
    const buyer = recent.sample[0]!;
    await expect.poll(count('excluded-recentlyTalked')).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/campaign-audience.png` });
    await page.click('[data-testid=wizard-next]');
    // Sent now rather than at each contact's best hour, so the test's clock needs only a minute.
    await page.click('[data-testid=sendtime-fixed]');
    for (const _ of ['replies', 'review']) await page.click('[data-testid=wizard-next]');
    await page.locator('[data-testid=estimate-row]').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=launch]').isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('[data-testid=launch]').textContent()).toMatch(/finishes/i);
    await page.screenshot({ path: `${SHOTS}/campaign-review.png` });
    await page.click('[data-testid=launch]');
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const campaignId = page.url().split('/').pop()!;

    // The sends are due now on the sandbox clock: a minute on, they go out through the outbox.
    await call('POST', '/sandbox/clock/advance', { by: 'PT1M' });
    await expect.poll(count('count-sent'), { timeout: 30_000 }).toBe(recent.count);
    await page.locator('[data-testid=campaign-sent-of]').waitFor();

    // One contact asks the price: intent, and the flow hands them to a human.
    await call('POST', `/sandbox/contacts/${buyer.id}/messages`, { text: '这个多少钱？' });
    await expect
      .poll(
        async () =>
          (await call<{ counts: { intent: number } }>('GET', `/campaigns/${campaignId}`)).counts.intent,
      )
      .toBe(1);
    // Three days on, everyone else lands in "no reply" and the campaign finishes.
    await call('POST', '/sandbox/clock/advance', { by: 'P4D' });
    await expect
      .poll(async () => (await call<{ status: string }>('GET', `/campaigns/${campaignId}`)).status, {
        timeout: 30_000,
      })
      .toBe('finished');
    await page.reload();
    await expect.poll(count('bucket-intent] [data-testid=bucket-count'), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS}/campaign-report.png` });
    await page.click('[data-testid=bucket-intent]');
    await page.locator('[data-testid=bucket-contact]', { hasText: '多少钱' }).waitFor();
    await page.click('[data-testid=open-in-inbox]');
    await page.waitForURL(/\/inbox/);
    await page.getByText('这个多少钱？').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/campaign-inbox.png` });
  }, 180_000);
});
