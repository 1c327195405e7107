// Coupon pools (API.md "Coupons"): builders add codes, everyone sees issued / total.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { couponPoolBody, couponPoolCreated, couponPoolSchema } from '../../shared/api/coupons.ts';
import { ANY_MEMBER, BUILDERS } from '../access.ts';
import { addCodes, listPools } from '../coupons/coupons.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coupon-pools',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: z.array(couponPoolSchema) } } },
    (req) => listPools(app.db, authOf(req).workspaceId),
  );
  app.post(
    '/coupon-pools',
    { config: { access: BUILDERS }, schema: { body: couponPoolBody, response: { 201: couponPoolCreated } } },
    async (req, reply) =>
      reply.code(201).send(await addCodes(app.db, authOf(req).workspaceId, req.body.name, req.body.codes)),
  );
};

export default routes;
