// Stats tables as CSV downloads, beside the JSON they mirror: a flow's node stats, a campaign's
// end-report buckets, the inbox KPIs. Every member reads them, like the screens they come from.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUCKET_PARAMS } from '../../shared/api/campaigns.ts';
import { idParams } from '../../shared/api/common.ts';
import { kpisQuery } from '../../shared/api/conversations.ts';
import { statsQuery } from '../../shared/api/flows.ts';
import { ANY_MEMBER } from '../access.ts';
import { campaignOf } from '../campaigns/campaigns.ts';
import { datedName, sendCsv } from '../contacts/export-csv.ts';
import { campaignContactsCsv, flowStatsCsv, inboxKpisCsv } from '../contacts/export-stats.ts';
import { inboxKpis } from '../conversations/kpis.ts';
import * as flows from '../flows/flows.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  app.get(
    '/flows/:id/stats.csv',
    { config: read, schema: { params: idParams, querystring: statsQuery } },
    async (req, reply) => {
      const version = await flows.findVersion(
        app.db,
        authOf(req).workspaceId,
        req.params.id,
        req.query.version,
      );
      return sendCsv(reply, datedName(`flow-stats-v${version.version}`), await flowStatsCsv(app.db, version));
    },
  );
  app.get(
    '/campaigns/:id/contacts.csv',
    {
      config: read,
      schema: { params: idParams, querystring: z.object({ bucket: z.enum(BUCKET_PARAMS).optional() }) },
    },
    async (req, reply) => {
      const campaign = await campaignOf(app.db, authOf(req).workspaceId, req.params.id);
      const buckets = req.query.bucket ? [req.query.bucket] : BUCKET_PARAMS;
      return sendCsv(
        reply,
        datedName('campaign-contacts'),
        campaignContactsCsv(app.db, campaign.id, buckets),
      );
    },
  );
  app.get('/inbox/kpis.csv', { config: read, schema: { querystring: kpisQuery } }, async (req, reply) => {
    const kpis = await inboxKpis(app.db, authOf(req).workspaceId, req.query);
    return sendCsv(reply, `inbox-kpis-${req.query.from}-${req.query.to}.csv`, inboxKpisCsv(kpis));
  });
};

export default routes;
