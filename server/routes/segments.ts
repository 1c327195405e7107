// Segments (API.md "Segments and campaigns"): everyone previews and reads; marketers and up save
// and delete. The rules are the condition language; a field only a run knows is a 400.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { previewSegment } from '../../runtime/segments/preview.ts';
import {
  segmentBody,
  segmentItem,
  segmentNames as segmentNamesSchema,
  segmentPreview,
  segmentPreviewBody,
} from '../../shared/api/campaigns.ts';
import { idParams } from '../../shared/api/common.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import { authOf } from '../plugins/auth.ts';
import { segmentNames } from '../segments/names.ts';
import { createSegment, deleteSegment, listSegments } from '../segments/segments.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  const edit = { access: BUILDERS };

  app.post(
    '/segments/preview',
    { config: read, schema: { body: segmentPreviewBody, response: { 200: segmentPreview } } },
    (req) => previewSegment(app.db, authOf(req).workspaceId, req.body, new Date()),
  );
  app.get('/segments/names', { config: read, schema: { response: { 200: segmentNamesSchema } } }, (req) =>
    segmentNames(app.db, authOf(req).workspaceId),
  );
  app.get('/segments', { config: read, schema: { response: { 200: z.array(segmentItem) } } }, (req) =>
    listSegments(app.db, authOf(req).workspaceId),
  );
  app.post(
    '/segments',
    { config: edit, schema: { body: segmentBody, response: { 201: segmentItem } } },
    async (req, reply) =>
      reply.code(201).send(await createSegment(app.db, authOf(req).workspaceId, req.body)),
  );
  app.delete('/segments/:id', { config: edit, schema: { params: idParams } }, async (req, reply) => {
    await deleteSegment(app.db, authOf(req).workspaceId, req.params.id);
    return reply.code(204).send();
  });
};

export default routes;
