// Keeps the wizard's draft saved as the marketer goes: the first complete form is POSTed, every
// later change PATCHed (one request at a time, in order), ~600 ms after the last change; then the
// estimate of what was saved is asked.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { type CampaignDetail, type CampaignEstimate, campaignKeys } from './campaigns-api.ts';
import { useDebounced } from './groups-api.ts';

export type DraftState = {
  id: string | null;
  saving: boolean;
  error: unknown;
  estimate: ReturnType<typeof useQuery<CampaignEstimate>>;
  /** Resolves once every change so far is saved, with the draft's id. */
  flush: () => Promise<string | null>;
};

export function useCampaignDraft(
  body: Record<string, unknown> | null,
  existingId: string | null,
): DraftState {
  const queryClient = useQueryClient();
  const [id, setId] = useState<string | null>(existingId);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chain = useRef<Promise<string | null>>(Promise.resolve(existingId));
  const json = useDebounced(body ? JSON.stringify(body) : null, 600);

  useEffect(() => {
    if (existingId) chain.current = Promise.resolve(existingId);
    setId(existingId);
  }, [existingId]);

  useEffect(() => {
    if (!json) return;
    setSaving(true);
    chain.current = chain.current.then(async (current) => {
      try {
        const draft = current
          ? await api<CampaignDetail>('PATCH', `/campaigns/${current}`, JSON.parse(json))
          : await api<CampaignDetail>('POST', '/campaigns', JSON.parse(json));
        setId(draft.id);
        setSaved(json);
        setError(null);
        queryClient.setQueryData(campaignKeys.one(draft.id), draft);
        return draft.id;
      } catch (e) {
        setError(e);
        return current;
      } finally {
        setSaving(false);
      }
    });
  }, [json, queryClient]);

  const estimate = useQuery({
    queryKey: ['campaign-estimate', id, saved],
    queryFn: () => api<CampaignEstimate>('POST', `/campaigns/${id}/estimate`),
    enabled: Boolean(id && saved),
  });
  return {
    id,
    saving: saving || json !== (body ? JSON.stringify(body) : null),
    error,
    estimate,
    flush: () => chain.current,
  };
}
