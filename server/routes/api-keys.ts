// API keys of the caller's workspace (owner/admin); the key itself is returned once, on creation.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeyCreateBody, apiKeyCreated, apiKeySchema } from '../../shared/api/auth.ts';
import { idParams } from '../../shared/api/common.ts';
import { ADMINS } from '../access.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.ts';
import { assertMayGrant } from '../auth/members.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api-keys',
    { config: { access: ADMINS }, schema: { response: { 200: z.array(apiKeySchema) } } },
    (req) => listApiKeys(app.db, authOf(req).workspaceId),
  );

  app.post(
    '/api-keys',
    { config: { access: ADMINS }, schema: { body: apiKeyCreateBody, response: { 201: apiKeyCreated } } },
    async (req, reply) => {
      const auth = authOf(req);
      assertMayGrant(auth.role, req.body.role);
      // A key made with a key belongs to that key's creator, and dies with their membership too.
      const creator = auth.via === 'session' ? auth.userId : auth.createdBy;
      return reply.code(201).send(await createApiKey(app.db, auth.workspaceId, req.body, creator));
    },
  );

  app.delete(
    '/api-keys/:id',
    { config: { access: ADMINS }, schema: { params: idParams } },
    async (req, reply) => {
      await revokeApiKey(app.db, authOf(req).workspaceId, req.params.id);
      return reply.code(204).send();
    },
  );
};

export default routes;
