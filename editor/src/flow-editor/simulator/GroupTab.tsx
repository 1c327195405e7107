// The simulator's group tab: the selected test contact in the sandbox's groups. Pick a group (or
// create one), see who is in it and how full it is, join it by QR code or leave it, accept the bot's
// invitation, and speak in it (@-mentioning the bot or not) — through the real runtime, so group
// triggers, welcomes and the contact's `invite_room` wait answer as they would in WeChat.
import { useState } from 'react';
import { RoomControls } from './GroupControls.tsx';
import { RoomPicker } from './GroupPicker.tsx';
import type { Done, Outcome } from './group-outcome.ts';
import { type RoomReplies, useRoomActions, useSandboxRooms } from './rooms-api.ts';
import { type SimContact, useTranscript } from './sandboxApi.ts';

export function GroupTab(props: {
  contact: SimContact;
  /** The group the tester picked (kept across contacts); null: none yet. */
  pickedRoomId: string | null;
  onPickRoom: (roomId: string) => void;
  onShowChat: () => void;
}) {
  const { contact, pickedRoomId, onPickRoom } = props;
  const rooms = useSandboxRooms();
  const transcript = useTranscript(contact.id);
  const actions = useRoomActions(contact.id);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const items = rooms.items ?? [];
  // The picked group, else the one the contact last heard from, else the first.
  const lastHeard = transcript.data?.findLast((m) => m.roomId)?.roomId;
  const room =
    items.find((r) => r.id === pickedRoomId) ?? items.find((r) => r.id === lastHeard) ?? items[0] ?? null;

  const done: Done = {
    begin: () => setOutcome(null),
    onSuccess: ({ replies }: RoomReplies) => {
      const privately = replies.filter((r) => !r.roomId).length;
      setOutcome(privately ? { privately } : null);
    },
    onError: (error: unknown) => setOutcome({ error }),
  };

  return (
    <>
      <RoomPicker
        rooms={rooms.items}
        room={room}
        error={rooms.error}
        create={actions.create}
        onPick={(id) => {
          setOutcome(null);
          onPickRoom(id);
        }}
      />
      <RoomControls
        key={room?.id ?? ''}
        contact={contact}
        room={room}
        actions={actions}
        outcome={outcome}
        done={done}
        onAccepted={(roomId) => onPickRoom(roomId)}
        onShowChat={props.onShowChat}
      />
    </>
  );
}
