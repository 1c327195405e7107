// Campaigns (API.md "Segments and campaigns"): builders make drafts, estimate, launch, pause, resume
// and cancel them; every member watches their progress (SSE) and reads the end report's buckets.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ControlAction, controlCampaign } from '../../runtime/campaigns/control.ts';
import { estimateCampaign } from '../../runtime/campaigns/estimate.ts';
import { campaignFlows } from '../../runtime/campaigns/flow.ts';
import {
  campaignBody,
  campaignContact,
  campaignContactsQuery,
  campaignDetail as campaignDetailSchema,
  campaignEstimate,
  campaignFlowChoice,
} from '../../shared/api/campaigns.ts';
import { idParams } from '../../shared/api/common.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import {
  campaignDetail,
  campaignOf,
  createCampaign,
  deleteCampaign,
  listCampaigns,
  updateCampaign,
} from '../campaigns/campaigns.ts';
import { campaignContacts } from '../campaigns/contacts.ts';
import { streamCampaign } from '../campaigns/stream.ts';
import { HttpError, notFound } from '../errors.ts';
import { authOf } from '../plugins/auth.ts';

const CONTROLS: ControlAction[] = ['launch', 'pause', 'resume', 'cancel'];

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  const write = { access: BUILDERS };
  app.get(
    '/campaigns',
    { config: read, schema: { response: { 200: z.array(campaignDetailSchema) } } },
    (req) => listCampaigns(app.db, authOf(req).workspaceId),
  );
  app.get(
    '/campaigns/flows',
    { config: read, schema: { response: { 200: z.array(campaignFlowChoice) } } },
    (req) => campaignFlows(app.db, authOf(req).workspaceId),
  );
  app.post(
    '/campaigns',
    { config: write, schema: { body: campaignBody, response: { 201: campaignDetailSchema } } },
    async (req, reply) => {
      const { workspaceId, userId } = authOf(req);
      return reply.code(201).send(await createCampaign(app.db, workspaceId, userId, req.body));
    },
  );
  app.get(
    '/campaigns/:id',
    { config: read, schema: { params: idParams, response: { 200: campaignDetailSchema } } },
    (req) => campaignDetail(app.db, authOf(req).workspaceId, req.params.id),
  );
  app.patch(
    '/campaigns/:id',
    {
      config: write,
      schema: { params: idParams, body: campaignBody, response: { 200: campaignDetailSchema } },
    },
    (req) => updateCampaign(app.db, authOf(req).workspaceId, req.params.id, req.body),
  );
  app.delete('/campaigns/:id', { config: write, schema: { params: idParams } }, async (req, reply) => {
    await deleteCampaign(app.db, authOf(req).workspaceId, req.params.id);
    return reply.code(204).send();
  });
  app.post(
    '/campaigns/:id/estimate',
    { config: write, schema: { params: idParams, response: { 200: campaignEstimate } } },
    async (req) =>
      estimateCampaign(app.db, await campaignOf(app.db, authOf(req).workspaceId, req.params.id), new Date()),
  );
  for (const action of CONTROLS)
    app.post(
      `/campaigns/:id/${action}`,
      {
        config: write,
        schema: { params: idParams, response: { [action === 'launch' ? 202 : 200]: campaignDetailSchema } },
      },
      async (req, reply) => {
        const { workspaceId } = authOf(req);
        const done = await controlCampaign(app.db, workspaceId, req.params.id, action, new Date());
        if (!done) throw notFound('campaign');
        if (!done.ok)
          throw new HttpError('campaign_status', `A ${done.status} campaign cannot ${action}`, {
            status: done.status,
            action,
          });
        app.bus.publish({ kind: 'campaign', workspaceId, campaignId: req.params.id });
        return reply
          .code(action === 'launch' ? 202 : 200)
          .send(await campaignDetail(app.db, workspaceId, req.params.id));
      },
    );
  app.get('/campaigns/:id/stream', { config: read, schema: { params: idParams } }, async (req, reply) => {
    const campaign = await campaignOf(app.db, authOf(req).workspaceId, req.params.id);
    streamCampaign(app, req, reply, campaign);
  });
  app.get(
    '/campaigns/:id/contacts',
    {
      config: read,
      schema: {
        params: idParams,
        querystring: campaignContactsQuery,
        response: { 200: z.object({ items: z.array(campaignContact), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const campaign = await campaignOf(app.db, authOf(req).workspaceId, req.params.id);
      return campaignContacts(app.db, campaign.id, req.query);
    },
  );
};

export default routes;
