// Makes the runtime's shared services available to routes: the change bus (live stats, bot commands)
// and the runtime, when this process runs one.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Bus } from '../../runtime/bus.ts';
import type { Runtime } from '../../runtime/runtime.ts';

export interface Services {
  bus: Bus;
  /** Null when the server runs without the runtime (`npm run server`). */
  runtime: Runtime | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    bus: Bus;
    runtime: Runtime | null;
  }
}

export const defaultServices = (): Services => ({ bus: new Bus(), runtime: null });

export default fp(async function services(app: FastifyInstance, opts: { services: Services }) {
  app.decorate('bus', opts.services.bus);
  app.decorate('runtime', opts.services.runtime);
});
