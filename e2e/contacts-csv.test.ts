// Contacts CSV in Chromium (issue #17): export the list, then import a file with good and bad rows —
// the preview shows the column mapping, the first rows and each bad row by line; confirming imports the good ones.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProduct, hasChromium, openProduct, type Product, signIn } from './support/product.ts';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/e2e';

describe.skipIf(!hasChromium)('contacts CSV in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ product, browser, page } = await openProduct({ width: 1280, height: 900 }, 'zh-CN'));
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  it('previews an import with its errors by line, then imports the good rows', async () => {
    await signIn(page, product.baseUrl);
    await page.goto(`${product.baseUrl}/contacts`);
    const exportLink = page.locator('a[href^="/api/contacts/export.csv"]');
    await expect.poll(() => exportLink.count()).toBe(1);
    const csv = [
      'weixin,姓名,标签,attr.city,first_added_at',
      'wx_li,李雷,老客;VIP,上海,2024-05-01T10:00:00Z',
      'wx_han,韩梅梅,新客,北京,',
      ',没有微信号,,,',
      'wx_bad,=HYPERLINK("http://x"),,,',
      'wx_date,日期不对,,,昨天',
    ].join('\r\n');
    await page.getByRole('button', { name: '导入 CSV' }).click();
    // A file chosen while the accounts load is previewed once they are there: both ways are right.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page
      .getByText('出错的行')
      .waitFor()
      .catch(async (err) => {
        await page.screenshot({ path: `${SHOTS}/contacts-import-failed.png`, fullPage: true });
        throw err;
      });
    await page.screenshot({ path: `${SHOTS}/contacts-import-preview.png`, fullPage: true });
    await expect.poll(() => page.locator('li', { hasText: '行 4' }).count()).toBe(1);
    await page.getByRole('button', { name: '导入 2 个联系人' }).click();
    await page.getByText('已导入：新建 2').waitFor();
  });
});
