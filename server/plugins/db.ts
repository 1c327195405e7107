// Makes the open database available to every route as `app.db` / `app.dbKind`.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { DbHandle } from '../../runtime/db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: DbHandle['db'];
    dbKind: DbHandle['kind'];
  }
}

export default fp(async function db(app: FastifyInstance, opts: { handle: DbHandle }) {
  app.decorate('db', opts.handle.db);
  app.decorate('dbKind', opts.handle.kind);
});
