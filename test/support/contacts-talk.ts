// A sandbox account's contacts talking to the router, as runtime suites script them: a message, and a
// friend request confirmed at once.
import type { Db } from '../../runtime/db/client.ts';
import { type BotAccountRef, handleInbound } from '../../runtime/router/inbound.ts';

export function contactsTalk(db: () => Db, account: () => BotAccountRef) {
  let seq = 0;
  const say = (puppetId: string, text: string, at: Date) =>
    handleInbound(
      db(),
      account(),
      {
        kind: 'message',
        messageId: `m${++seq}`,
        contact: { puppetId, name: puppetId },
        text,
        self: false,
        at,
      },
      at,
    );
  /** Answers the contact's id. */
  const befriend = async (puppetId: string, at: Date) => {
    const contact = { puppetId, name: puppetId };
    const request = { kind: 'friend_request' as const, requestId: `r-${puppetId}`, contact, hello: '', at };
    await handleInbound(db(), account(), request, at);
    return (await handleInbound(db(), account(), { kind: 'friend_confirm', contact, at }, at)).contactId!;
  };
  return { say, befriend };
}
