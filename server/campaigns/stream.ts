// A campaign's live progress over SSE: its detail (status and counts) on connect, after each bus
// `campaign` event about it, and every 2 s while connected (sends land one by one between ticks).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openEventStream } from '../routes/event-stream.ts';
import { campaignDetail } from './campaigns.ts';

const POLL_MS = 2_000;
const MIN_GAP_MS = 250;

export function streamCampaign(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  campaign: { id: string; workspaceId: string },
): void {
  let pending: NodeJS.Timeout | null = null;
  let lastSent = 0;
  let last = '';
  const send = async () => {
    pending = null;
    lastSent = Date.now();
    const body = await campaignDetail(app.db, campaign.workspaceId, campaign.id).catch(() => null);
    const text = body ? JSON.stringify(body) : '';
    // The poll repeats nothing unchanged.
    if (body && text !== last) {
      last = text;
      stream.write('campaign', body);
    }
  };
  const soon = () => {
    if (!pending) pending = setTimeout(send, Math.max(0, lastSent + MIN_GAP_MS - Date.now()));
  };
  const unsubscribe = app.bus.subscribe((event) => {
    if (event.kind === 'campaign' && event.campaignId === campaign.id) soon();
  });
  const poll = setInterval(soon, POLL_MS);
  const stream = openEventStream(req, reply, () => {
    unsubscribe();
    clearInterval(poll);
    if (pending) clearTimeout(pending);
  });
  void send();
}
