// The live stats stream: one `stats` event on connect and after changes of the version, coalesced
// to at most 4 a second.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { versionStats } from '../flows/stats.ts';
import { openEventStream } from './event-stream.ts';

const MIN_GAP_MS = 250;

export function streamStats(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  version: { id: string; version: number; graph: unknown },
): void {
  let pending: NodeJS.Timeout | null = null;
  let lastSent = 0;
  const send = async () => {
    pending = null;
    lastSent = Date.now();
    const body = await versionStats(app.db, version).catch(() => null);
    if (body) stream.write('stats', body);
  };
  const unsubscribe = app.bus.subscribe((event) => {
    if (event.kind !== 'stats' || event.flowVersionId !== version.id || pending) return;
    pending = setTimeout(send, Math.max(0, lastSent + MIN_GAP_MS - Date.now()));
  });
  const stream = openEventStream(req, reply, () => {
    unsubscribe();
    if (pending) clearTimeout(pending);
  });
  void send();
}
