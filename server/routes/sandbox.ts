// The simulator API (API.md "Sandbox"): drives the real runtime through the sandbox bot account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../shared/api/common.ts';
import {
  clockAdvanceBody,
  clockAdvanced,
  friendRequestBody,
  repliesBody,
  sandboxClock,
  sandboxContact,
  sandboxContactBody,
  sandboxContactList,
  sandboxMessageBody,
  transcriptBody,
} from '../../shared/api/sandbox.ts';
import { contacts } from '../../shared/db/schema.ts';
import { durationMs } from '../../shared/flow/index.ts';
import { AGENTS, ANY_MEMBER } from '../access.ts';
import { findContact } from '../contacts/contacts.ts';
import { authOf } from '../plugins/auth.ts';
import { lastMessageId, repliesSince, sandboxContacts, sandboxOf, transcript } from '../sandbox/sandbox.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sandbox/contacts',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: sandboxContactList } } },
    (req) => sandboxContacts(app.db, authOf(req).workspaceId),
  );
  app.get(
    '/sandbox/clock',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: sandboxClock } } },
    () => ({ now: app.clock.now().toISOString() }),
  );
  app.post(
    '/sandbox/contacts',
    { config: { access: AGENTS }, schema: { body: sandboxContactBody, response: { 201: sandboxContact } } },
    async (req, reply) => {
      const { workspaceId } = authOf(req);
      const { accountId, world } = await sandboxOf(app.db, app.runtime, workspaceId);
      const puppetId = await world.createContact(req.body);
      const [row] = await app.db
        .insert(contacts)
        .values({
          workspaceId,
          botAccountId: accountId,
          puppetId,
          name: req.body.name,
          weixin: req.body.weixin ?? null,
        })
        .returning({ id: contacts.id, name: contacts.name });
      return reply.code(201).send(row!);
    },
  );

  const converse =
    (kind: 'friend' | 'message') => async (contactId: string, workspaceId: string, input: string) => {
      const contact = await findContact(app.db, workspaceId, contactId);
      const { accountId, world } = await sandboxOf(app.db, app.runtime, workspaceId);
      const since = await lastMessageId(app.db, contact.id);
      const count = app.runtime!.receivedCount(accountId);
      if (kind === 'friend') await world.sendFriendRequest(contact.puppetId, input);
      else await world.sendMessage(contact.puppetId, input);
      await app.runtime!.settleAfter(accountId, count);
      return { replies: await repliesSince(app.db, contact.id, since) };
    };

  app.post(
    '/sandbox/contacts/:id/friend-request',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: friendRequestBody, response: { 200: repliesBody } },
    },
    (req) => converse('friend')(req.params.id, authOf(req).workspaceId, req.body.hello),
  );

  app.post(
    '/sandbox/contacts/:id/messages',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: sandboxMessageBody, response: { 200: repliesBody } },
    },
    (req) => converse('message')(req.params.id, authOf(req).workspaceId, req.body.text),
  );

  app.get(
    '/sandbox/contacts/:id/transcript',
    { config: { access: ANY_MEMBER }, schema: { params: idParams, response: { 200: transcriptBody } } },
    async (req) => transcript(app.db, (await findContact(app.db, authOf(req).workspaceId, req.params.id)).id),
  );

  app.post(
    '/sandbox/clock/advance',
    { config: { access: AGENTS }, schema: { body: clockAdvanceBody, response: { 200: clockAdvanced } } },
    async (req) => {
      await sandboxOf(app.db, app.runtime, authOf(req).workspaceId);
      const { now, fired } = await app.runtime!.advanceClock(durationMs(req.body.by)!);
      return { now: now.toISOString(), fired };
    },
  );
};

export default routes;
