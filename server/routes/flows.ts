// Flows (API.md "Flows"): drafts, validation, publishing, pause/resume, versions and stats.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../shared/api/common.ts';
import { experimentsBody, experimentsQuery } from '../../shared/api/experiments.ts';
import {
  dailyStatsBody,
  dailyStatsQuery,
  flowCreateBody,
  flowDetail,
  flowListItem,
  flowUpdateBody,
  publishedBody,
  statsBody,
  statsQuery,
  validationBody,
  versionDetail,
  versionParams,
  versionSummary,
} from '../../shared/api/flows.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import { flowExperiments } from '../flows/experiments.ts';
import * as flows from '../flows/flows.ts';
import { versionStats } from '../flows/stats.ts';
import { dailyStats } from '../flows/stats-daily.ts';
import { authOf } from '../plugins/auth.ts';
import { streamStats } from './stats-stream.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  const write = { access: BUILDERS };
  const ws = (req: Parameters<typeof authOf>[0]) => authOf(req).workspaceId;

  app.get('/flows', { config: read, schema: { response: { 200: z.array(flowListItem) } } }, (req) =>
    flows.listFlows(app.db, ws(req)),
  );
  app.post(
    '/flows',
    { config: write, schema: { body: flowCreateBody, response: { 201: flowDetail } } },
    async (req, reply) => reply.code(201).send(await flows.createFlow(app.db, ws(req), req.body)),
  );
  app.get(
    '/flows/:id',
    { config: read, schema: { params: idParams, response: { 200: flowDetail } } },
    (req) => flows.getFlow(app.db, ws(req), req.params.id),
  );
  app.put(
    '/flows/:id',
    { config: write, schema: { params: idParams, body: flowUpdateBody, response: { 200: flowDetail } } },
    (req) => flows.updateFlow(app.db, ws(req), req.params.id, req.body),
  );
  app.post(
    '/flows/:id/validate',
    { config: read, schema: { params: idParams, response: { 200: validationBody } } },
    (req) => flows.validateFlow(app.db, ws(req), req.params.id),
  );
  app.post(
    '/flows/:id/publish',
    { config: write, schema: { params: idParams, response: { 201: publishedBody } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(await flows.publishFlow(app.db, ws(req), req.params.id, authOf(req).userId ?? null)),
  );
  app.post(
    '/flows/:id/pause',
    { config: write, schema: { params: idParams, response: { 200: flowDetail } } },
    (req) => flows.setPaused(app.db, ws(req), req.params.id, true),
  );
  app.post(
    '/flows/:id/resume',
    { config: write, schema: { params: idParams, response: { 200: flowDetail } } },
    (req) => flows.setPaused(app.db, ws(req), req.params.id, false),
  );
  app.post(
    '/flows/:id/archive',
    { config: write, schema: { params: idParams, response: { 200: flowDetail } } },
    (req) => flows.setArchived(app.db, ws(req), req.params.id, true),
  );
  app.post(
    '/flows/:id/unarchive',
    { config: write, schema: { params: idParams, response: { 200: flowDetail } } },
    (req) => flows.setArchived(app.db, ws(req), req.params.id, false),
  );
  app.get(
    '/flows/:id/versions',
    { config: read, schema: { params: idParams, response: { 200: z.array(versionSummary) } } },
    (req) => flows.listVersions(app.db, ws(req), req.params.id),
  );
  app.get(
    '/flows/:id/versions/:version',
    { config: read, schema: { params: versionParams, response: { 200: versionDetail } } },
    async (req) => {
      const v = await flows.findVersion(app.db, ws(req), req.params.id, req.params.version);
      return { version: v.version, graph: v.graph };
    },
  );
  app.get(
    '/flows/:id/stats',
    { config: read, schema: { params: idParams, querystring: statsQuery, response: { 200: statsBody } } },
    async (req) =>
      versionStats(app.db, await flows.findVersion(app.db, ws(req), req.params.id, req.query.version)),
  );
  app.get(
    '/flows/:id/stats/daily',
    {
      config: read,
      schema: { params: idParams, querystring: dailyStatsQuery, response: { 200: dailyStatsBody } },
    },
    (req) => dailyStats(app.db, ws(req), req.params.id, req.query),
  );
  app.get(
    '/flows/:id/experiments',
    {
      config: read,
      schema: { params: idParams, querystring: experimentsQuery, response: { 200: experimentsBody } },
    },
    (req) => flowExperiments(app.db, ws(req), req.params.id, req.query),
  );
  app.get(
    '/flows/:id/stats/stream',
    { config: read, schema: { params: idParams, querystring: statsQuery } },
    async (req, reply) => {
      const version = await flows.findVersion(app.db, ws(req), req.params.id, req.query.version);
      streamStats(app, req, reply, version);
    },
  );
};

export default routes;
