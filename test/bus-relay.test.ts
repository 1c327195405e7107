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
      const event: BusEvent = { kind: 'stats', workspaceId: 'w', flowId: 'f', flowVersionId: 'v' };
      if (kind === 'postgres') {
        const arrived = new Promise<BusEvent>((resolve) => server.subscribe(resolve));
        worker.publish(event);
        expect(await arrived).toEqual(event);
      } else {
        // One process: no relay is installed, so an event stays on the bus it was published on.
        expect(worker.relay).toBeNull();
        const local: BusEvent[] = [];
        worker.subscribe((e) => local.push(e));
        worker.publish(event);
        expect(local).toEqual([event]);
      }
      for (const stop of stops) await stop();
    },
  );
});
