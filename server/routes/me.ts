// The signed-in member's own WeChat binding (any role): see it, get a one-time code, unbind.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meWechatBody, wechatCodeBody } from '../../shared/api/me.ts';
import { ANY_MEMBER } from '../access.ts';
import { newBindingCode, unbindWechat, wechatBinding } from '../me/wechat.ts';
import { authOf } from '../plugins/auth.ts';

/** The member calling: a session's user, or the member who made the API key. */
const me = (req: FastifyRequest) => {
  const auth = authOf(req);
  return { workspaceId: auth.workspaceId, userId: auth.via === 'session' ? auth.userId : auth.createdBy };
};

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/wechat',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: meWechatBody } } },
    (req) => {
      const { workspaceId, userId } = me(req);
      return wechatBinding(app.db, workspaceId, userId);
    },
  );

  app.post(
    '/me/wechat/code',
    { config: { access: ANY_MEMBER }, schema: { response: { 201: wechatCodeBody } } },
    async (req, reply) => {
      const { workspaceId, userId } = me(req);
      return reply.code(201).send(await newBindingCode(app.db, workspaceId, userId));
    },
  );

  app.delete('/me/wechat', { config: { access: ANY_MEMBER } }, async (req, reply) => {
    const { workspaceId, userId } = me(req);
    await unbindWechat(app.db, workspaceId, userId);
    return reply.code(204).send();
  });
};

export default routes;
