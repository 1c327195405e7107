// The `handoff` node's requests (DESIGN "Conversations"): `handoff` opens the contact's conversation
// in the inbox — assigned as the node says, its note rendered against the run, the bot paused — and
// names the run as the one closing it resolves; `handoff_release` (its timeout passed with no human
// reply) gives the contact back to the bot while the conversation stays open for the agents.
import type { ResultEvent } from '../../shared/flow/index.ts';
import { renderTemplate } from '../../shared/flow/index.ts';
import { openConversation, releaseHandoffRun } from '../conversations/actions.ts';
import type { RequestContext } from './requests.ts';

export async function handOff(
  ctx: RequestContext,
  params: { nodeId?: unknown; assign?: unknown; note?: unknown },
): Promise<ResultEvent> {
  const note = typeof params.note === 'string' ? params.note : '';
  const rendered = ctx.run ? renderTemplate(note, ctx.run.context) : note;
  const { conversationId } = await openConversation(
    ctx.tx,
    { id: ctx.contactId, workspaceId: ctx.workspaceId, botAccountId: ctx.botAccountId },
    {
      by: 'handoff',
      at: ctx.now,
      flowId: ctx.flowId,
      nodeId: String(params.nodeId ?? ''),
      runId: ctx.runId,
      assign: params.assign === 'unassigned' ? 'unassigned' : 'round_robin',
      ...(rendered.trim() ? { note: rendered.trim() } : {}),
    },
  );
  ctx.touched?.(conversationId);
  return { type: 'RESULT', ok: true };
}

export async function releaseHandoff(ctx: RequestContext): Promise<ResultEvent> {
  const conversationId = await releaseHandoffRun(ctx.tx, ctx.contactId, ctx.runId, ctx.now);
  if (conversationId) ctx.touched?.(conversationId);
  return { type: 'RESULT', ok: true };
}
