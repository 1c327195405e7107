import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.ts';

describe('cleanText', () => {
  it('keeps Chinese, emoji and line breaks, drops control characters and NUL', () => {
    expect(cleanText('你好\u0000 👍\n第二行\u0007')).toBe('你好 👍\n第二行');
  });
  it('turns a lone surrogate into U+FFFD instead of losing the message', () => {
    expect(cleanText('a\ud800b')).toBe('a\ufffdb');
    expect(cleanText('\udc00x')).toBe('\ufffdx');
    expect(cleanText('😀')).toBe('😀');
  });
});
