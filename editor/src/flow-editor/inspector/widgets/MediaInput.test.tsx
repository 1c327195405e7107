// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeOf, renderInspector } from '../test-harness.tsx';

const MEDIA_ID = '0b5e3c1e-8d4a-4c57-9a4e-3f0f5f2b7a11';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let uploads: { url: string; type: string | undefined; body: unknown }[];
let answer: () => Response;
beforeEach(() => {
  uploads = [];
  answer = () => json({ id: MEDIA_ID, mime: 'image/png', size: 68, url: `/api/media/${MEDIA_ID}` }, 201);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method !== 'POST') return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
      const headers = init.headers as Record<string, string>;
      uploads.push({ url, type: headers['content-type'], body: init.body });
      return answer();
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const png = (size = 68) => new File([new Uint8Array(size)], 'spring sale.png', { type: 'image/png' });

describe('media widget', () => {
  it('sends nothing by default', () => {
    renderInspector(nodeOf('send'));
    expect((screen.getByLabelText('Image or card') as HTMLSelectElement).value).toBe('');
  });

  it('uploads the chosen image as the request body and shows it as a thumbnail', async () => {
    const { user, lastData } = renderInspector(nodeOf('send'));
    await user.selectOptions(screen.getByLabelText('Image or card'), 'image');
    expect(lastData().media).toEqual({ kind: 'image' });
    const file = png();
    await user.upload(screen.getByTestId('media-file'), file);
    await waitFor(() => expect(lastData().media).toEqual({ kind: 'image', mediaId: MEDIA_ID }));
    expect(uploads).toEqual([
      { url: '/api/media?filename=spring%20sale.png', type: 'image/png', body: file },
    ]);
    expect(screen.getByTestId('media-image').getAttribute('src')).toBe(`/api/media/${MEDIA_ID}`);
    expect(screen.getByRole('button', { name: 'Replace image' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove image' }));
    expect(lastData().media).toEqual({ kind: 'image' });
  });

  it('refuses a file over 2 MB or of another type before sending it, and says what the server refused', async () => {
    const { user } = renderInspector(nodeOf('send', { media: { kind: 'image' } }), { lang: 'zh-CN' });
    await user.upload(screen.getByTestId('media-file'), png(2 * 1024 * 1024 + 1));
    expect((await screen.findByRole('alert')).textContent).toBe('图片超过 2 MB，请压缩后再上传。');
    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    // The picker offers only the four types; a file chosen anyway still meets the check.
    fireEvent.change(screen.getByTestId('media-file'), { target: { files: [svg] } });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('只能上传 PNG、JPEG、GIF 或 WebP 图片。'),
    );
    expect(uploads).toEqual([]);
    answer = () => json({ error: { code: 'unsupported_media_type', message: 'Only PNG…' } }, 415);
    fireEvent.change(screen.getByTestId('media-file'), { target: { files: [png()] } });
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(screen.getByRole('alert').textContent).toBe('只能上传 PNG、JPEG、GIF 或 WebP 图片。');
  });

  it('takes an image address instead of an upload', async () => {
    const { user, lastData } = renderInspector(nodeOf('send', { media: { kind: 'image' } }));
    await user.type(screen.getByLabelText('Or the image’s address'), 'https://cdn.example.com/a.png');
    expect(lastData().media).toEqual({ kind: 'image', url: 'https://cdn.example.com/a.png' });
    expect(screen.getByTestId('media-image-url').textContent).toContain('cdn.example.com/a.png');
  });

  it('edits a link card and previews it as the contact will see it', async () => {
    const { user, lastData } = renderInspector(nodeOf('send'));
    await user.selectOptions(screen.getByLabelText('Image or card'), 'link');
    await user.type(screen.getByLabelText('Address'), 'https://shop.example.com/spring');
    await user.type(screen.getByLabelText('Title'), 'Spring sale');
    await user.type(screen.getByLabelText('Description (optional)'), '20% off');
    expect(lastData().media).toEqual({
      kind: 'link',
      url: 'https://shop.example.com/spring',
      title: 'Spring sale',
      description: '20% off',
    });
    const preview = screen.getByTestId('media-preview');
    expect(preview.textContent).toContain('Spring sale');
    expect(preview.textContent).toContain('20% off');
    expect(preview.textContent).toContain('shop.example.com/spring');
    // An optional part emptied is no part.
    await user.clear(screen.getByLabelText('Description (optional)'));
    expect(lastData().media).not.toHaveProperty('description');
  });

  it('marks a bad address and a bad AppID, and speaks Chinese', async () => {
    const media = { kind: 'mini_program', appId: 'wx123', title: '会员中心', pagePath: 'pages/index' };
    renderInspector(nodeOf('send', { media }), { lang: 'zh-CN' });
    expect(screen.getByLabelText('小程序 AppID').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('页面路径').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('media-mini-program').textContent).toContain('会员中心');
    expect(screen.getByTestId('field-media').textContent).toContain('小程序 AppID 是 wx 加 16 位字母或数字');
  });

  it('is read-only on a read-only flow', () => {
    renderInspector(nodeOf('send', { media: { kind: 'link', url: 'https://a.example.com', title: 'A' } }), {
      readOnly: true,
    });
    expect((screen.getByLabelText('Title') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Image or card') as HTMLSelectElement).disabled).toBe(true);
  });
});
