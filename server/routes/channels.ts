// Acquisition channels (API "Analytics"): everyone reads the channels with their counts and the
// accounts the friend pages rotate across; marketers and up create, edit and archive channels and
// name each account's friend QR code.

import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountParams,
  channelAccountList,
  channelBody,
  channelItem,
  channelList,
  channelPatchBody,
  channelsQuery,
  friendQrBody,
} from '../../shared/api/channels.ts';
import { idParams } from '../../shared/api/common.ts';
import { workspaces } from '../../shared/db/schema.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import { createChannel, getChannel, listChannels, patchChannel } from '../channels/channels.ts';
import { clearFriendQr, setFriendQr } from '../channels/friend-qr.ts';
import { accountsWithRoom } from '../channels/rotation.ts';
import { authOf } from '../plugins/auth.ts';

const read = { access: ANY_MEMBER };
const edit = { access: BUILDERS };

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/channels',
    { config: read, schema: { querystring: channelsQuery, response: { 200: channelList } } },
    (req) => listChannels(app.db, authOf(req).workspaceId, req.query.archived === 'true'),
  );
  app.post(
    '/channels',
    { config: edit, schema: { body: channelBody, response: { 201: channelItem } } },
    async (req, reply) =>
      reply.code(201).send(await createChannel(app.db, authOf(req).workspaceId, req.body)),
  );
  app.get(
    '/channels/accounts',
    { config: read, schema: { response: { 200: channelAccountList } } },
    async (req) => {
      const { workspaceId } = authOf(req);
      const [ws] = await app.db
        .select({ timeZone: workspaces.timeZone })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      const accounts = await accountsWithRoom(app.db, workspaceId, ws!.timeZone, null);
      return accounts.map(({ qrMediaId: _, clockOffsetMs: __, ...a }) => a);
    },
  );
  app.put(
    '/channels/accounts/:botAccountId/qr',
    { config: edit, schema: { params: accountParams, body: friendQrBody } },
    async (req, reply) => {
      await setFriendQr(app.db, authOf(req).workspaceId, req.params.botAccountId, req.body.mediaId);
      return reply.code(204).send();
    },
  );
  app.delete(
    '/channels/accounts/:botAccountId/qr',
    { config: edit, schema: { params: accountParams } },
    async (req, reply) => {
      await clearFriendQr(app.db, authOf(req).workspaceId, req.params.botAccountId);
      return reply.code(204).send();
    },
  );
  app.get(
    '/channels/:id',
    { config: read, schema: { params: idParams, response: { 200: channelItem } } },
    (req) => getChannel(app.db, authOf(req).workspaceId, req.params.id),
  );
  app.patch(
    '/channels/:id',
    { config: edit, schema: { params: idParams, body: channelPatchBody, response: { 200: channelItem } } },
    (req) => patchChannel(app.db, authOf(req).workspaceId, req.params.id, req.body),
  );
};

export default routes;
