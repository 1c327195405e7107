// After a conversation action committed: the inbox hears of the conversation, editors of the flows
// whose runs it moved hear of their counts, and the account's dispatcher of what was queued.
import type { Bus } from '../bus.ts';
import type { ConversationChange } from './rows.ts';

export function announceConversation(bus: Bus, change: ConversationChange): void {
  bus.publish({
    kind: 'conversation',
    workspaceId: change.workspaceId,
    conversationId: change.conversationId,
  });
  const versions = new Set<string>();
  for (const turn of change.turns) {
    if (versions.has(turn.flowVersionId)) continue;
    versions.add(turn.flowVersionId);
    bus.publish({
      kind: 'stats',
      workspaceId: turn.workspaceId,
      flowId: turn.flowId,
      flowVersionId: turn.flowVersionId,
    });
  }
  if (change.queued > 0) bus.publish({ kind: 'outbox', botAccountId: change.botAccountId });
}
