// A second (third…) workspace for isolation tests (its owner and sandbox bot account), a "real"
// account on the mock puppet, and a flow that waits on a timer.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { vi } from 'vitest';
import { mockWorld } from '../../runtime/bots/__fixtures__/mock-puppet.ts';
import { seal } from '../../runtime/bots/secret-box.ts';
import type { Db } from '../../runtime/db/client.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { hashPassword } from '../../server/auth/secrets.ts';
import { SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';
import { botAccounts, members, users, workspaces } from '../../shared/db/schema.ts';
import { TEST_SECRET } from './app.ts';

export async function addWorkspace(db: Db, name: string) {
  const email = `owner-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'tenant-password-1';
  const [workspace] = await db.insert(workspaces).values({ name }).returning();
  const [user] = await db
    .insert(users)
    .values({ email, name: `${name} owner`, passwordHash: await hashPassword(password) })
    .returning();
  await db.insert(members).values({ workspaceId: workspace!.id, userId: user!.id, role: 'owner' });
  const [sandbox] = await db
    .insert(botAccounts)
    .values({ workspaceId: workspace!.id, name: 'Sandbox', puppet: 'sandbox', limits: SANDBOX_LIMITS })
    .returning();
  return { workspaceId: workspace!.id, sandboxId: sandbox!.id, owner: { email, password } };
}

/** keyword → "ok" → wait `duration` → "later": a run that waits on a timer (and friend requests are accepted). */
export const waitingFlow = (keyword: string, duration = 'P1D') => ({
  nodes: [
    { id: 'hello', type: 'trigger.friend_request', position: { x: 300, y: 0 }, data: {} },
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: [keyword] } },
    { id: 'ok', type: 'send', position: { x: 0, y: 100 }, data: { text: `${keyword}: ok` } },
    { id: 'wait', type: 'wait', position: { x: 0, y: 200 }, data: { duration } },
    { id: 'later', type: 'send', position: { x: 0, y: 300 }, data: { text: `${keyword}: later` } },
  ],
  edges: [
    { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'ok' },
    { id: 'e2', source: 'ok', sourceHandle: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'next', target: 'later' },
  ],
});

const MOCK_PUPPET = fileURLToPath(new URL('../../runtime/bots/__fixtures__/mock-puppet.ts', import.meta.url));

/**
 * A real-puppet bot account (Wechaty on the mock puppet, world `key`), connected by `runtime` and
 * online: drive its contacts through `mockWorld(key)`.
 */
export async function addMockAccount(
  db: Db,
  runtime: Runtime,
  workspaceId: string,
  key: string,
  userName?: string,
) {
  mockWorld(key, userName);
  const [account] = await db
    .insert(botAccounts)
    .values({
      workspaceId,
      name: `Real (${key})`,
      puppet: MOCK_PUPPET,
      puppetOptions: seal(TEST_SECRET, { world: key }),
      limits: SANDBOX_LIMITS,
    })
    .returning();
  await runtime.tick();
  await vi.waitFor(
    async () => {
      const [row] = await db.select().from(botAccounts).where(eq(botAccounts.id, account!.id));
      if (row?.status !== 'online') throw new Error(`the account is ${row?.status}`);
    },
    { timeout: 20_000, interval: 50 },
  );
  return { accountId: account!.id, world: mockWorld(key) };
}
