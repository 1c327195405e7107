// What a node may ask the runtime for in the middle of a turn (a state's `request`, answered as a
// RESULT event inside the turn's transaction): one entry per request kind — a coupon code, a seat in
// a group.
import type { RequestSpec, ResultEvent } from '../../shared/flow/index.ts';
import type { Db } from '../db/client.ts';
import { claimCoupon } from './coupons.ts';
import { inviteToRoom } from './room-invite.ts';

export interface RequestContext {
  tx: Db;
  workspaceId: string;
  botAccountId: string;
  contactId: string;
  runId: string;
  now: Date;
  /** Makes a group the run's room (an invite): where it waits for the join and speaks. */
  setRoom(roomId: string): void;
}

export type RequestResolver = (ctx: RequestContext, params: RequestSpec['params']) => Promise<ResultEvent>;

export const REQUEST_TABLE: Readonly<Record<string, RequestResolver>> = {
  coupon: (ctx, params) => claimCoupon(ctx.tx, ctx.workspaceId, ctx.contactId, String(params.pool), ctx.now),
  room_invite: (ctx, params) => inviteToRoom(ctx, params),
};

/** An unknown request fails its node's way (e.g. `exhausted`) rather than the run. */
export const resolveRequest = (
  ctx: RequestContext,
  request: RequestSpec,
): Promise<ResultEvent> | ResultEvent =>
  REQUEST_TABLE[request.kind]?.(ctx, request.params) ?? { type: 'RESULT', ok: false };
