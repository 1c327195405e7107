// A campaign live: its stream (`campaign` events, each the whole campaignDetail) written into the
// campaign's cache entry and the list; while the stream is down the page refetches every 5 s, and the
// stream reconnects with backoff. A finished or cancelled campaign needs neither.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type CampaignDetail, campaignDetail } from '../../../shared/api/campaigns.ts';
import { retryDelay } from '../flow-editor/stats/useLiveStats.ts';
import { campaignKeys } from './campaigns-api.ts';

export type CampaignStreamState = 'live' | 'down' | 'off';

export function useCampaignStream(
  id: string,
  status: CampaignDetail['status'] | undefined,
): CampaignStreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<CampaignStreamState>('down');
  const ended = status === 'finished' || status === 'cancelled' || status === 'draft';
  const known = status !== undefined;
  useEffect(() => {
    if (ended || !known) {
      setState('off');
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const connect = () => {
      source = new EventSource(`/api/campaigns/${id}/stream`);
      // The server names its events `campaign`; a plain `data:` message reads the same.
      const onDetail = (event: MessageEvent<string>) => {
        const parsed = campaignDetail.safeParse(JSON.parse(event.data));
        if (!parsed.success) return;
        attempt = 0;
        setState('live');
        queryClient.setQueryData(campaignKeys.one(id), parsed.data);
      };
      source.addEventListener('campaign', onDetail);
      source.onmessage = onDetail;
      source.onerror = () => {
        source?.close();
        setState('down');
        timer = setTimeout(connect, retryDelay(attempt++));
      };
    };
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [id, ended, known, queryClient]);
  return ended ? 'off' : state;
}
