// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CampaignWizard } from './CampaignWizard.tsx';
import {
  CAMPAIGN,
  CAMPAIGN_FLOWS,
  campaign,
  estimate,
  FLOW,
  renderAt,
  SEGMENT,
  SESSION,
} from './campaigns-test-support.tsx';
import { type Call, fakeApi } from './test-harness.tsx';

function serve(risk: Parameters<typeof estimate>, audience = 200) {
  return fakeApi({
    'GET /api/me': SESSION,
    ...CAMPAIGN_FLOWS,
    'GET /api/segments': [
      {
        id: SEGMENT,
        name: 'Quiet for 30 days',
        rules: { match: 'all', rules: [] },
        createdAt: campaign().createdAt,
      },
    ],
    'POST /api/segments/preview': {
      count: 200,
      excluded: { recentlyTalked: 12, leftGroup: 0, deletedUs: 3, inConversation: 1, overBudget: 0 },
      sample: [],
    },
    'POST /api/campaigns': () => campaign({ status: 'draft' }),
    [`PATCH /api/campaigns/${CAMPAIGN}`]: () => campaign({ status: 'draft' }),
    [`POST /api/campaigns/${CAMPAIGN}/estimate`]: { ...estimate(...risk), audience },
    [`POST /api/campaigns/${CAMPAIGN}/launch`]: {},
  });
}

/** From a segment (the follow-up link), pick the flow: the draft is saved and estimated. */
async function startFromSegment() {
  const view = renderAt(`/campaigns/new?segment=${SEGMENT}`, <CampaignWizard />);
  fireEvent.click(await screen.findByRole('button', { name: 'Monthly broadcast' }));
  return view;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('campaign wizard', () => {
  it('keeps the count and the estimate in view, and the launch button says when it finishes', async () => {
    const calls = serve(['ok']);
    const { location } = await startFromSegment();
    expect(screen.getByTestId('variants-note').textContent).toBe(
      '1 of 1 send steps have variants: nickname + tone variants, sticky per contact.',
    );
    await waitFor(() => expect(screen.getByTestId('segment-count').textContent).toBe('200'));
    const launch = await screen.findByRole(
      'button',
      { name: 'Launch — finishes ~Dec 5, 21:00' },
      { timeout: 3000 },
    );
    expect(screen.getAllByTestId('estimate-row')[0]?.textContent).toContain('Shop bot');
    expect(screen.getAllByTestId('estimate-row')[0]?.textContent).toContain('Messages200Per day80Days2.5');

    const draft = calls.find((c) => c.method === 'POST' && c.url === '/api/campaigns')?.body;
    expect(draft).toMatchObject({
      name: 'Monthly broadcast',
      flowId: FLOW,
      segmentId: SEGMENT,
      sendTime: 'best_hour',
      window: { from: '09:00', to: '21:00', days: [] },
      replyTo: 'flow',
      replyWindow: 'P3D',
      exclusions: { recentlyTalked: true, deletedUs: true },
    });

    // A later step's change is PATCHed onto the same draft.
    fireEvent.click(screen.getByTestId('step-replies'));
    fireEvent.click(screen.getByRole('button', { name: 'The inbox (people)' }));
    await waitFor(
      () =>
        expect(
          calls.some(
            (c: Call) => c.method === 'PATCH' && (c.body as { replyTo: string }).replyTo === 'inbox',
          ),
        ).toBe(true),
      { timeout: 3000 },
    );
    expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/campaigns')).toHaveLength(1);

    await waitFor(() => expect(launch.hasAttribute('disabled')).toBe(false), { timeout: 3000 });
    fireEvent.click(screen.getByTestId('launch'));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/campaigns/${CAMPAIGN}`));
    expect(calls.some((c) => c.url === `/api/campaigns/${CAMPAIGN}/launch`)).toBe(true);
  });

  it('disables launch now when nobody is left after the exclusions, and says why', async () => {
    serve(['ok'], 0);
    await startFromSegment();
    const empty = await screen.findByTestId('launch-empty', {}, { timeout: 3000 });
    expect(empty.textContent).toBe(
      'Nobody is left after the exclusions: choose another segment or loosen the exclusions.',
    );
    expect(screen.getByTestId('launch').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('launch').textContent).toBe('Launch');
  });

  it('disables launch over a limit and says why', async () => {
    serve(['over_limit', 'limits_above_safe']);
    await startFromSegment();
    const blocked = await screen.findByTestId('launch-blocked', {}, { timeout: 3000 });
    expect(blocked.textContent).toBe(
      "Cannot launch: This account's limits are above WeChat's safe range: a ban risk",
    );
    expect(screen.getByTestId('launch').hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Over limit')).toBeTruthy();
  });

  it('says what to do when no flow starts with the Campaign trigger', async () => {
    fakeApi({ 'GET /api/me': SESSION, 'GET /api/flows': [], 'GET /api/segments': [] });
    renderAt('/campaigns/new', <CampaignWizard />, 'zh-CN');
    expect((await screen.findByTestId('no-campaign-flows')).textContent).toContain(
      '发布一个以「群发活动」触发器开始的流程',
    );
    expect(screen.getByTestId('launch').hasAttribute('disabled')).toBe(true);
  });
});
