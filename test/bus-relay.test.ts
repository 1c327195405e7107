// Bus events cross processes on PostgreSQL: a worker's stats change reaches another process's bus.
import { expect, it } from 'vitest';
import { Bus, type BusEvent } from '../runtime/bus.ts';
import { relayBus } from '../runtime/bus-relay.ts';
import { describeDb } from './support/db.ts';

describeDb('bus relay', (db, kind) => {
  it(
    kind === 'postgres'
      ? 'delivers an event published in one process to the other'
      : 'stays in-process on PGlite',
    async () => {
      const [worker, server] = [new Bus(), new Bus()];
      const stops = [await relayBus(db(), worker), await relayBus(db(), server)];
      const received: BusEvent[] = [];
      server.subscribe((e) => received.push(e));
      const event: BusEvent = { kind: 'stats', workspaceId: 'w', flowId: 'f', flowVersionId: 'v' };
      worker.publish(event);
      if (kind === 'postgres') {
        await expect.poll(() => received, { timeout: 2000 }).toEqual([event]);
      } else {
        await new Promise((r) => setTimeout(r, 50));
        expect(received).toEqual([]);
      }
      for (const stop of stops) await stop();
    },
  );
});
