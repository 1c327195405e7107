import { describe, expect, it } from 'vitest';
import { relativeTime } from './ui.tsx';

describe('relativeTime', () => {
  it('counts from the clock the time was stamped on (a sandbox contact runs ahead)', () => {
    const twoDaysAhead = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect(relativeTime(twoDaysAhead, 'zh-CN', twoDaysAhead)).toBe('现在');
    expect(relativeTime(twoDaysAhead, 'zh-CN')).toBe('后天');
  });
});
