// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AT, CONTACT, FLOW, json, listed, setup } from './simulator-test-support.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SimulatorPanel: the transcript', () => {
  it('shows media by kind, and messages that may not have been delivered', async () => {
    let undelivered = [
      {
        id: 7,
        kind: 'message',
        text: 'Your coupon',
        status: 'unknown',
        error: null,
        at: AT,
        nodeId: 'gift',
        flowId: FLOW,
      },
    ];
    const { calls } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () =>
        json([
          { direction: 'in', text: '', kind: 'image', at: AT, nodeId: null },
          { direction: 'in', text: '', kind: 'voice', at: AT, nodeId: null },
        ]),
      [`GET /contacts/${CONTACT}/undelivered`]: () => json(undelivered),
      'POST /outbox/7/dismiss': () => {
        undelivered = [];
        return json({ id: 7, status: 'dismissed' });
      },
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('sim-bubble-in').map((b) => b.textContent)).toEqual([
        '[Image]',
        '[Voice message]',
      ]),
    );
    const item = await screen.findByTestId('undelivered');
    expect(item.textContent).toMatch(/Your coupon.*may or may not have reached WeChat/);
    fireEvent.click(screen.getByTestId('undelivered-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('undelivered')).toBeNull());
    expect(calls.some((c) => c.method === 'POST' && c.path === '/outbox/7/dismiss')).toBe(true);
  });
});

describe('SimulatorPanel: media in the transcript', () => {
  const MEDIA_ID = '0b5e3c1e-8d4a-4c57-9a4e-3f0f5f2b7a11';

  it('shows images and cards as WeChat does, below the text they came with', async () => {
    const { store } = setup({
      'GET /sandbox/contacts': listed('Ming'),
      [`GET /sandbox/contacts/${CONTACT}/transcript`]: () =>
        json([
          {
            direction: 'in',
            text: '',
            kind: 'image',
            media: { kind: 'image', mediaId: MEDIA_ID },
            at: AT,
            nodeId: null,
          },
          {
            direction: 'out',
            text: 'Spring is here',
            at: AT,
            nodeId: 'promo',
            media: {
              kind: 'link',
              url: 'https://shop.example.com/spring',
              title: 'Spring sale',
              description: '20% off everything',
            },
          },
          {
            direction: 'out',
            text: '',
            at: AT,
            nodeId: 'member',
            media: {
              kind: 'mini_program',
              appId: 'wx1234567890abcdef',
              title: 'Member center',
              pagePath: 'pages/index',
            },
          },
          {
            direction: 'out',
            text: 'Your coupon',
            at: AT,
            nodeId: 'gift',
            media: { kind: 'image', url: 'https://cdn.example.com/c.png' },
          },
          { direction: 'in', text: '', kind: 'image', media: null, at: AT, nodeId: null },
        ]),
    });
    const image = await screen.findByTestId('media-image');
    expect(image.getAttribute('src')).toBe(`/api/media/${MEDIA_ID}`);
    expect(image.getAttribute('alt')).toBe('Image');
    const link = screen.getByTestId('media-link');
    expect(link.textContent).toContain('Spring sale');
    expect(link.textContent).toContain('20% off everything');
    expect(link.textContent).toContain('shop.example.com/spring');
    expect(screen.getByTestId('media-mini-program').textContent).toContain('Member center');
    expect(screen.getByTestId('media-image-url').textContent).toContain('cdn.example.com/c.png');
    const out = screen.getAllByTestId('sim-bubble-out').map((b) => b.textContent);
    expect(out[0]).toMatch(/^Spring is here.*Spring sale/);
    // An image the archive kept no copy of shows as its label, as before.
    expect(screen.getAllByTestId('sim-bubble-in').map((b) => b.textContent)).toEqual(['', '[Image]']);
    // A card the bot sent points at its node, as its text does.
    fireEvent.click(link);
    expect(store.getState().focus?.nodeId).toBe('promo');
  });
});
