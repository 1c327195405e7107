// The simulator API (API.md "Sandbox", and "Groups" for its groups): drives the real runtime through
// the workspace's sandbox bot account, wherever its lease holder runs (this process or a worker), on
// the workspace's own clock.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../shared/api/common.ts';
import { sandboxLeadAccepted } from '../../shared/api/leads.ts';
import {
  acceptInviteBody,
  inviteAccepted,
  roomRepliesBody,
  sandboxRoomBody,
  sandboxRoomCreated,
  sandboxRoomMemberBody,
  sandboxRoomMessageBody,
} from '../../shared/api/rooms.ts';
import {
  clockAdvanceBody,
  clockAdvanced,
  friendRequestBody,
  repliesBody,
  sandboxBulkBody,
  sandboxBulkCreated,
  sandboxClock,
  sandboxContact,
  sandboxContactBody,
  sandboxContactList,
  sandboxDeletedUs,
  sandboxMessageBody,
  sandboxResetBody,
  sandboxResetResult,
  transcriptBody,
} from '../../shared/api/sandbox.ts';
import { durationMs } from '../../shared/flow/index.ts';
import { AGENTS, ANY_MEMBER, BUILDERS } from '../access.ts';
import { authOf } from '../plugins/auth.ts';
import { createBulkContacts, sandboxDeleteUs } from '../sandbox/bulk.ts';
import { acceptSandboxInvite, createSandboxRoom, moveInRoom } from '../sandbox/rooms.ts';
import {
  acceptSandboxLead,
  converse,
  createSandboxContact,
  sandboxContact as findSandboxContact,
  resetSandboxContact,
  sandboxAccount,
  sandboxCommand,
  sandboxContacts,
  sandboxNow,
  transcript,
} from '../sandbox/sandbox.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const account = (req: FastifyRequest) => sandboxAccount(app.db, authOf(req).workspaceId);

  app.get(
    '/sandbox/contacts',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: sandboxContactList } } },
    (req) => sandboxContacts(app.db, authOf(req).workspaceId),
  );
  app.get(
    '/sandbox/clock',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: sandboxClock } } },
    async (req) => ({ now: sandboxNow(await account(req)).toISOString() }),
  );
  app.post(
    '/sandbox/contacts',
    { config: { access: AGENTS }, schema: { body: sandboxContactBody, response: { 201: sandboxContact } } },
    async (req, reply) =>
      reply.code(201).send(await createSandboxContact(app.db, await account(req), req.body)),
  );
  app.post(
    '/sandbox/contacts/bulk',
    {
      config: { access: BUILDERS },
      schema: { body: sandboxBulkBody, response: { 201: sandboxBulkCreated } },
    },
    async (req, reply) =>
      reply.code(201).send(await createBulkContacts(app.db, app.bus, authOf(req).workspaceId, req.body)),
  );
  app.post(
    '/sandbox/contacts/:id/delete-us',
    { config: { access: AGENTS }, schema: { params: idParams, response: { 200: sandboxDeletedUs } } },
    async (req) => sandboxDeleteUs(app.db, app.bus, authOf(req).workspaceId, req.params.id),
  );
  app.post(
    '/sandbox/contacts/:id/friend-request',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: friendRequestBody, response: { 200: repliesBody } },
    },
    async (req) =>
      converse(app.db, app.bus, await account(req), req.params.id, {
        kind: 'friend_request',
        hello: req.body.hello,
      }),
  );
  app.post(
    '/sandbox/contacts/:id/messages',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: sandboxMessageBody, response: { 200: repliesBody } },
    },
    async (req) =>
      converse(app.db, app.bus, await account(req), req.params.id, { kind: 'message', text: req.body.text }),
  );
  app.post(
    '/sandbox/contacts/:id/reset',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: sandboxResetBody, response: { 200: sandboxResetResult } },
    },
    async (req) =>
      resetSandboxContact(
        app.db,
        app.bus,
        await account(req),
        req.params.id,
        req.body ?? {},
        authOf(req).userId ?? null,
      ),
  );
  app.post(
    '/sandbox/leads/:id/accept',
    { config: { access: AGENTS }, schema: { params: idParams, response: { 200: sandboxLeadAccepted } } },
    async (req) => acceptSandboxLead(app.db, app.bus, await account(req), req.params.id),
  );
  app.post(
    '/sandbox/rooms',
    { config: { access: AGENTS }, schema: { body: sandboxRoomBody, response: { 201: sandboxRoomCreated } } },
    async (req, reply) =>
      reply.code(201).send(await createSandboxRoom(app.db, app.bus, await account(req), req.body)),
  );
  for (const kind of ['join', 'leave'] as const)
    app.post(
      `/sandbox/rooms/:id/${kind}`,
      {
        config: { access: AGENTS },
        schema: { params: idParams, body: sandboxRoomMemberBody, response: { 200: roomRepliesBody } },
      },
      async (req) =>
        moveInRoom(app.db, app.bus, await account(req), req.params.id, req.body.contactId, { kind }),
    );
  app.post(
    '/sandbox/rooms/:id/messages',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: sandboxRoomMessageBody, response: { 200: roomRepliesBody } },
    },
    async (req) =>
      moveInRoom(app.db, app.bus, await account(req), req.params.id, req.body.contactId, {
        kind: 'message',
        text: req.body.text,
        mentionsBot: req.body.mentionsBot,
      }),
  );
  app.post(
    '/sandbox/contacts/:id/accept-invite',
    {
      config: { access: AGENTS },
      schema: { params: idParams, body: acceptInviteBody, response: { 200: inviteAccepted } },
    },
    async (req) => acceptSandboxInvite(app.db, app.bus, await account(req), req.params.id, req.body ?? {}),
  );
  app.get(
    '/sandbox/contacts/:id/transcript',
    { config: { access: ANY_MEMBER }, schema: { params: idParams, response: { 200: transcriptBody } } },
    async (req) =>
      transcript(app.db, (await findSandboxContact(app.db, await account(req), req.params.id)).id),
  );
  app.post(
    '/sandbox/clock/advance',
    { config: { access: BUILDERS }, schema: { body: clockAdvanceBody, response: { 200: clockAdvanced } } },
    async (req) =>
      (await sandboxCommand(app.db, app.bus, await account(req), 'clock.advance', {
        ms: durationMs(req.body.by)!,
      })) as { now: string; fired: number },
  );
};

export default routes;
