// Fixtures for the campaign screen tests: a router at a given address (with its query string), a
// fake EventSource speaking plain `data:` messages, and canned flows, segments, campaigns, estimates.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { CampaignDetail, CampaignEstimate } from '../../../shared/api/campaigns.ts';
import { DEFAULT_EXCLUSIONS } from '../../../shared/segments/rules.ts';
import { type Lang, LangProvider } from '../i18n.ts';

export const FLOW = '00000000-0000-4000-8000-0000000000f2';
export const SEGMENT = '00000000-0000-4000-8000-0000000000d1';
export const CAMPAIGN = '00000000-0000-4000-8000-0000000000c9';
export const BOT = '00000000-0000-4000-8000-0000000000b1';
export const AT = '2025-12-01T08:00:00.000Z';

export const SESSION = {
  user: { id: '00000000-0000-4000-8000-0000000000e1', email: 'a@example.com', name: 'A' },
  workspace: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Demo', timeZone: 'Asia/Shanghai' },
  role: 'marketer',
  csrfToken: 'csrf',
};

/** A published flow starting with the Campaign trigger, one send with two variants. */
export const CAMPAIGN_FLOWS = {
  'GET /api/campaigns/flows': [{ id: FLOW, name: 'Monthly broadcast', sends: 1, variants: 1 }],
};

export const counts = (over: Partial<CampaignDetail['counts']> = {}): CampaignDetail['counts'] => ({
  audience: 200,
  scheduled: 200,
  sent: 0,
  failed: 0,
  replied: 0,
  deletedUs: 0,
  simpleReply: 0,
  intent: 0,
  otherReply: 0,
  noReply: 0,
  skipped: 0,
  cancelled: 0,
  ...over,
});

export const campaign = (over: Partial<CampaignDetail> = {}): CampaignDetail => ({
  id: CAMPAIGN,
  name: 'December broadcast',
  flowId: FLOW,
  flowName: 'Monthly broadcast',
  segmentId: SEGMENT,
  rules: { match: 'all', rules: [] },
  exclusions: DEFAULT_EXCLUSIONS,
  schedule: {},
  sendTime: 'best_hour',
  window: { from: '09:00', to: '21:00', days: [] },
  replyTo: 'flow',
  replyWindow: 'P3D',
  status: 'running',
  parentId: null,
  launchedAt: AT,
  finishedAt: null,
  createdAt: AT,
  counts: counts(),
  ...over,
});

export const estimate = (
  risk: 'ok' | 'high' | 'over_limit',
  reason: string | null = null,
): CampaignEstimate => ({
  audience: 200,
  perAccount: [
    {
      botAccountId: BOT,
      name: 'Shop bot',
      messages: 200,
      perDay: 80,
      days: 2.5,
      risk,
      reason,
      finishesAt: '2025-12-05T13:00:00.000Z',
    },
  ],
  finishesAt: '2025-12-05T13:00:00.000Z',
});

export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, listener);
  }
  close() {}
  /** As the server writes it: an event named `campaign` (server/campaigns/stream.ts). */
  send(body: unknown) {
    act(() => this.listeners.get('campaign')?.(new MessageEvent('campaign', { data: JSON.stringify(body) })));
  }
}

function Providers(props: { location: ReturnType<typeof memoryLocation>; lang: Lang; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [lang, setLang] = useState<Lang>(props.lang);
  return (
    <QueryClientProvider client={client}>
      <LangProvider lang={lang} setLang={setLang}>
        <Router hook={props.location.hook} searchHook={props.location.searchHook}>
          {props.children}
        </Router>
      </LangProvider>
    </QueryClientProvider>
  );
}

/** A screen at `path` (query string included), with react-query and the language around it. */
export function renderAt(path: string, screen: ReactNode, lang: Lang = 'en') {
  const location = memoryLocation({ path, record: true });
  const view = render(
    <Providers location={location} lang={lang}>
      {screen}
    </Providers>,
  );
  return { ...view, location };
}
