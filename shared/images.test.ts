import { describe, expect, it } from 'vitest';
import { imageExtension, imageFileName, imageMimeOf } from './images.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('imageMimeOf', () => {
  it.each([
    ['image/png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', bytes('GIF89a', [1, 0])],
    ['image/gif', bytes('GIF87a')],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
  ])('knows %s by its first bytes', (mime, data) => {
    expect(imageMimeOf(data)).toBe(mime);
  });

  it.each([
    ['nothing', bytes()],
    ['a PNG cut short', bytes([0x89], 'PNG')],
    ['SVG (scripts inside)', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['HTML', bytes('<!doctype html><script>')],
    ['a RIFF that is not WebP', bytes('RIFF', [0, 0, 0, 0], 'WAVE')],
    ['BMP', bytes('BM', [0, 0, 0, 0])],
  ])('refuses %s', (_, data) => {
    expect(imageMimeOf(data)).toBeNull();
  });

  it('names the usual extension', () => {
    expect(imageExtension('image/jpeg')).toBe('jpg');
    expect(imageExtension('image/webp')).toBe('webp');
  });
});

describe('imageFileName', () => {
  it('keeps the name without folders, control characters or broken Unicode, with the type extension', () => {
    expect(imageFileName('../../etc/banner.final.PNG', 'image/png')).toBe('banner.final.png');
    expect(imageFileName('C:\\Users\\me\\photo.jpeg', 'image/jpeg')).toBe('photo.jpg');
    expect(imageFileName('a\u0000b\ud800c.gif', 'image/gif')).toBe('abc.gif');
    expect(imageFileName('x'.repeat(500), 'image/webp')).toBe(`${'x'.repeat(100)}.webp`);
  });

  it('names a file without a name after its type', () => {
    expect(imageFileName(undefined, 'image/png')).toBe('image.png');
    expect(imageFileName('  .png', 'image/png')).toBe('image.png');
  });
});
