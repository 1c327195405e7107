// Time for the runtime, injected everywhere (DESIGN "Time", "Sandbox is a tenant like any other").
// Real accounts only ever see the wall clock. Each sandbox account has a clock of its own: the wall
// clock plus an offset stored on the account row (`clock_offset_ms`), which only
// `POST /api/sandbox/clock/advance` moves — so one workspace's 3-day jump fires nothing of another's.
import { and, eq, sql } from 'drizzle-orm';
import { botAccounts } from '../shared/db/schema.ts';
import type { Db } from './db/client.ts';

export interface Clock {
  now(): Date;
}

export const wallClock: Clock = { now: () => new Date() };

/** One account's clock: the wall clock plus its offset (0 for a real account, forever). */
export class AccountClock implements Clock {
  constructor(
    private offsetMs = 0,
    private readonly wall: () => number = Date.now,
  ) {}
  now(): Date {
    return new Date(this.wall() + this.offsetMs);
  }
  get offset(): number {
    return this.offsetMs;
  }
  /** Never moves back: a later offset read from the database or set by an advance only moves it on. */
  moveTo(offsetMs: number): void {
    this.offsetMs = Math.max(this.offsetMs, offsetMs);
  }
}

/** Reads an account's clock offset (0 for an unknown account). */
export async function clockOffset(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ offset: botAccounts.clockOffsetMs })
    .from(botAccounts)
    .where(eq(botAccounts.id, accountId));
  return Number(row?.offset ?? 0);
}

/**
 * Moves a sandbox account's stored offset forward to at least `offsetMs` (never back, never a real
 * account's) and answers the stored value.
 */
export async function storeClockOffset(db: Db, accountId: string, offsetMs: number): Promise<number> {
  const [row] = await db
    .update(botAccounts)
    .set({ clockOffsetMs: sql`greatest(${botAccounts.clockOffsetMs}, ${Math.round(offsetMs)})` })
    .where(and(eq(botAccounts.id, accountId), eq(botAccounts.puppet, 'sandbox')))
    .returning({ offset: botAccounts.clockOffsetMs });
  return Number(row?.offset ?? 0);
}
