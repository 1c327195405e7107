// Keeps the store's stats live for one version: the first load, then every `stats` event of the
// version's stream, reconnecting with backoff when the stream drops.
import { useEffect, useRef, useState } from 'react';
import { type StatsBody, statsBody } from '../../../../shared/api/flows.ts';
import { useVersionStats } from './queries.ts';

export type StreamState = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** 1 s, 2 s, 4 s … capped at 30 s. */
export const retryDelay = (attempt: number): number => Math.min(30_000, 1_000 * 2 ** attempt);

export function useLiveStats(
  flowId: string,
  version: number | null,
  setStats: (stats: StatsBody | null) => void,
) {
  const [state, setState] = useState<StreamState>('idle');
  // Once the stream has spoken, a slower first load must not overwrite it with older counts.
  const streamed = useRef(false);
  const initial = useVersionStats(flowId, version);

  useEffect(() => {
    streamed.current = false;
    setStats(null);
    if (version === null) {
      setState('idle');
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const connect = () => {
      source = new EventSource(`/api/flows/${flowId}/stats/stream?version=${version}`);
      source.addEventListener('stats', (event) => {
        const parsed = statsBody.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (!parsed.success) return;
        attempt = 0;
        streamed.current = true;
        setState('live');
        setStats(parsed.data);
      });
      source.onerror = () => {
        source?.close();
        setState('reconnecting');
        timer = setTimeout(connect, retryDelay(attempt++));
      };
    };
    setState('connecting');
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [flowId, version, setStats]);

  useEffect(() => {
    if (initial.data && !streamed.current) setStats(initial.data);
  }, [initial.data, setStats]);

  return { state, error: initial.error };
}
