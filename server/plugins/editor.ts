// Serves the built editor (editor/dist) at `/`, with the SPA fallback to index.html for client routes.
// The build may still be running when the server starts (npm start builds in parallel), so look lazily.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from '../errors.ts';

const builtIn = fileURLToPath(new URL('../../editor/dist', import.meta.url));

export default fp(async function editor(app: FastifyInstance) {
  // Browser tests and benchmarks serve their own build, so a parallel `npm start` build cannot clash.
  const distDir = process.env.WEFUNNEL_EDITOR_DIR || builtIn;
  mkdirSync(distDir, { recursive: true });
  await app.register(fastifyStatic, { root: distDir, wildcard: false });

  app.setNotFoundHandler((req, reply) => {
    const isPage =
      req.method === 'GET' && !req.url.startsWith('/api') && (req.headers.accept ?? '').includes('text/html');
    if (isPage && existsSync(`${distDir}/index.html`)) return reply.type('text/html').sendFile('index.html');
    if (isPage)
      return reply
        .code(503)
        .type('text/plain')
        .send('The editor is still building (or `npm run build` was not run).');
    const [method, path] = [req.method, req.url.split('?')[0]!];
    return reply.code(404).send(notFound('route', { method, path }, `No route for ${method} ${path}`).body);
  });
});
