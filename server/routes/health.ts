// GET /api/health: liveness plus which database driver is in use (no auth).
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import pkg from '../../package.json' with { type: 'json' };
import { healthBody } from '../../shared/api/auth.ts';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { response: { 200: healthBody } } },
    async () => {
      await app.db.execute(sql`select 1`);
      return { ok: true, db: app.dbKind, version: pkg.version };
    },
  );
};
export default health;
