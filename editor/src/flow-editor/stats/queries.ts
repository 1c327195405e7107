// Server state behind the stats bar (and the simulator's version badge): versions and one version's
// counts, under the editor's ['flows', id] keys so publishing refreshes them.
import { useQuery } from '@tanstack/react-query';
import type { DailyStatsBody, StatsBody } from '../../../../shared/api/flows.ts';
import { api } from '../../api.ts';
import { flowKeys, listVersions, type VersionSummary } from '../flow-api.ts';
import type { DayRange } from './range.ts';

/** Published versions, oldest first (as the server lists them). */
export const useVersions = (flowId: string) =>
  useQuery({ queryKey: flowKeys.versions(flowId), queryFn: () => listVersions(flowId) });

export const latestVersion = (versions: VersionSummary[] | undefined): number | null =>
  versions?.length ? Math.max(...versions.map((v) => v.version)) : null;

export const useVersionStats = (flowId: string, version: number | null) =>
  useQuery({
    queryKey: [...flowKeys.detail(flowId), 'stats', version],
    queryFn: () => api<StatsBody>('GET', `/flows/${flowId}/stats?version=${version}`),
    enabled: version !== null,
  });

/** A version's counts per day over `range` (the funnel panel), refreshed while it is open. */
export const useDailyStats = (flowId: string, version: number | null, range: DayRange | null) =>
  useQuery({
    queryKey: [...flowKeys.detail(flowId), 'stats', version, 'daily', range?.from, range?.to],
    queryFn: () =>
      api<DailyStatsBody>(
        'GET',
        `/flows/${flowId}/stats/daily?version=${version}&from=${range?.from}&to=${range?.to}`,
      ),
    enabled: version !== null && range !== null,
    refetchInterval: 30_000,
  });
