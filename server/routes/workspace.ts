// Workspace settings (beyond API.md's first wave): everyone reads them, owners and admins change them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceBody, workspacePatchBody } from '../../shared/api/workspace.ts';
import { ADMINS, ANY_MEMBER } from '../access.ts';
import { authOf } from '../plugins/auth.ts';
import { getWorkspace, patchWorkspace } from '../workspace/workspace.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workspace',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: workspaceBody } } },
    (req) => getWorkspace(app.db, authOf(req).workspaceId),
  );
  app.patch(
    '/workspace',
    { config: { access: ADMINS }, schema: { body: workspacePatchBody, response: { 200: workspaceBody } } },
    (req) => patchWorkspace(app.db, authOf(req).workspaceId, req.body),
  );
};

export default routes;
