// The public live code (群活码) of a room set, outside /api and without login: `/j/<slug>` shows the
// QR code of the set's group that can take someone now (or a friendly "full, try later"), counting a
// scan per view; `/j/<slug>/qr` serves that QR image. Nothing here is cached: the group changes.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { liveCodePath } from '../../shared/api/rooms.ts';
import { readMedia } from '../media/media.ts';
import { countScan, liveCodeRoomFor } from '../rooms/live-code.ts';
import { LIVE_CODE_CSP, type LiveCodePage, liveCodeHtml, pageLocale } from '../rooms/live-code-page.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{2,39}$/;

const routes: FastifyPluginAsync = async (app) => {
  const page = (reply: FastifyReply, status: number, content: LiveCodePage, accept?: string) =>
    reply
      .code(status)
      .header('content-security-policy', LIVE_CODE_CSP)
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .type('text/html; charset=utf-8')
      .send(liveCodeHtml(content, pageLocale(accept)));

  app.get<{ Params: { slug: string } }>('/j/:slug', { config: { access: 'public' } }, async (req, reply) => {
    const accept = req.headers['accept-language'];
    const slug = req.params.slug;
    const live = SLUG.test(slug) ? await liveCodeRoomFor(app.db, slug) : null;
    if (!live) return page(reply, 404, { kind: 'missing' }, accept);
    // A HEAD (a link preview checking the page) is no scan.
    if (req.method === 'GET') await countScan(app.db, live);
    if (!live.room) return page(reply, 200, { kind: 'full' }, accept);
    const qrUrl = `${liveCodePath(slug)}/qr?g=${live.room.id.slice(0, 8)}`;
    return page(reply, 200, { kind: 'room', topic: live.room.topic, qrUrl }, accept);
  });

  app.get<{ Params: { slug: string } }>(
    '/j/:slug/qr',
    { config: { access: 'public' } },
    async (req, reply) => {
      const live = SLUG.test(req.params.slug) ? await liveCodeRoomFor(app.db, req.params.slug) : null;
      if (!live?.room) return reply.code(404).header('cache-control', 'no-store').send();
      const file = await readMedia(app.db, live.set.workspaceId, live.room.qrMediaId);
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .type(file.mime)
        .send(file.data);
    },
  );
};

export default routes;
