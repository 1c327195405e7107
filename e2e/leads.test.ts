import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas } from './support/canvas.ts';
import { closeProduct, hasChromium, openProduct, type Product, signIn } from './support/product.ts';

const SHOTS = 'test-results/e2e';

describe.skipIf(!hasChromium)('website leads in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ product, browser, page } = await openProduct({ width: 1280, height: 720 }, 'en-US'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const { drop, connect } = canvas(() => page);

  async function fill(node: string, field: string, text: string): Promise<void> {
    await page.locator(`[data-testid="node-${node}"]`).click();
    await page.locator(`[data-testid="field-${field}"]`).locator('textarea, input').first().fill(text);
  }

  const textOf = (selector: string) => () => page.locator(selector).first().textContent();
  const leadRows = (status: string) => page.locator(`[data-testid=lead-row][data-status=${status}]`).count();

  it('publishes a lead flow, pastes three leads, accepts one in the sandbox and counts its run', async () => {
    await signIn(page, product.baseUrl);

    await page.click('[data-testid=flow-create]');
    await page.fill('[data-testid=flow-name]', 'Website leads');
    await page.click('[data-testid=flow-create-confirm]');
    await page.waitForSelector('[data-testid="palette-trigger.lead"]');
    const flowUrl = page.url();

    const trigger = await drop('trigger.lead', 170, 80);
    const thanks = await drop('send', 170, 260);
    const goal = await drop('goal', 170, 440);
    await connect(trigger, 'next', thanks);
    await connect(thanks, 'next', goal);
    await fill(thanks, 'text', '{{contact.name|你好}}，感谢报名{{attributes.course|课程}}！');
    await fill(goal, 'name', 'lead_added');
    await expect
      .poll(() => page.getAttribute('[data-testid=save-status]', 'data-status'), { timeout: 10_000 })
      .toBe('saved');
    await page.click('[data-testid=publish]');
    await page.click('[data-testid=publish-confirm]');
    await page.waitForSelector('[data-testid=publish-done]');

    // No leads yet: the screen says what to do.
    await page.goto(`${product.baseUrl}/leads`);
    await page.locator('[data-testid=nav-leads]').waitFor();
    await page.getByText('No leads yet').waitFor();
    await page.screenshot({ path: `${SHOTS}/leads-empty-en.png` });

    await page.locator('[data-testid=leads-paste-open]').first().click();
    await page.fill(
      '[data-testid=leads-paste-text]',
      'phone,name,course\n138 0013 8001,王女士,瑜伽体验课\n13800138002,李先生,普拉提\n12345,坏号码\n+86 138-0013-8003,张三,',
    );
    // The preview shows what will be created, and the row the server would refuse, before sending.
    await expect.poll(() => page.locator('[data-testid=leads-preview-row]').count()).toBe(4);
    expect(await textOf('[data-testid=leads-paste-counts]')()).toBe(
      'Ready to add: 3 · with problems, not sent: 1',
    );
    expect(await textOf('[data-testid=leads-preview-row] >> nth=2')()).toContain(
      'Phone: Must be a mainland-China mobile number',
    );
    await page.screenshot({ path: `${SHOTS}/leads-preview-en.png` });
    await page.click('[data-testid=leads-paste-send]');
    await expect
      .poll(textOf('[data-testid=leads-paste-summary]'))
      .toBe('Added: 3 · already leads: 0 · errors or not sent: 1');
    await page.screenshot({ path: `${SHOTS}/leads-pasted-en.png` });
    await page.getByRole('button', { name: 'Done' }).click();

    // The sandbox sends the friend requests within a second; the list follows without a reload.
    await expect.poll(() => leadRows('requested'), { timeout: 10_000 }).toBe(3);
    const wang = page.locator('[data-testid=lead-row]', { hasText: '王女士' });
    await wang.locator('[data-testid=lead-accept]').click();
    await expect.poll(textOf('[data-testid=lead-reply]')).toBe('王女士，感谢报名瑜伽体验课！');
    await expect.poll(() => wang.getAttribute('data-status')).toBe('accepted');
    expect(await wang.getByRole('link', { name: 'Open contact' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/leads-en.png` });
    await page.click('[data-testid=lang-switch]');
    await page.getByRole('heading', { name: '网站线索' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/leads-zh-CN.png` });
    await page.getByText('网站对接').click();
    await page.locator('[data-testid=leads-curl]').scrollIntoViewIfNeeded();
    expect(await textOf('[data-testid=leads-curl]')()).toContain(`curl -X POST ${product.baseUrl}/api/leads`);
    await page.screenshot({ path: `${SHOTS}/leads-website-zh-CN.png` });
    await page.click('[data-testid=lang-switch]');

    // The flow's Stats mode counts the accepted lead's run, from the trigger to the goal.
    await page.goto(flowUrl);
    await page.click('[data-testid=mode-stats]');
    await expect.poll(textOf(`[data-testid="node-entered-${trigger}"]`), { timeout: 10_000 }).toBe('1');
    await expect.poll(textOf(`[data-testid="node-entered-${goal}"]`), { timeout: 10_000 }).toBe('1');
    await page.screenshot({ path: `${SHOTS}/leads-stats.png` });
  }, 180_000);
});
