// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactDetailScreen } from './ContactDetailScreen.tsx';
import { type Call, fakeApi, Harness } from './test-harness.tsx';

const ID = '00000000-0000-4000-8000-0000000000c1';
const AT = '2025-01-01T00:00:00.000Z';
const MEDIA_ID = '0b5e3c1e-8d4a-4c57-9a4e-3f0f5f2b7a11';
const CONTACT = {
  id: ID,
  name: 'Mei',
  alias: null,
  friendStatus: 'friend',
  tags: [],
  lastInboundAt: AT,
  attributes: {},
  handoff: false,
  firstAddedAt: AT,
  runs: [],
};
const session = (role: string) => ({
  user: { id: '00000000-0000-4000-8000-0000000000e1', email: 'a@example.com', name: 'A' },
  workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
  role,
  csrfToken: 'csrf',
});
const UNKNOWN = {
  id: 41,
  kind: 'message',
  text: 'Your coupon: WELCOME-1',
  status: 'unknown',
  error: null,
  at: AT,
  nodeId: 'gift',
  flowId: null,
};
const FAILED = {
  id: 42,
  kind: 'message',
  text: 'See you!',
  status: 'failed',
  error: 'account logged out',
  at: AT,
  nodeId: null,
  flowId: null,
};

function serve(role: string) {
  let undelivered = [UNKNOWN, FAILED];
  const settle = (call: Call) => {
    const id = Number(call.url.split('/')[3]);
    undelivered = undelivered.filter((item) => item.id !== id);
    return { id, status: call.url.endsWith('resend') ? 'queued' : 'dismissed' };
  };
  const calls = fakeApi({
    'GET /api/me': session(role),
    [`GET /api/contacts/${ID}`]: CONTACT,
    [`GET /api/contacts/${ID}/messages?limit=200`]: [
      { id: 1, direction: 'in', text: '', kind: 'image', media: null, at: AT, nodeId: null, flowId: null },
      {
        id: 2,
        direction: 'out',
        text: 'Nice picture!',
        kind: 'text',
        media: null,
        at: AT,
        nodeId: null,
        flowId: null,
      },
      {
        id: 3,
        direction: 'in',
        text: '',
        kind: 'image',
        media: { kind: 'image', mediaId: MEDIA_ID },
        at: AT,
        nodeId: null,
        flowId: null,
      },
      {
        id: 4,
        direction: 'out',
        text: 'Our spring sale',
        kind: 'text',
        media: {
          kind: 'link',
          url: 'https://shop.example.com/spring',
          title: 'Spring sale',
          description: '20% off',
        },
        at: AT,
        nodeId: 'promo',
        flowId: null,
      },
    ],
    [`GET /api/contacts/${ID}/undelivered`]: () => undelivered,
    'GET /api/flows': [],
    'POST /api/outbox/*': settle,
  });
  render(
    <Harness initial="en">
      <ContactDetailScreen id={ID} />
    </Harness>,
  );
  return calls;
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST').map((c) => c.url);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('contact transcript', () => {
  it('shows media by kind', async () => {
    serve('agent');
    expect(await screen.findByText('[Image]')).toBeTruthy();
    expect(screen.getByText('Nice picture!')).toBeTruthy();
  });

  it('shows a kept image itself, and a card below the text it came with', async () => {
    serve('agent');
    expect((await screen.findByTestId('media-image')).getAttribute('src')).toBe(`/api/media/${MEDIA_ID}`);
    const link = screen.getByTestId('media-link');
    expect(link.textContent).toMatch(/Spring sale.*20% off.*shop\.example\.com\/spring/);
    expect(link.previousElementSibling?.textContent).toBe('Our spring sale');
  });

  it('ends with the messages not confirmed as delivered, each resent or dismissed', async () => {
    const calls = serve('agent');
    const [unknown, failed] = await screen.findAllByTestId('undelivered');
    expect(screen.getByTestId('undelivered-summary').textContent).toMatch(/not confirmed as delivered: 2/);
    expect(unknown!.textContent).toMatch(
      /Your coupon: WELCOME-1.*Unknown · .*may or may not have reached WeChat/,
    );
    expect(failed!.textContent).toMatch(/See you!.*Failed · Not sent\.account logged out/);

    // An unknown one may already be on the phone: resending it asks first.
    fireEvent.click(within(unknown!).getByTestId('undelivered-resend'));
    expect(posts(calls)).toEqual([]);
    expect(within(unknown!).getByText('It may arrive twice. Resend anyway?')).toBeTruthy();
    fireEvent.click(within(unknown!).getByTestId('undelivered-resend-confirm'));
    await waitFor(() => expect(posts(calls)).toEqual(['/api/outbox/41/resend']));

    fireEvent.click(within(failed!).getByTestId('undelivered-dismiss'));
    await waitFor(() => expect(posts(calls)).toEqual(['/api/outbox/41/resend', '/api/outbox/42/dismiss']));
    await waitFor(() => expect(screen.queryByTestId('undelivered')).toBeNull());
    expect(screen.queryByTestId('undelivered-summary')).toBeNull();
  });

  it('lets viewers see them but not resend or dismiss', async () => {
    serve('viewer');
    expect(await screen.findAllByTestId('undelivered')).toHaveLength(2);
    expect(screen.queryByTestId('undelivered-resend')).toBeNull();
    expect(screen.queryByTestId('undelivered-dismiss')).toBeNull();
    expect(screen.getByText('Viewers cannot resend or dismiss.')).toBeTruthy();
  });

  it('says it in Chinese too', async () => {
    fakeApi({
      'GET /api/me': session('agent'),
      [`GET /api/contacts/${ID}`]: CONTACT,
      [`GET /api/contacts/${ID}/messages?limit=200`]: [],
      [`GET /api/contacts/${ID}/undelivered`]: [UNKNOWN],
      'GET /api/flows': [],
    });
    render(
      <Harness initial="zh-CN">
        <ContactDetailScreen id={ID} />
      </Harness>,
    );
    const item = await screen.findByTestId('undelivered');
    expect(item.textContent).toMatch(/未知 · .*可能已经发到微信，也可能没有/);
    expect(within(item).getByRole('button', { name: '重发' })).toBeTruthy();
    expect(within(item).getByRole('button', { name: '忽略' })).toBeTruthy();
  });
});
