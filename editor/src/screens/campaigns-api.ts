// What the campaign screens read and write (API.md "Segments and campaigns"), each list under one
// react-query key: segments, campaigns, one campaign, the live segment preview, the campaign flows.
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CampaignDetail,
  CampaignEstimate,
  CampaignFlowChoice as CampaignFlow,
  campaignContact,
  SegmentNames,
  SegmentPreview,
  segmentItem,
} from '../../../shared/api/campaigns.ts';
import type { RoomSetItem } from '../../../shared/api/rooms.ts';
import type { CampaignExclusions } from '../../../shared/segments/rules.ts';
import { api } from '../api.ts';
import { type EditableRule, ruleComplete } from './campaigns-rules.ts';
import { useDebounced } from './groups-api.ts';

export type { CampaignDetail, CampaignEstimate, CampaignFlow, SegmentPreview };
export type SegmentItem = z.infer<typeof segmentItem>;
export type CampaignContact = z.infer<typeof campaignContact>;
export type Rules = { match: 'all' | 'any'; rules: EditableRule[] };

export const campaignKeys = {
  list: ['campaigns'] as const,
  one: (id: string) => ['campaigns', id] as const,
  segments: ['segments'] as const,
};

export const useSegments = () =>
  useQuery({ queryKey: campaignKeys.segments, queryFn: () => api<SegmentItem[]>('GET', '/segments') });

/** The goal names and attribute keys the builder offers (typing another stays possible). */
export const useSegmentNames = () =>
  useQuery({
    queryKey: ['segments', 'names'],
    queryFn: () => api<SegmentNames>('GET', '/segments/names'),
    staleTime: 60_000,
  });

export const useCampaigns = () =>
  useQuery({ queryKey: campaignKeys.list, queryFn: () => api<CampaignDetail[]>('GET', '/campaigns') });

export const useCampaign = (id: string, refetchInterval: number | false = false) =>
  useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: () => api<CampaignDetail>('GET', `/campaigns/${id}`),
    enabled: id !== '',
    refetchInterval,
  });

export const useRoomSets = () =>
  useQuery({ queryKey: ['room-sets'], queryFn: () => api<RoomSetItem[]>('GET', '/room-sets') });

/** Only the rules that say all they need: a half-typed row does not empty the count meanwhile. */
export const completeRules = (rules: Rules): Rules => ({
  match: rules.match,
  rules: rules.rules.filter(ruleComplete),
});

/**
 * The count and sample of `rules` with `exclusions`, asked ~300 ms after the last change; the
 * previous answer stays on screen (`isPlaceholderData`) while the next one is counted.
 */
export type PreviewResult = UseQueryResult<SegmentPreview> & { counting: boolean };

export function useSegmentPreview(rules: Rules | null, exclusions?: CampaignExclusions): PreviewResult {
  const body = JSON.stringify(
    rules && { rules: completeRules(rules), ...(exclusions ? { exclusions } : {}) },
  );
  const debounced = useDebounced(body, 300);
  const query = useQuery({
    queryKey: ['segment-preview', debounced],
    queryFn: () => api<SegmentPreview>('POST', '/segments/preview', JSON.parse(debounced)),
    enabled: debounced !== 'null',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  // Counting from the first keystroke: the ~300 ms wait is part of the count's time.
  const counting = body !== 'null' && (body !== debounced || query.isFetching || query.isPlaceholderData);
  return { ...query, counting };
}

/** The published flows that start with the Campaign trigger, with how many of their sends carry variants. */
export function useCampaignFlows(): { flows: CampaignFlow[]; isPending: boolean } {
  const query = useQuery({
    queryKey: ['campaigns', 'flows'],
    queryFn: () => api<CampaignFlow[]>('GET', '/campaigns/flows'),
  });
  return { flows: query.data ?? [], isPending: query.isPending };
}

/** Turns a campaign bucket of the report into the rule value a segment names it by. */
export const BUCKET_RULE = {
  deletedUs: 'deleted_us',
  simpleReply: 'simple_reply',
  intent: 'intent',
  otherReply: 'other_reply',
  noReply: 'no_reply',
} as const;
export type ReportBucket = keyof typeof BUCKET_RULE;
export const REPORT_BUCKETS = Object.keys(BUCKET_RULE) as ReportBucket[];

/** Saves a segment of one campaign bucket's members. */
export const saveBucketSegment = (campaignId: string, bucket: ReportBucket, name: string) =>
  api<SegmentItem>('POST', '/segments', {
    name,
    rules: {
      match: 'all',
      rules: [{ field: `campaign.${campaignId}`, op: 'eq', value: BUCKET_RULE[bucket] }],
    },
  });
