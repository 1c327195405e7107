// Website leads (API.md "Leads"): a website backend posts one (an API key of role marketer+), a
// marketer pastes many; everyone sees them with their status.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  leadBody,
  leadBulkBody,
  leadBulkResult,
  leadCreated,
  leadPage,
  leadsQuery,
} from '../../shared/api/leads.ts';
import { schemaIssueOf } from '../../shared/schema-issues.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import { createLead, listLeads } from '../leads/leads.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/leads',
    { config: { access: BUILDERS }, schema: { body: leadBody, response: { 202: leadCreated } } },
    async (req, reply) =>
      reply.code(202).send(await createLead(app.db, app.bus, authOf(req).workspaceId, req.body)),
  );
  app.post(
    '/leads/bulk',
    { config: { access: BUILDERS }, schema: { body: leadBulkBody, response: { 200: leadBulkResult } } },
    async (req) => {
      const { workspaceId } = authOf(req);
      const results = [];
      for (const [row, raw] of req.body.leads.entries()) {
        const parsed = leadBody.safeParse(raw);
        if (!parsed.success) {
          // Each field's zod issue as data, as a schema 400 gives it: the editor phrases it by code.
          results.push({
            row,
            errors: parsed.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
              ...schemaIssueOf(i, raw),
            })),
          });
          continue;
        }
        results.push({ row, ...(await createLead(app.db, app.bus, workspaceId, parsed.data)) });
      }
      return { results };
    },
  );
  app.get(
    '/leads',
    { config: { access: ANY_MEMBER }, schema: { querystring: leadsQuery, response: { 200: leadPage } } },
    (req) => listLeads(app.db, authOf(req).workspaceId, req.query),
  );
};

export default routes;
