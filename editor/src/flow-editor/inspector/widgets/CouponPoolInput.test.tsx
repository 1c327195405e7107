// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url === '/api/coupon-pools'
        ? new Response(
            JSON.stringify([
              { name: 'welcome', total: 10, issued: 3 },
              { name: 'vip', total: 5, issued: 5 },
            ]),
          )
        : new Response('{}', { status: 404 }),
    ),
  );
});
afterEach(() => vi.unstubAllGlobals());

const status = () => screen.findByTestId('coupon-pool-status');

describe('coupon pool widget', () => {
  it('suggests the workspace pools and says how many codes the chosen one has left', async () => {
    renderInspector(nodeOf('coupon', { pool: 'welcome' }));
    expect((await status()).textContent).toBe('3 of 10 codes issued, 7 left');
    const options = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['welcome', 'vip']);
  });

  it('warns about a pool that does not exist or has run out', async () => {
    const { user, lastData } = renderInspector(nodeOf('coupon', { pool: 'vip' }), { lang: 'zh-CN' });
    expect((await status()).textContent).toBe('这个券池的券码已发完：联系人会走「已领完」出口。');
    const input = screen.getByLabelText('券池');
    await user.clear(input);
    await user.type(input, 'welcom');
    expect(lastData().pool).toBe('welcom');
    expect((await status()).textContent).toContain('没有名为「welcom」的券池');
  });
});
