// Undelivered messages (outbox rows `unknown` or `failed`): everyone sees a contact's, agents and
// up resend or dismiss them. A resend wakes the dispatcher through the bus.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../shared/api/common.ts';
import { outboxActionResult, outboxIdParams, undeliveredList } from '../../shared/api/outbox.ts';
import { AGENTS, ANY_MEMBER } from '../access.ts';
import { listUndelivered, settleUndelivered } from '../outbox/undelivered.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contacts/:id/undelivered',
    { config: { access: ANY_MEMBER }, schema: { params: idParams, response: { 200: undeliveredList } } },
    (req) => listUndelivered(app.db, authOf(req).workspaceId, req.params.id),
  );

  const act = {
    config: { access: AGENTS },
    schema: { params: outboxIdParams, response: { 200: outboxActionResult } },
  };
  app.post('/outbox/:id/resend', act, async (req) => {
    const { id, status, botAccountId } = await settleUndelivered(
      app.db,
      authOf(req).workspaceId,
      req.params.id,
      'queued',
    );
    app.bus.publish({ kind: 'outbox', botAccountId });
    return { id, status };
  });
  app.post('/outbox/:id/dismiss', act, async (req) => {
    const { id, status } = await settleUndelivered(
      app.db,
      authOf(req).workspaceId,
      req.params.id,
      'dismissed',
    );
    return { id, status };
  });
};

export default routes;
