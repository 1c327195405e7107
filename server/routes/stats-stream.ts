// The live stats stream: one `stats` event on connect and after changes of the version, coalesced
// to at most 4 a second, with a heartbeat comment so proxies keep the connection open.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { versionStats } from '../flows/stats.ts';

const MIN_GAP_MS = 250;
const HEARTBEAT_MS = 15_000;

export function streamStats(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  version: { id: string; version: number; graph: unknown },
): void {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let closed = false;
  let pending: NodeJS.Timeout | null = null;
  let lastSent = 0;
  const send = async () => {
    pending = null;
    lastSent = Date.now();
    const body = await versionStats(app.db, version).catch(() => null);
    if (body && !closed) out.write(`event: stats\ndata: ${JSON.stringify(body)}\n\n`);
  };
  const unsubscribe = app.bus.subscribe((event) => {
    if (event.kind !== 'stats' || event.flowVersionId !== version.id || pending) return;
    pending = setTimeout(send, Math.max(0, lastSent + MIN_GAP_MS - Date.now()));
  });
  const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.raw.on('close', () => {
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
  });
  void send();
}
