// Bot accounts of a workspace. Starting and stopping only records what the operator wants; the
// runtime holding the account's lease connects or disconnects it on its next tick.
import { and, asc, eq } from 'drizzle-orm';
import { seal } from '../../runtime/bots/secret-box.ts';
import type { Db } from '../../runtime/db/client.ts';
import { type BotLimits, SAFE_LIMITS, SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';
import { botAccounts } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';
import { undeliveredByAccount } from '../outbox/undelivered.ts';

type Row = typeof botAccounts.$inferSelect;
type Counts = Awaited<ReturnType<typeof undeliveredByAccount>>;

const view = (b: Row, undelivered: Counts) => ({
  id: b.id,
  name: b.name,
  puppet: b.puppet,
  status: b.desired === 'stopped' ? ('stopped' as const) : b.status,
  desired: b.desired,
  qrcode: b.status === 'scanning' ? b.qrcode : null,
  self: b.selfName ? { name: b.selfName } : null,
  error: b.error,
  limits: b.limits,
  undelivered: undelivered.get(b.id) ?? { unknown: 0, failed: 0 },
});

export async function listBots(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(botAccounts)
    .where(eq(botAccounts.workspaceId, workspaceId))
    .orderBy(asc(botAccounts.createdAt));
  const undelivered = await undeliveredByAccount(db, workspaceId);
  return rows.map((b) => view(b, undelivered));
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
  return view(row!, new Map());
}

/** An empty change (`PATCH {}`) changes nothing and answers the account as it is. */
export async function updateBot(
  db: Db,
  workspaceId: string,
  id: string,
  set: { name?: string; limits?: BotLimits; desired?: 'running' | 'stopped' },
) {
  const mine = and(eq(botAccounts.id, id), eq(botAccounts.workspaceId, workspaceId));
  const changes = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
  const [row] = Object.keys(changes).length
    ? await db.update(botAccounts).set(changes).where(mine).returning()
    : await db.select().from(botAccounts).where(mine);
  if (!row) throw notFound('bot_account');
  return view(row, await undeliveredByAccount(db, workspaceId, row.id));
}
