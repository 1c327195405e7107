// What the group tab's parts share about an action: the room actions, what the last one left to say,
// and the callbacks that record it.
import type { RoomReplies, useRoomActions } from './rooms-api.ts';

export type Actions = ReturnType<typeof useRoomActions>;
/** What the last action left to say: its error, or how many lines the bot wrote in private. */
export type Outcome = { error: unknown } | { privately: number } | null;
/** An action's start (the last outcome goes) and its end. */
export type Done = {
  begin: () => void;
  onSuccess: (body: RoomReplies) => void;
  onError: (error: unknown) => void;
};
