// Makes the runtime's shared services available to routes: the change bus (live stats) and the clock.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Bus } from '../../runtime/bus.ts';
import { RuntimeClock } from '../../runtime/clock.ts';
import type { Runtime } from '../../runtime/runtime.ts';

export interface Services {
  bus: Bus;
  clock: RuntimeClock;
  /** Null when the server runs without the runtime (`npm run server`). */
  runtime: Runtime | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    bus: Bus;
    clock: RuntimeClock;
    runtime: Runtime | null;
  }
}

export const defaultServices = (): Services => ({ bus: new Bus(), clock: new RuntimeClock(), runtime: null });

export default fp(async function services(app: FastifyInstance, opts: { services: Services }) {
  app.decorate('bus', opts.services.bus);
  app.decorate('clock', opts.services.clock);
  app.decorate('runtime', opts.services.runtime);
});
