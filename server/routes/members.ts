// Members of the caller's workspace (owner/admin manage — roles, and who takes conversations — everyone may list).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberCreateBody, memberSchema, memberUpdateBody } from '../../shared/api/auth.ts';
import { idParams } from '../../shared/api/common.ts';
import { ADMINS, ANY_MEMBER } from '../access.ts';
import { addMember, assertMayGrant, listMembers, removeMember, updateMember } from '../auth/members.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/members',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: z.array(memberSchema) } } },
    (req) => listMembers(app.db, authOf(req).workspaceId),
  );

  app.post(
    '/members',
    { config: { access: ADMINS }, schema: { body: memberCreateBody, response: { 201: memberSchema } } },
    async (req, reply) => {
      const auth = authOf(req);
      assertMayGrant(auth.role, req.body.role);
      return reply.code(201).send(await addMember(app.db, auth.workspaceId, req.body));
    },
  );

  app.patch(
    '/members/:id',
    { config: { access: ADMINS }, schema: { params: idParams, body: memberUpdateBody } },
    async (req, reply) => {
      const auth = authOf(req);
      await updateMember(app.db, auth.workspaceId, auth.role, req.params.id, req.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/members/:id',
    { config: { access: ADMINS }, schema: { params: idParams } },
    async (req, reply) => {
      const auth = authOf(req);
      await removeMember(app.db, auth.workspaceId, auth.role, req.params.id);
      return reply.code(204).send();
    },
  );
};

export default routes;
