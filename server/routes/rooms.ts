// Groups and room sets (API "Groups"): everyone reads; marketers and up edit groups, sets, live codes
// and QR codes and mark regional admins; owners and admins remove members.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../shared/api/common.ts';
import { IMAGE_MAX_BYTES } from '../../shared/api/media.ts';
import {
  cleanupBody,
  cleanupQueued,
  liveCodeBody,
  liveCodeStats,
  liveCodeStatsQuery,
  lurkerList,
  lurkersQuery,
  roomDetail,
  roomItem,
  roomMember,
  roomMemberPage,
  roomMemberParams,
  roomMemberPatchBody,
  roomMembersQuery,
  roomMessages,
  roomMessagesQuery,
  roomPage,
  roomPatchBody,
  roomQr,
  roomQrQuery,
  roomSetBody,
  roomSetItem,
  roomSetList,
  roomSetParams,
  roomSetPatchBody,
  roomsQuery,
} from '../../shared/api/rooms.ts';
import { ADMINS, ANY_MEMBER, BUILDERS } from '../access.ts';
import { authOf } from '../plugins/auth.ts';
import { roomMessages as chatOf } from '../rooms/chat.ts';
import { queueCleanup } from '../rooms/cleanup.ts';
import { lurkersOf, rankedMembers, roomMembersPage, setMemberAdmin } from '../rooms/members.ts';
import {
  clearLiveCode,
  createRoomSet,
  deleteRoomSet,
  listRoomSets,
  patchRoomSet,
  setLiveCode,
  liveCodeStats as statsOf,
} from '../rooms/room-sets.ts';
import { findRoom, listRooms, patchRoom, roomView, setRoomQr } from '../rooms/rooms.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  const edit = { access: BUILDERS };
  const room = (req: FastifyRequest & { params: { id: string } }) =>
    findRoom(app.db, authOf(req).workspaceId, req.params.id);

  // The QR upload reads an image body as bytes (as POST /api/media does), in this plugin's scope only.
  app.addContentTypeParser(
    /^(?:image\/[\w.+-]+|application\/octet-stream)\s*(?:;|$)/i,
    { parseAs: 'buffer', bodyLimit: IMAGE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/rooms',
    { config: read, schema: { querystring: roomsQuery, response: { 200: roomPage } } },
    (req) => listRooms(app.db, authOf(req).workspaceId, req.query),
  );
  app.get(
    '/rooms/:id',
    {
      config: read,
      schema: { params: idParams, querystring: roomMembersQuery, response: { 200: roomDetail } },
    },
    async (req) => {
      const now = new Date();
      const r = await findRoom(app.db, authOf(req).workspaceId, req.params.id, now);
      const members = await roomMembersPage(app.db, r, req.query);
      return { ...roomView(r, now), members, grading: r.activityGrades };
    },
  );
  app.get(
    '/rooms/:id/members',
    {
      config: read,
      schema: { params: idParams, querystring: roomMembersQuery, response: { 200: roomMemberPage } },
    },
    (req) => rankedMembers(app.db, authOf(req).workspaceId, req.params.id, req.query),
  );
  app.patch(
    '/rooms/:id',
    { config: edit, schema: { params: idParams, body: roomPatchBody, response: { 200: roomItem } } },
    (req) => patchRoom(app.db, authOf(req).workspaceId, req.params.id, req.body),
  );
  app.patch(
    '/rooms/:id/members/:contactId',
    {
      config: edit,
      schema: { params: roomMemberParams, body: roomMemberPatchBody, response: { 200: roomMember } },
    },
    async (req) => setMemberAdmin(app.db, await room(req), req.params.contactId, req.body.isAdmin),
  );
  app.get(
    '/rooms/:id/messages',
    {
      config: read,
      schema: { params: idParams, querystring: roomMessagesQuery, response: { 200: roomMessages } },
    },
    async (req) => chatOf(app.db, await room(req), req.query),
  );
  app.get(
    '/rooms/:id/lurkers',
    { config: read, schema: { params: idParams, querystring: lurkersQuery, response: { 200: lurkerList } } },
    (req) => lurkersOf(app.db, authOf(req).workspaceId, req.params.id, req.query.silentFor),
  );
  app.post(
    '/rooms/:id/cleanup',
    {
      config: { access: ADMINS },
      schema: { params: idParams, body: cleanupBody, response: { 202: cleanupQueued } },
    },
    async (req, reply) =>
      reply.code(202).send(await queueCleanup(app.db, app.bus, await room(req), req.body.contactIds)),
  );
  app.put(
    '/rooms/:id/qr',
    {
      config: edit,
      bodyLimit: IMAGE_MAX_BYTES,
      schema: { params: idParams, querystring: roomQrQuery, response: { 200: roomQr } },
    },
    (req) => setRoomQr(app.db, authOf(req).workspaceId, req.params.id, req.body, req.query.expiresAt),
  );

  app.get('/room-sets', { config: read, schema: { response: { 200: roomSetList } } }, (req) =>
    listRoomSets(app.db, authOf(req).workspaceId),
  );
  app.post(
    '/room-sets',
    { config: edit, schema: { body: roomSetBody, response: { 201: roomSetItem } } },
    async (req, reply) =>
      reply.code(201).send(await createRoomSet(app.db, authOf(req).workspaceId, req.body)),
  );
  app.patch(
    '/room-sets/:name',
    {
      config: edit,
      schema: { params: roomSetParams, body: roomSetPatchBody, response: { 200: roomSetItem } },
    },
    (req) => patchRoomSet(app.db, authOf(req).workspaceId, req.params.name, req.body),
  );
  app.delete('/room-sets/:name', { config: edit, schema: { params: roomSetParams } }, async (req, reply) => {
    await deleteRoomSet(app.db, authOf(req).workspaceId, req.params.name);
    return reply.code(204).send();
  });
  app.put(
    '/room-sets/:name/live-code',
    { config: edit, schema: { params: roomSetParams, body: liveCodeBody, response: { 200: roomSetItem } } },
    (req) => setLiveCode(app.db, authOf(req).workspaceId, req.params.name, req.body),
  );
  app.delete(
    '/room-sets/:name/live-code',
    { config: edit, schema: { params: roomSetParams, response: { 200: roomSetItem } } },
    (req) => clearLiveCode(app.db, authOf(req).workspaceId, req.params.name),
  );
  app.get(
    '/room-sets/:name/live-code/stats',
    {
      config: read,
      schema: { params: roomSetParams, querystring: liveCodeStatsQuery, response: { 200: liveCodeStats } },
    },
    (req) => statsOf(app.db, authOf(req).workspaceId, req.params.name, req.query.days),
  );
};

export default routes;
