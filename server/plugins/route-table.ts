// The API's routes as registered, with their schemas: what a generated API description and the
// route-by-route fuzz test walk. Registered before any route, so it sees them all.
import type { FastifyInstance, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';

export interface ApiRoute {
  method: string;
  url: string;
  schema: FastifySchema;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: readonly ApiRoute[];
  }
}

export default fp(async function routeTable(app: FastifyInstance) {
  const routes: ApiRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, schema: route.schema ?? {} });
  });
});
