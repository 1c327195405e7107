import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvas } from './support/canvas.ts';
import { closeProduct, hasChromium, openProduct, type Product, pageApi, signIn } from './support/product.ts';

const SHOTS = 'test-results/e2e';
/** The demo's room set (server/demo/seed.ts): two sandbox groups of 3 seats, and a welcome flow. */
const DEMO_SET = '新人群';
const WELCOME = /欢迎 .+ 加入！/;

describe.skipIf(!hasChromium)('groups in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ product, browser, page } = await openProduct({ width: 1440, height: 900 }, 'en-US'));
  }, 120_000);
  afterAll(() => closeProduct({ product, browser }));

  const { drop, connect } = canvas(() => page);

  async function fill(node: string, field: string, text: string): Promise<void> {
    await page.locator(`[data-testid="node-${node}"]`).click();
    await page.locator(`[data-testid="field-${field}"]`).locator('textarea, input').first().fill(text);
  }

  const call = <T>(method: string, path: string, body?: unknown) => pageApi<T>(page, method, path, body);

  const textOf = (selector: string) => () => page.locator(selector).first().textContent();
  const lines = (from: 'bot' | 'contact') =>
    page.locator(`[data-testid=sim-room-message][data-from=${from}]`).allTextContents();
  const selectedRoom = textOf('[data-testid=sim-room-select] option:checked');

  it('invites a contact from a flow into a group, runs it in the group tab and counts it on the Groups screen', async () => {
    await signIn(page, product.baseUrl);

    // The demo onboarding also starts on friend requests: archive it so only ours answers. The
    // demo's group welcome stays: it greets whoever joins a group of the set.
    const demo = page.locator('[data-testid=flow-row]', { hasText: 'Onboarding' });
    await demo.getByRole('button', { name: 'Archive' }).click();
    await demo.locator('[data-testid=flow-archive-confirm]').click();
    await expect.poll(() => demo.count()).toBe(0);

    await page.click('[data-testid=flow-create]');
    await page.fill('[data-testid=flow-name]', 'Group invite');
    await page.click('[data-testid=flow-create-confirm]');
    await page.waitForSelector('[data-testid=palette-invite_room]');
    const flowUrl = page.url();

    const trigger = await drop('trigger.friend_request', 170, 80);
    const ask = await drop('ask', 170, 260);
    const invite = await drop('invite_room', 170, 440);
    const goal = await drop('goal', 520, 440);
    await connect(trigger, 'next', ask);
    await connect(ask, 'answered', invite);
    await connect(invite, 'joined', goal);
    await fill(ask, 'question', '想加入新人群吗？');
    await fill(invite, 'roomSet', DEMO_SET);
    await fill(invite, 'text', '拉你进群啦～');
    await fill(goal, 'name', 'joined');
    await page.click('[data-testid=auto-layout]');
    await expect
      .poll(() => page.getAttribute('[data-testid=save-status]', 'data-status'), { timeout: 10_000 })
      .toBe('saved');
    await page.click('[data-testid=publish]');
    await page.click('[data-testid=publish-confirm]');
    await page.waitForSelector('[data-testid=publish-done]');
    await page.keyboard.press('Escape');

    // 小美 answers; her group has seats and few members, so the bot adds her at once (no invitation).
    await page.click('[data-testid=sim-open]');
    await page.fill('[data-testid=sim-contact-name]', '小美');
    await page.click('[data-testid=sim-create]');
    await page.click('[data-testid=sim-friend-request]');
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '想加入新人群吗？' }).waitFor();
    await page.fill('[data-testid=sim-input]', '想');
    await page.click('[data-testid=sim-send]');
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '拉你进群啦～' }).waitFor();

    await page.click('[data-testid=sim-tab-group]');
    expect(await page.getAttribute('[data-testid=sim-tab-group]', 'aria-pressed')).toBe('true');
    // The tab opens on the group she was added to, where the demo's welcome greeted her.
    await expect.poll(selectedRoom, { timeout: 10_000 }).toMatch(/^新人群 \d \(1\/3\)$/);
    await expect.poll(() => lines('bot'), { timeout: 10_000 }).toEqual([expect.stringMatching(WELCOME)]);
    await expect.poll(textOf('[data-testid=sim-room-membership]')).toBe('In the group');
    expect(await textOf('[data-testid=sim-room-members]')()).toBe('In it: 小美');
    // The run went on from `joined` to the goal.
    await expect.poll(textOf('[data-testid=sim-run]'), { timeout: 10_000 }).toMatch(/^Now: completed/);

    // Nothing to accept: the error catalogue says so.
    await page.click('[data-testid=sim-room-accept-invite]');
    await expect
      .poll(textOf('[data-testid=sim-room-error]'))
      .toBe('The contact has no group invitation to accept');
    await page.screenshot({ path: `${SHOTS}/groups-simulator-no-invite.png` });
    // The private chat keeps to private lines: the group's welcome is not there.
    await page.click('[data-testid=sim-tab-chat]');
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '拉你进群啦～' }).waitFor();
    expect(await page.locator('[data-testid=sim-bubble-out]', { hasText: WELCOME }).count()).toBe(0);
    await page.click('[data-testid=sim-tab-group]');

    // She speaks with and without @-mentioning the bot, leaves, and joins again by QR code.
    await page.fill('[data-testid=sim-room-input]', '大家好');
    await page.click('[data-testid=sim-room-send]');
    await expect.poll(() => lines('contact')).toEqual([expect.stringMatching(/^小美@.+\u2005大家好$/)]);
    expect(await page.locator('[data-testid=sim-room-error]').count()).toBe(0);
    await page.uncheck('[data-testid=sim-room-mention]');
    await page.fill('[data-testid=sim-room-input]', '有人吗');
    await page.press('[data-testid=sim-room-input]', 'Enter');
    await expect.poll(() => lines('contact')).toHaveLength(2);
    expect((await lines('contact'))[1]).toBe('小美有人吗');
    await expect.poll(() => page.inputValue('[data-testid=sim-room-input]')).toBe('');

    await page.click('[data-testid=sim-room-leave]');
    await expect.poll(textOf('[data-testid=sim-room-membership]')).toBe('Not in the group');
    await expect.poll(selectedRoom).toMatch(/\(0\/3\)$/);
    await page.click('[data-testid=sim-room-join]');
    await expect.poll(textOf('[data-testid=sim-room-membership]')).toBe('In the group');
    await expect.poll(selectedRoom).toMatch(/\(1\/3\)$/);
    await expect.poll(() => lines('bot')).toHaveLength(2);

    // A big group (40 members: above that the bot can only invite) becomes the set's one open group.
    const me = await call<{ workspace: { id: string } }>('GET', '/me');
    expect(me.workspace.id).toBeTruthy();
    const members: string[] = [];
    for (let i = 1; i <= 40; i++)
      members.push((await call<{ id: string }>('POST', '/sandbox/contacts', { name: `群友${i}` })).id);
    const big = await call<{ id: string }>('POST', '/sandbox/rooms', { topic: '新人大群', members });
    await call('PATCH', `/rooms/${big.id}`, { roomSet: DEMO_SET, capacity: 100 });
    const { items } = await call<{ items: { id: string; topic: string }[] }>('GET', '/rooms?limit=50');
    for (const room of items.filter((r) => r.topic.startsWith('新人群 ')))
      await call('PATCH', `/rooms/${room.id}`, { open: false });

    // 阿强 answers: the bot invites him into the big group; he accepts in the group tab.
    await page.click('[data-testid=sim-tab-chat]');
    await page.click('[data-testid=sim-contact-add]');
    await page.fill('[data-testid=sim-contact-name]', '阿强');
    await page.click('[data-testid=sim-create]');
    await expect.poll(textOf('[data-testid=sim-contact-select] option:checked')).toMatch(/^阿强/);
    await page.click('[data-testid=sim-friend-request]');
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '想加入新人群吗？' }).waitFor();
    await page.fill('[data-testid=sim-input]', '想');
    await page.click('[data-testid=sim-send]');
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '拉你进群啦～' }).waitFor();
    await expect.poll(textOf('[data-testid=sim-run]')).toMatch(/^Now: waiting/);

    await page.click('[data-testid=sim-tab-group]');
    await page.click('[data-testid=sim-room-accept-invite]');
    await expect.poll(selectedRoom, { timeout: 10_000 }).toBe('新人大群 (41/100)');
    await expect.poll(textOf('[data-testid=sim-room-membership]')).toBe('In the group');
    await expect
      .poll(() => lines('bot'), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^.+欢迎 阿强 加入！/)]);
    await expect.poll(textOf('[data-testid=sim-run]'), { timeout: 10_000 }).toMatch(/^Now: completed/);
    await page.fill('[data-testid=sim-room-input]', '谢谢');
    await page.click('[data-testid=sim-room-send]');
    await expect.poll(() => lines('contact')).toEqual([expect.stringMatching(/^阿强@.+\u2005谢谢$/)]);
    await page.screenshot({ path: `${SHOTS}/groups-simulator.png` });

    // The Groups screen counts him in the big group and lists him among its members.
    await page.goto(`${product.baseUrl}/groups`);
    const row = page.locator('[data-testid=group-row]', { hasText: '新人大群' });
    await expect.poll(() => row.locator('[data-testid=capacity]').textContent()).toMatch(/^41 \/ 100/);
    await expect.poll(() => row.locator('[data-testid=group-today]').textContent()).toBe('+41 / −0');
    await page.screenshot({ path: `${SHOTS}/groups-screen.png` });
    await row.getByRole('link', { name: '新人大群' }).click();
    await page.locator('[data-testid=group-topic]', { hasText: '新人大群' }).waitFor();
    await page.locator('[data-testid=member-row]', { hasText: '阿强' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/groups-detail.png` });

    // In Chinese, the tab opens on 阿强 (the newest contact) in the group he last heard from.
    await page.click('[data-testid=lang-switch]');
    await page.goto(flowUrl);
    await page.click('[data-testid=sim-open]');
    await page.click('[data-testid=sim-tab-group]');
    expect(await textOf('[data-testid=sim-tab-group]')()).toBe('群聊');
    await expect.poll(selectedRoom).toBe('新人大群（41/100）');
    await expect.poll(textOf('[data-testid=sim-room-membership]')).toBe('在群里');
    await page.screenshot({ path: `${SHOTS}/groups-simulator-zh-CN.png` });
    await page.click('[data-testid=sim-tab-chat]');
    await page.locator('[data-testid=sim-bubble-out]', { hasText: '拉你进群啦～' }).waitFor();
  }, 240_000);
});
