// Carries bus events between processes on PostgreSQL (LISTEN/NOTIFY), so an editor connected to
// one server sees the stats that a worker process moved. One process (PGlite) needs nothing.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Bus, BusEvent } from './bus.ts';
import type { DbHandle } from './db/client.ts';

const CHANNEL = 'wefunnel_bus';

export async function relayBus(handle: DbHandle, bus: Bus): Promise<() => Promise<void>> {
  if (!handle.listen) return async () => {};
  const origin = randomUUID();
  const unlisten = await handle.listen(CHANNEL, (payload) => {
    try {
      const message = JSON.parse(payload) as { origin: string; event: BusEvent };
      if (message.origin !== origin) bus.emit(message.event);
    } catch {
      // Not ours: someone else notified on the channel.
    }
  });
  bus.relay = (event) => {
    void handle.db
      .execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ origin, event })})`)
      .catch(() => {});
  };
  return async () => {
    bus.relay = null;
    await unlisten();
  };
}
