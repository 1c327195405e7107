// What a node may ask the runtime for in the middle of a turn (a state's `request`, answered as a
// RESULT event inside the turn's transaction): one entry per request kind — a coupon code, a seat in
// a group, a human in the inbox.
import type { PersistedRun, RequestSpec, ResultEvent } from '../../shared/flow/index.ts';
import type { Db } from '../db/client.ts';
import { claimCoupon } from './coupons.ts';
import { handOff, releaseHandoff } from './handoff.ts';
import { inviteToRoom } from './room-invite.ts';

export interface RequestContext {
  tx: Db;
  workspaceId: string;
  botAccountId: string;
  contactId: string;
  runId: string;
  flowId: string;
  now: Date;
  /** The run as the turn has it when it asks: templates of the request render against its context. */
  run?: PersistedRun;
  /** Makes a group the run's room (an invite): where it waits for the join and speaks. */
  setRoom(roomId: string): void;
  /** A conversation of the inbox the request opened or changed: announced once the turn commits. */
  touched?(conversationId: string): void;
}

export type RequestResolver = (ctx: RequestContext, params: RequestSpec['params']) => Promise<ResultEvent>;

export const REQUEST_TABLE: Readonly<Record<string, RequestResolver>> = {
  coupon: (ctx, params) => claimCoupon(ctx.tx, ctx.workspaceId, ctx.contactId, String(params.pool), ctx.now),
  room_invite: (ctx, params) => inviteToRoom(ctx, params),
  handoff: (ctx, params) => handOff(ctx, params),
  handoff_release: (ctx) => releaseHandoff(ctx),
};

/** An unknown request fails its node's way (e.g. `exhausted`) rather than the run. */
export const resolveRequest = (
  ctx: RequestContext,
  request: RequestSpec,
): Promise<ResultEvent> | ResultEvent =>
  REQUEST_TABLE[request.kind]?.(ctx, request.params) ?? { type: 'RESULT', ok: false };
