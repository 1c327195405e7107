// Insights (API.md "Analytics"): the marketer's to-do list, the contacts behind an item, and the
// bot's quality per flow and per account. Every member reads them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kpisQuery } from '../../shared/api/conversations.ts';
import {
  botQualityBody,
  insightContactsPage,
  insightContactsQuery,
  insightKindParams,
  insightsBody,
} from '../../shared/api/insights.ts';
import { ANY_MEMBER } from '../access.ts';
import { botQuality } from '../analytics/bot-quality.ts';
import { insightContext } from '../insights/context.ts';
import { CONTACT_SOURCES, listInsights } from '../insights/index.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  app.get('/insights', { config: read, schema: { response: { 200: insightsBody } } }, async (req) => ({
    items: await listInsights(await insightContext(app.db, authOf(req).workspaceId)),
  }));
  app.get(
    '/insights/:kind/contacts',
    {
      config: read,
      schema: {
        params: insightKindParams,
        querystring: insightContactsQuery,
        response: { 200: insightContactsPage },
      },
    },
    async (req) =>
      CONTACT_SOURCES[req.params.kind].contacts(
        await insightContext(app.db, authOf(req).workspaceId),
        req.query,
      ),
  );
  app.get(
    '/analytics/bot-quality',
    { config: read, schema: { querystring: kpisQuery, response: { 200: botQualityBody } } },
    (req) => botQuality(app.db, authOf(req).workspaceId, req.query),
  );
};

export default routes;
