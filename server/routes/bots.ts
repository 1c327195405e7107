// Bot accounts (API.md "Bot accounts"): owners and admins manage them, everyone may look.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { botCreateBody, botSchema, botUpdateBody } from '../../shared/api/bots.ts';
import { idParams } from '../../shared/api/common.ts';
import { ADMINS, ANY_MEMBER } from '../access.ts';
import { createBot, listBots, updateBot } from '../bots/bots.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod<{ secret: string }> = async (app, opts) => {
  app.get(
    '/bots',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: z.array(botSchema) } } },
    (req) => listBots(app.db, authOf(req).workspaceId),
  );

  app.post(
    '/bots',
    { config: { access: ADMINS }, schema: { body: botCreateBody, response: { 201: botSchema } } },
    async (req, reply) =>
      reply.code(201).send(await createBot(app.db, authOf(req).workspaceId, opts.secret, req.body)),
  );

  app.patch(
    '/bots/:id',
    {
      config: { access: ADMINS },
      schema: { params: idParams, body: botUpdateBody, response: { 200: botSchema } },
    },
    (req) => updateBot(app.db, authOf(req).workspaceId, req.params.id, req.body),
  );

  for (const [action, desired] of [
    ['start', 'running'],
    ['stop', 'stopped'],
  ] as const) {
    app.post(
      `/bots/:id/${action}`,
      { config: { access: ADMINS }, schema: { params: idParams, response: { 200: botSchema } } },
      async (req) => {
        const bot = await updateBot(app.db, authOf(req).workspaceId, req.params.id, { desired });
        void app.runtime?.tick();
        return bot;
      },
    );
  }
};

export default routes;
