// Contacts and messages (API.md "Contacts and messages"): agents edit, everyone reads.
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
import { AGENTS, ANY_MEMBER } from '../access.ts';
import {
  contactMessages,
  getContact,
  listContacts,
  patchContact,
  searchMessages,
} from '../contacts/contacts.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
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
