// Server state of the simulator's group tab: the sandbox account's groups, one group's chat and
// members, and what a sandbox contact does in a group (join by QR code, leave, speak, accept the bot's
// invitation) — each followed by a refresh of the groups (the Groups screens' too), the contact and
// its private chat, since a group event may move the contact's run or make the bot write in private.
// The groups change without the simulator too (the bot adds a contact through its outbox), so the
// open tab reads them again every few seconds.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  inviteAccepted,
  RoomItem,
  RoomMember,
  RoomMessage,
  roomRepliesBody,
  sandboxRoomCreated,
} from '../../../../shared/api/rooms.ts';
import { api } from '../../api.ts';
import { useSandboxAccountId } from '../../screens/leads-api.ts';
import { undeliveredKey } from '../../screens/undelivered-api.ts';

export type { RoomItem, RoomMember, RoomMessage };
export type RoomReplies = z.infer<typeof roomRepliesBody>;
type Accepted = z.infer<typeof inviteAccepted>;

/** Under the Groups screens' `['rooms']`, so a change made there or here refreshes both. */
const roomsKey = ['rooms'] as const;
const sandboxRoomsKey = [...roomsKey, 'sandbox'] as const;
const chatKey = (roomId: string) => [...roomsKey, roomId, 'sim-chat'] as const;
const membersKey = (roomId: string) => [...roomsKey, roomId, 'sim-members'] as const;
const roomSetsKey = ['room-sets'] as const;
// The simulator's own keys (sandboxApi.ts): the contact, its private chat, the contact list.
const contactKey = (contactId: string) => ['contacts', contactId] as const;
const transcriptKey = (contactId: string) => ['sandbox', 'transcript', contactId] as const;
const contactsKey = ['sandbox', 'contacts'] as const;

const POLL_MS = 3000;
/** A sandbox has a few groups; the first page of the workspace's groups holds them. */
const ROOMS_PAGE = 200;
/** Sandbox groups are small: one page of members says who is in. */
const MEMBERS_PAGE = 500;

/** The groups of the workspace's sandbox account (undefined while that is not known), by topic. */
export function useSandboxRooms() {
  const accountId = useSandboxAccountId();
  const rooms = useQuery({
    queryKey: sandboxRoomsKey,
    queryFn: () => api<{ items: RoomItem[]; nextCursor: string | null }>('GET', `/rooms?limit=${ROOMS_PAGE}`),
    refetchInterval: POLL_MS,
  });
  const items =
    rooms.data && accountId
      ? rooms.data.items
          .filter((room) => room.botAccountId === accountId)
          .sort((a, b) => a.topic.localeCompare(b.topic))
      : undefined;
  return { ...rooms, items };
}

/** The group's chat, oldest first (the API answers newest first): the latest 100 lines. */
export const useRoomChat = (roomId: string) =>
  useQuery({
    queryKey: chatKey(roomId),
    queryFn: () => api<RoomMessage[]>('GET', `/rooms/${roomId}/messages?limit=100`),
    select: (lines) => [...lines].reverse(),
    refetchInterval: POLL_MS,
    retry: false,
  });

/** Who is in the group now (members who left are not listed), the latest to join first. */
export const useRoomMembers = (roomId: string) =>
  useQuery({
    queryKey: membersKey(roomId),
    queryFn: () =>
      api<{ items: RoomMember[]; total: number }>(
        'GET',
        `/rooms/${roomId}/members?sort=joinedAt&limit=${MEMBERS_PAGE}`,
      ),
    refetchInterval: POLL_MS,
    retry: false,
  });

/** What the selected sandbox contact does in the sandbox's groups. */
export function useRoomActions(contactId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(
      [
        roomsKey,
        roomSetsKey,
        contactKey(contactId),
        transcriptKey(contactId),
        contactsKey,
        undeliveredKey(contactId),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  const move = (kind: 'join' | 'leave') => ({
    mutationFn: (roomId: string) =>
      api<RoomReplies>('POST', `/sandbox/rooms/${roomId}/${kind}`, { contactId }),
    onSettled: refresh,
  });

  const create = useMutation({
    mutationFn: (topic: string) =>
      api<z.infer<typeof sandboxRoomCreated>>('POST', '/sandbox/rooms', { topic, members: [] }),
    onSettled: refresh,
  });
  const join = useMutation(move('join'));
  const leave = useMutation(move('leave'));
  const say = useMutation({
    mutationFn: (args: { roomId: string; text: string; mentionsBot: boolean }) =>
      api<RoomReplies>('POST', `/sandbox/rooms/${args.roomId}/messages`, {
        contactId,
        text: args.text,
        mentionsBot: args.mentionsBot,
      }),
    onSettled: refresh,
  });
  /** The bot's latest invitation to the contact, to whichever group it is. */
  const acceptInvite = useMutation({
    mutationFn: () => api<Accepted>('POST', `/sandbox/contacts/${contactId}/accept-invite`, {}),
    onSettled: refresh,
  });
  return { create, join, leave, say, acceptInvite };
}
