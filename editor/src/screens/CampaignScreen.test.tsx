// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CampaignScreen } from './CampaignScreen.tsx';
import { CAMPAIGN, campaign, counts, FakeEventSource, renderAt, SESSION } from './campaigns-test-support.tsx';
import { fakeApi } from './test-harness.tsx';

const CONVERSATION = '00000000-0000-4000-8000-0000000000a1';
const FOLLOW_UP = '00000000-0000-4000-8000-0000000000d2';
const reported = counts({
  scheduled: 0,
  sent: 200,
  replied: 90,
  deletedUs: 10,
  simpleReply: 40,
  intent: 30,
  otherReply: 20,
  noReply: 100,
});

function serve(detail = campaign()) {
  return fakeApi({
    'GET /api/me': SESSION,
    [`GET /api/campaigns/${CAMPAIGN}`]: detail,
    [`GET /api/campaigns/${CAMPAIGN}/contacts?bucket=otherReply*`]: { items: [], nextCursor: null },
    [`GET /api/campaigns/${CAMPAIGN}/contacts?bucket=intent*`]: {
      items: [
        {
          id: '00000000-0000-4000-8000-000000000101',
          name: 'Mei',
          alias: null,
          friendStatus: 'friend',
          tags: [],
          lastInboundAt: null,
          reply: '多少钱？',
          repliedAt: '2025-12-02T13:00:00.000Z',
          sentAt: '2025-12-02T12:00:00.000Z',
          conversationId: CONVERSATION,
        },
      ],
      nextCursor: null,
    },
    'POST /api/segments': (call: { body: unknown }) => ({
      id: FOLLOW_UP,
      createdAt: '2025-12-05T00:00:00.000Z',
      ...(call.body as object),
    }),
    [`POST /api/campaigns/${CAMPAIGN}/cancel`]: {},
  });
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('campaign page', () => {
  it('moves the progress bar and the counts with each stream message', async () => {
    serve();
    renderAt(`/campaigns/${CAMPAIGN}`, <CampaignScreen id={CAMPAIGN} />);
    expect((await screen.findByTestId('campaign-sent-of')).textContent).toBe('0 of 200 sent');
    const source = FakeEventSource.instances.find((s) => s.url === `/api/campaigns/${CAMPAIGN}/stream`);
    source?.send(campaign({ counts: counts({ scheduled: 80, sent: 120, failed: 2, replied: 30 }) }));
    expect(screen.getByTestId('campaign-sent-of').textContent).toBe('120 of 200 sent');
    expect(screen.getByTestId('campaign-progress').getAttribute('aria-valuenow')).toBe('120');
    expect(screen.getByTestId('count-replied').textContent).toBe('Replied30');
    expect(screen.getByTestId('count-failed').textContent).toBe('Failed2');
    expect(screen.getByText('● Live')).toBeTruthy();
  });

  it('asks before cancelling, saying sent messages stay counted', async () => {
    const calls = serve();
    renderAt(`/campaigns/${CAMPAIGN}`, <CampaignScreen id={CAMPAIGN} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel campaign' }));
    expect(screen.getByText('Cancel? Unsent messages stop, sent ones stay counted.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('campaign-cancel'));
    await waitFor(() => expect(calls.some((c) => c.url === `/api/campaigns/${CAMPAIGN}/cancel`)).toBe(true));
  });

  it('reports five buckets; a bucket lists its contacts, saves as a segment and enrolls a follow-up', async () => {
    const calls = serve(
      campaign({ status: 'finished', finishedAt: '2025-12-05T13:00:00.000Z', counts: reported }),
    );
    const { location } = renderAt(`/campaigns/${CAMPAIGN}`, <CampaignScreen id={CAMPAIGN} />);
    const intent = await screen.findByTestId('bucket-intent');
    expect(intent.textContent).toBe('Purchase intent3015% of audience');
    expect(screen.getByTestId('bucket-deletedUs').textContent).toBe('Deleted us105% of audience');
    expect(screen.getByTestId('bucket-noReply').textContent).toBe('No reply10050% of audience');

    fireEvent.click(intent);
    const row = await screen.findByTestId('bucket-contact');
    expect(row.textContent).toContain('多少钱？');
    expect(within(row).getByTestId('open-in-inbox').getAttribute('href')).toBe(`/inbox/${CONVERSATION}`);

    fireEvent.click(screen.getByTestId('bucket-save'));
    await screen.findByText('Saved segment “December broadcast · Purchase intent”');
    expect(calls.find((c) => c.url === '/api/segments')?.body).toEqual({
      name: 'December broadcast · Purchase intent',
      rules: { match: 'all', rules: [{ field: `campaign.${CAMPAIGN}`, op: 'eq', value: 'intent' }] },
    });

    fireEvent.click(screen.getByTestId('bucket-enroll'));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/campaigns/new?segment=${FOLLOW_UP}`));
  });

  it('offers no segment or follow-up for an empty bucket', async () => {
    serve(campaign({ status: 'finished', finishedAt: '2025-12-05T13:00:00.000Z', counts: reported }));
    renderAt(`/campaigns/${CAMPAIGN}`, <CampaignScreen id={CAMPAIGN} />);
    fireEvent.click(await screen.findByTestId('bucket-otherReply'));
    await waitFor(() => expect((screen.getByTestId('bucket-save') as HTMLButtonElement).disabled).toBe(true));
    expect((screen.getByTestId('bucket-enroll') as HTMLButtonElement).disabled).toBe(true);
  });
});
