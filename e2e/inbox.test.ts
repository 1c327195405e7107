import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  closeProduct,
  hasChromium,
  openProduct,
  type Product,
  pageApi,
  signIn,
} from './support/product.ts';

const SHOTS = 'test-results/e2e';
const OPENING_HOURS = '每天 9:00–21:00 营业';
const HELLO = {
  nodes: [
    { id: 'friend', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
    { id: 'hi', type: 'send', position: { x: 0, y: 160 }, data: { text: '你好，有问题随时问我～' } },
  ],
  edges: [{ id: 'e1', source: 'friend', sourceHandle: 'next', target: 'hi' }],
};

describe.skipIf(!hasChromium)('the inbox in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ product, browser, page } = await openProduct({ width: 1440, height: 900 }, 'en-US'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const call = <T>(method: string, path: string, body?: unknown) => pageApi<T>(page, method, path, body);
  const textOf = (selector: string) => () => page.locator(selector).first().textContent();

  it('brings an unanswered question live to the inbox, answers it with a saved reply, and hands the contact back to the bot', async () => {
    await signIn(page, product.baseUrl);
    // The owner takes conversations too; the workspace answers opening hours by itself; a saved reply.
    const members = await call<{ id: string; email: string }[]>('GET', '/members');
    const owner = members.find((m) => m.email === ADMIN.email)!;
    await call('PATCH', `/members/${owner.id}`, { agent: true });
    await call('PATCH', '/workspace', {
      fallback: {
        autoReplies: [{ keywords: ['营业时间'], reply: OPENING_HOURS }],
        handoff: true,
        handoffReply: '',
      },
    });
    await call('POST', '/saved-replies', {
      shortcut: 'refund',
      text: '{{contact.name}}您好，退款会在 3 个工作日内原路退回。',
    });
    // Only the fallback should take the question: the demo onboarding would ask its own first.
    const flows = await call<{ id: string; name: string }[]>('GET', '/flows');
    for (const flow of flows.filter((f) => f.name.includes('Onboarding')))
      await call('POST', `/flows/${flow.id}/archive`, {});
    // A friend request is still accepted with a hello, by a flow that asks nothing.
    const hello = await call<{ id: string }>('POST', '/flows', { name: 'Hello', graph: HELLO });
    await call('POST', `/flows/${hello.id}/publish`, {});

    await page.goto(`${product.baseUrl}/inbox`);
    await page.click('[data-testid=inbox-tab-unassigned]');
    const contact = await call<{ id: string }>('POST', '/sandbox/contacts', { name: '小林' });
    await call('POST', `/sandbox/contacts/${contact.id}/friend-request`, { hello: '你好' });
    await call('POST', `/sandbox/contacts/${contact.id}/messages`, { text: '我想退款，怎么办？' });

    // It arrives without a reload, unassigned, with the badge counting it.
    const item = page.locator('[data-testid=inbox-item]', { hasText: '小林' });
    await item.waitFor({ timeout: 15_000 });
    await expect.poll(textOf('[data-testid=inbox-badge]')).toBe('1');
    await page.screenshot({ path: `${SHOTS}/inbox-list.png` });

    await item.click();
    await page.locator('[data-testid=conv-message]', { hasText: '我想退款' }).waitFor();
    const input = page.locator('[data-testid=reply-input]');
    await input.fill('/refund');
    await page.locator('[data-testid=saved-reply-option]').first().waitFor();
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toContain('小林您好，退款会在');
    await input.press('Enter');
    const reply = page.locator('[data-testid=conv-message][data-author=agent]', { hasText: '退款会在' });
    await reply.waitFor();
    // In the order they happened: the friend request's flow, then the question that opened the conversation.
    expect(await page.locator('[data-testid=conv-event]').allTextContents()).toEqual([
      expect.stringContaining('Friend request'),
      expect.stringContaining('Send message'),
      expect.stringContaining('no flow took the message'),
    ]);
    await expect
      .poll(() => reply.locator('[data-testid=conv-delivery]').getAttribute('data-delivery'), {
        timeout: 15_000,
      })
      .toBe('sent');
    const conversationUrl = page.url();
    await page.screenshot({ path: `${SHOTS}/inbox-conversation.png` });

    // The contact sees the agent's words in the simulator.
    await page.goto(`${product.baseUrl}/flows/${hello.id}`);
    await page.click('[data-testid=sim-open]');
    await page.selectOption('[data-testid=sim-contact-select]', contact.id);
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '退款会在 3 个工作日内' }).waitFor();

    // Closing gives the contact back to the bot: the next keyword is answered by it again.
    await page.goto(conversationUrl);
    await page.click('[data-testid=conv-close]');
    await expect.poll(() => page.getAttribute('[data-testid=conv-status]', 'data-status')).toBe('closed');
    const answered = await call<{ replies: { text: string }[] }>(
      'POST',
      `/sandbox/contacts/${contact.id}/messages`,
      { text: '营业时间是几点？' },
    );
    expect(answered.replies.map((r) => r.text)).toEqual([OPENING_HOURS]);
    await expect.poll(() => page.locator('[data-testid=inbox-badge]').count()).toBe(0);

    await page.goto(`${product.baseUrl}/kpis`);
    await page.locator('[data-testid=kpi-card]').first().waitFor();
    await expect.poll(textOf('[data-testid=kpi-card][data-kpi=handled]')).toContain('1');
    await page.locator('[data-testid=kpi-chart] .recharts-surface').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/inbox-kpis.png` });
  }, 120_000);
});
