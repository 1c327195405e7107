// The Channels screen's server state: the channels with their counts, the accounts with their room
// today, and every change a marketer makes to them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelAccount, ChannelItem } from '../../../shared/api/channels.ts';
import type { MediaFile } from '../../../shared/api/media.ts';
import { api } from '../api.ts';

export type { ChannelAccount, ChannelItem };
export type ChannelDraft = Pick<ChannelItem, 'name' | 'kind' | 'tags' | 'spend' | 'botAccountIds'> & {
  slug?: string;
  helloCode?: string | null;
};

const channelsKey = ['channels'] as const;

export const useChannels = () =>
  useQuery({ queryKey: [...channelsKey, 'list'], queryFn: () => api<ChannelItem[]>('GET', '/channels') });

export const useChannelAccounts = () =>
  useQuery({
    queryKey: [...channelsKey, 'accounts'],
    queryFn: () => api<ChannelAccount[]>('GET', '/channels/accounts'),
  });

function useChannelMutation<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: channelsKey }),
  });
}

export const useSaveChannel = (id: string | null) =>
  useChannelMutation((draft: ChannelDraft) =>
    id ? api<ChannelItem>('PATCH', `/channels/${id}`, draft) : api<ChannelItem>('POST', '/channels', draft),
  );

export const useArchiveChannel = (id: string) =>
  useChannelMutation(() => api<ChannelItem>('PATCH', `/channels/${id}`, { archived: true }));

/** Uploads the image, then names it the account's friend QR code. */
export const useUploadFriendQr = (botAccountId: string) =>
  useChannelMutation(async (file: File) => {
    const media = await api<MediaFile>('POST', `/media?filename=${encodeURIComponent(file.name)}`, file);
    return api('PUT', `/channels/accounts/${botAccountId}/qr`, { mediaId: media.id });
  });
