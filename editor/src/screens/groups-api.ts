// The Groups screens' server state: group pages, one group with its ranked members, its chat and
// lurkers, the room sets with their live codes, and every change a marketer makes to them.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  ActivityGrade,
  LiveCodeStats,
  Lurker,
  RoomDetail,
  RoomItem,
  RoomMember,
  RoomMessage,
  RoomSetItem,
} from '../../../shared/api/rooms.ts';
import type { WorkspaceBody } from '../../../shared/api/workspace.ts';
import { api } from '../api.ts';

export type { Lurker, RoomDetail, RoomItem, RoomMember, RoomMessage, RoomSetItem };
export type MemberSort = 'messages30d' | 'joinedAt' | 'lastMessageAt';
export interface MemberFilters {
  grade: ActivityGrade | '';
  admin: boolean;
  left: boolean;
  q: string;
  sort: MemberSort;
}

export const roomsKey = ['rooms'] as const;
export const roomSetsKey = ['room-sets'] as const;
const PAGE = 50;

export function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function useRoomPages(filters: { q: string; roomSet: string }) {
  const pages = useInfiniteQuery({
    queryKey: [...roomsKey, 'list', filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (filters.q) params.set('q', filters.q);
      if (filters.roomSet) params.set('roomSet', filters.roomSet);
      if (pageParam) params.set('cursor', pageParam);
      return api<{ items: RoomItem[]; nextCursor: string | null }>('GET', `/rooms?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** The group itself (its members come page by page from `useRoomMembers`). */
export const useRoom = (id: string) =>
  useQuery({ queryKey: [...roomsKey, id], queryFn: () => api<RoomDetail>('GET', `/rooms/${id}?limit=1`) });

export function useRoomMembers(id: string, filters: MemberFilters) {
  const pages = useInfiniteQuery({
    queryKey: [...roomsKey, id, 'members', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({
        limit: String(PAGE),
        offset: String(pageParam),
        sort: filters.sort,
      });
      if (filters.grade) params.set('grade', filters.grade);
      if (filters.admin) params.set('admin', 'true');
      if (filters.left) params.set('left', 'true');
      if (filters.q) params.set('q', filters.q);
      return api<{ items: RoomMember[]; total: number }>('GET', `/rooms/${id}/members?${params}`);
    },
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: (previous) => previous,
  });
  return {
    ...pages,
    items: pages.data?.pages.flatMap((p) => p.items) ?? [],
    total: pages.data?.pages[0]?.total ?? 0,
  };
}

export function useRoomChat(id: string, q: string) {
  const pages = useInfiniteQuery({
    queryKey: [...roomsKey, id, 'chat', q],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (q) params.set('q', q);
      if (pageParam) params.set('before', String(pageParam));
      return api<RoomMessage[]>('GET', `/rooms/${id}/messages?${params}`);
    },
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]!.id : undefined),
  });
  return { ...pages, items: pages.data?.pages.flat() ?? [] };
}

export const useLurkers = (id: string, silentFor: string) =>
  useQuery({
    queryKey: [...roomsKey, id, 'lurkers', silentFor],
    queryFn: () =>
      api<{ items: Lurker[]; silentFor: string }>('GET', `/rooms/${id}/lurkers?silentFor=${silentFor}`),
  });

export const useRoomSets = () =>
  useQuery({ queryKey: roomSetsKey, queryFn: () => api<RoomSetItem[]>('GET', '/room-sets') });

export const useLiveCodeStats = (name: string, days: number) =>
  useQuery({
    queryKey: [...roomSetsKey, name, 'stats', days],
    queryFn: () =>
      api<LiveCodeStats>('GET', `/room-sets/${encodeURIComponent(name)}/live-code/stats?days=${days}`),
  });

/** A change to groups or sets: everything about groups and sets is read again afterwards. */
function useGroupsMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: roomsKey });
      queryClient.invalidateQueries({ queryKey: roomSetsKey });
    },
  });
}

export const usePatchRoom = (id: string) =>
  useGroupsMutation((patch: { roomSet?: string | null; capacity?: number | null; open?: boolean }) =>
    api<RoomItem>('PATCH', `/rooms/${id}`, patch),
  );

export const useSetMemberAdmin = (id: string) =>
  useGroupsMutation((args: { contactId: string; isAdmin: boolean }) =>
    api<RoomMember>('PATCH', `/rooms/${id}/members/${args.contactId}`, { isAdmin: args.isAdmin }),
  );

export const useCleanup = (id: string) =>
  useGroupsMutation((contactIds: string[]) =>
    api<{ queued: number }>('POST', `/rooms/${id}/cleanup`, { contactIds }),
  );

export const useUploadQr = (id: string) =>
  useGroupsMutation((args: { file: Blob; expiresAt?: string }) =>
    api<{ url: string; expiresAt: string }>(
      'PUT',
      `/rooms/${id}/qr${args.expiresAt ? `?expiresAt=${encodeURIComponent(args.expiresAt)}` : ''}`,
      args.file,
    ),
  );

const setPath = (name: string) => `/room-sets/${encodeURIComponent(name)}`;

export const useCreateRoomSet = () =>
  useGroupsMutation((body: { name: string; capacity: number }) =>
    api<RoomSetItem>('POST', '/room-sets', body),
  );

export const usePatchRoomSet = (name: string) =>
  useGroupsMutation((patch: { name?: string; capacity?: number }) =>
    api<RoomSetItem>('PATCH', setPath(name), patch),
  );

export const useDeleteRoomSet = (name: string) => useGroupsMutation(() => api<void>('DELETE', setPath(name)));

export const useSetLiveCode = (name: string) =>
  useGroupsMutation((body: { slug: string; tags: string[] }) =>
    api<RoomSetItem>('PUT', `${setPath(name)}/live-code`, body),
  );

export const useClearLiveCode = (name: string) =>
  useGroupsMutation(() => api<RoomSetItem>('DELETE', `${setPath(name)}/live-code`));

export const useWorkspace = () =>
  useQuery({ queryKey: ['workspace'], queryFn: () => api<WorkspaceBody>('GET', '/workspace') });

export function usePatchActivityGrades() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activityGrades: WorkspaceBody['activityGrades']) =>
      api<WorkspaceBody>('PATCH', '/workspace', { activityGrades }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(['workspace'], workspace);
      queryClient.invalidateQueries({ queryKey: roomsKey });
    },
  });
}
