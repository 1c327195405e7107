// The inbox's live stream: `counts` on connect; then, for the workspace's conversation changes, a
// `conversation` event with each changed item and one fresh `counts` — a burst (a reply and its
// delivery, a round robin over many) coalesced into one push ~100 ms after it starts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openEventStream } from '../routes/event-stream.ts';
import { conversationItemOf, inboxCounts } from './items.ts';

const COALESCE_MS = 100;

export function streamConversations(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  who: { workspaceId: string; userId: string | null },
): void {
  let pending: NodeJS.Timeout | null = null;
  const changed = new Set<string>();
  const counts = async () => stream.write('counts', await inboxCounts(app.db, who.workspaceId, who.userId));
  const flush = async () => {
    pending = null;
    const ids = [...changed];
    changed.clear();
    for (const id of ids) {
      const item = await conversationItemOf(app.db, who.workspaceId, id);
      if (item) stream.write('conversation', item);
    }
    await counts();
  };
  const unsubscribe = app.bus.subscribe((event) => {
    if (event.kind !== 'conversation' || event.workspaceId !== who.workspaceId) return;
    changed.add(event.conversationId);
    pending ??= setTimeout(() => void flush().catch(() => {}), COALESCE_MS);
  });
  const stream = openEventStream(req, reply, () => {
    unsubscribe();
    if (pending) clearTimeout(pending);
  });
  void counts().catch(() => {});
}
