// Contacts and messages (API.md "Contacts and messages"): agents edit and import, everyone reads and
// exports. An import is the CSV file as the raw body (one file, no form fields: no multipart parser).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../shared/api/common.ts';
import {
  contactDetail,
  contactPage,
  contactPatchBody,
  contactsQuery,
  messageSchema,
  messagesQuery,
  searchQuery,
} from '../../shared/api/contacts.ts';
import {
  contactsExportQuery,
  contactsImportQuery,
  contactsImportResult,
  IMPORT_MAX_BYTES,
} from '../../shared/api/contacts-csv.ts';
import { AGENTS, ANY_MEMBER } from '../access.ts';
import {
  contactMessages,
  getContact,
  listContacts,
  patchContact,
  searchMessages,
} from '../contacts/contacts.ts';
import { exportContacts } from '../contacts/export.ts';
import { datedName, sendCsv } from '../contacts/export-csv.ts';
import { csvBody, importContacts } from '../contacts/import.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  // Only this plugin's routes read CSV bodies (Windows browsers call a .csv file application/vnd.ms-excel).
  app.addContentTypeParser(
    /^(?:text\/(?:csv|plain)|application\/(?:csv|vnd\.ms-excel|octet-stream))\s*(?:;|$)/i,
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.get(
    '/contacts/export.csv',
    { config: read, schema: { querystring: contactsExportQuery } },
    async (req, reply) =>
      sendCsv(reply, datedName('contacts'), await exportContacts(app.db, authOf(req).workspaceId, req.query)),
  );
  app.post(
    '/contacts/import',
    {
      config: { access: AGENTS },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: { querystring: contactsImportQuery, response: { 200: contactsImportResult } },
    },
    (req) =>
      importContacts(app.db, authOf(req).workspaceId, csvBody(req.body), {
        ...req.query,
        dryRun: req.query.dryRun === '1' || req.query.dryRun === 'true',
      }),
  );
  app.get(
    '/contacts',
    { config: read, schema: { querystring: contactsQuery, response: { 200: contactPage } } },
    (req) => listContacts(app.db, authOf(req).workspaceId, req.query),
  );
  app.get(
    '/contacts/:id',
    { config: read, schema: { params: idParams, response: { 200: contactDetail } } },
    (req) => getContact(app.db, authOf(req).workspaceId, req.params.id),
  );
  app.patch(
    '/contacts/:id',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: contactPatchBody, response: { 200: contactDetail } },
    },
    (req) =>
      patchContact(app.db, authOf(req).workspaceId, req.params.id, req.body, {
        actorId: authOf(req).userId ?? null,
        bus: app.bus,
      }),
  );
  app.get(
    '/contacts/:id/messages',
    {
      config: read,
      schema: { params: idParams, querystring: messagesQuery, response: { 200: z.array(messageSchema) } },
    },
    (req) => contactMessages(app.db, authOf(req).workspaceId, req.params.id, req.query),
  );
  app.get(
    '/messages',
    { config: read, schema: { querystring: searchQuery, response: { 200: z.array(messageSchema) } } },
    (req) => searchMessages(app.db, authOf(req).workspaceId, req.query.q, req.query.limit),
  );
};

export default routes;
