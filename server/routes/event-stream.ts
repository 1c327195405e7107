// A server-sent events response: headers, a heartbeat comment every 15 s so proxies keep the
// connection open, and `onClose` once the client goes (the stream's subscriptions end there).
import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** Writes one event; nothing once the client has gone. */
  write(event: string, data: unknown): void;
  readonly closed: boolean;
}

export function openEventStream(req: FastifyRequest, reply: FastifyReply, onClose: () => void): EventStream {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const stream = {
    closed: false,
    write(event: string, data: unknown) {
      if (!stream.closed) out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
  };
  const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.raw.on('close', () => {
    stream.closed = true;
    clearInterval(heartbeat);
    onClose();
  });
  return stream;
}
