// What a node may ask the runtime for in the middle of a turn (a state's `request`, answered as a
// RESULT event inside the turn's transaction): one entry per request kind. Today a coupon code.
import type { RequestSpec, ResultEvent } from '../../shared/flow/index.ts';
import type { Db } from '../db/client.ts';
import { claimCoupon } from './coupons.ts';

export interface RequestContext {
  tx: Db;
  workspaceId: string;
  contactId: string;
  now: Date;
}

export type RequestResolver = (ctx: RequestContext, params: RequestSpec['params']) => Promise<ResultEvent>;

export const REQUEST_TABLE: Readonly<Record<string, RequestResolver>> = {
  coupon: (ctx, params) => claimCoupon(ctx.tx, ctx.workspaceId, ctx.contactId, String(params.pool), ctx.now),
};

/** An unknown request fails its node's way (e.g. `exhausted`) rather than the run. */
export const resolveRequest = (
  ctx: RequestContext,
  request: RequestSpec,
): Promise<ResultEvent> | ResultEvent =>
  REQUEST_TABLE[request.kind]?.(ctx, request.params) ?? { type: 'RESULT', ok: false };
