// Bot accounts of a workspace. Starting and stopping only records what the operator wants; the
// runtime holding the account's lease connects or disconnects it on its next tick.
import { and, asc, eq } from 'drizzle-orm';
import { seal } from '../../runtime/bots/secret-box.ts';
import type { Db } from '../../runtime/db/client.ts';
import { type BotLimits, SAFE_LIMITS, SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';
import { botAccounts } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';

type Row = typeof botAccounts.$inferSelect;

const view = (b: Row) => ({
  id: b.id,
  name: b.name,
  puppet: b.puppet,
  status: b.desired === 'stopped' ? ('stopped' as const) : b.status,
  desired: b.desired,
  qrcode: b.status === 'scanning' ? b.qrcode : null,
  self: b.selfName ? { name: b.selfName } : null,
  error: b.error,
  limits: b.limits,
});

export async function listBots(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(botAccounts)
    .where(eq(botAccounts.workspaceId, workspaceId))
    .orderBy(asc(botAccounts.createdAt));
  return rows.map(view);
}

export async function createBot(
  db: Db,
  workspaceId: string,
  secret: string,
  input: { name: string; puppet: string; puppetOptions?: Record<string, unknown>; limits?: BotLimits },
) {
  const [row] = await db
    .insert(botAccounts)
    .values({
      workspaceId,
      name: input.name,
      puppet: input.puppet,
      puppetOptions: input.puppetOptions ? seal(secret, input.puppetOptions) : null,
      limits: input.limits ?? (input.puppet === 'sandbox' ? SANDBOX_LIMITS : SAFE_LIMITS),
    })
    .returning();
  return view(row!);
}

export async function updateBot(
  db: Db,
  workspaceId: string,
  id: string,
  set: { name?: string; limits?: BotLimits; desired?: 'running' | 'stopped' },
) {
  const [row] = await db
    .update(botAccounts)
    .set(set)
    .where(and(eq(botAccounts.id, id), eq(botAccounts.workspaceId, workspaceId)))
    .returning();
  if (!row) throw notFound('Bot account');
  return view(row);
}
