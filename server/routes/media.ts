// Images for `send` nodes and copies of what contacts sent (API: "Media"). Builders upload an image
// as the raw body — one file and no form fields, so no multipart parser; Fastify's body limit
// answers 413 past the cap before anything is read into memory for good. Every member views them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../shared/api/common.ts';
import { IMAGE_MAX_BYTES, mediaFile, mediaUploadQuery } from '../../shared/api/media.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import { readMedia, storeUpload } from '../media/media.ts';
import { authOf } from '../plugins/auth.ts';

/** A file's bytes never change under its id: browsers may keep it, but only for this signed-in user. */
const CACHE = 'private, max-age=31536000, immutable';

const routes: FastifyPluginAsyncZod = async (app) => {
  // Only these routes (this plugin's scope) read `image/*` and octet-stream bodies, as bytes.
  app.addContentTypeParser(
    /^(?:image\/[\w.+-]+|application\/octet-stream)\s*(?:;|$)/i,
    { parseAs: 'buffer', bodyLimit: IMAGE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/media',
    {
      config: { access: BUILDERS },
      bodyLimit: IMAGE_MAX_BYTES,
      schema: { querystring: mediaUploadQuery, response: { 201: mediaFile } },
    },
    async (req, reply) =>
      reply.code(201).send(await storeUpload(app.db, authOf(req).workspaceId, req.body, req.query.filename)),
  );

  app.get(
    '/media/:id',
    { config: { access: ANY_MEMBER }, schema: { params: idParams } },
    async (req, reply) => {
      const file = await readMedia(app.db, authOf(req).workspaceId, req.params.id);
      const etag = `"${file.sha256}"`;
      reply.header('cache-control', CACHE).header('etag', etag).header('x-content-type-options', 'nosniff');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(file.mime).send(file.data);
    },
  );
};

export default routes;
