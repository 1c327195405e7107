// Server state of undelivered messages (outbox rows left `unknown` after a crash, or `failed`): a
// contact's list, and resend / dismiss, after which the list, the transcript and the bots' counts
// refresh.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { outboxActionResult, UndeliveredItem } from '../../../shared/api/outbox.ts';
import { ApiError, api } from '../api.ts';

export type { UndeliveredItem };

export const undeliveredKey = (contactId: string) => ['undelivered', contactId] as const;

export const useUndelivered = (contactId: string) =>
  useQuery({
    queryKey: undeliveredKey(contactId),
    queryFn: () => api<UndeliveredItem[]>('GET', `/contacts/${contactId}/undelivered`),
    retry: false,
  });

export function useSettleUndelivered(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'resend' | 'dismiss' }) =>
      api<z.infer<typeof outboxActionResult>>('POST', `/outbox/${id}/${action}`),
    // Done, or done already (409: resent, sent or dismissed meanwhile): either way it leaves the list.
    onSettled: (_result, error, { id }) => {
      if (!error || (error instanceof ApiError && error.status === 409))
        queryClient.setQueryData<UndeliveredItem[]>(undeliveredKey(contactId), (old) =>
          old?.filter((item) => item.id !== id),
        );
      void queryClient.invalidateQueries({ queryKey: undeliveredKey(contactId) });
      void queryClient.invalidateQueries({ queryKey: ['contact', contactId, 'messages'] });
      void queryClient.invalidateQueries({ queryKey: ['sandbox', 'transcript', contactId] });
      void queryClient.invalidateQueries({ queryKey: ['bots'] });
    },
  });
}
