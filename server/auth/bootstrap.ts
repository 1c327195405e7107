// First start on an empty database, exactly once: the Default workspace, its owner, its sandbox
// bot account and (unless turned off) the demo funnel.
import { sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';
import { botAccounts, members, users, workspaces } from '../../shared/db/schema.ts';
import { seedDemo } from '../demo/seed.ts';
import { hashPassword, randomToken } from './secrets.ts';

export interface BootstrapResult {
  workspaceId: string;
  email: string;
  /** Set only when the password was generated: it must be shown once. */
  generatedPassword?: string;
}

export async function bootstrap(
  db: Db,
  admin: { email: string; password?: string },
  options: { demo: boolean } = { demo: true },
): Promise<BootstrapResult | null> {
  return db.transaction(async (tx) => {
    // Serializes concurrent first starts on PostgreSQL; PGlite has a single connection anyway.
    await tx.execute(sql`lock table workspaces in exclusive mode`);
    const [existing] = await tx.select({ id: workspaces.id }).from(workspaces).limit(1);
    if (existing) return null;
    const generatedPassword = admin.password ? undefined : randomToken().slice(0, 16);
    const password = admin.password ?? generatedPassword!;
    const [workspace] = await tx.insert(workspaces).values({ name: 'Default' }).returning();
    const [user] = await tx
      .insert(users)
      .values({ email: admin.email, name: 'Owner', passwordHash: await hashPassword(password) })
      .returning();
    await tx.insert(members).values({ workspaceId: workspace!.id, userId: user!.id, role: 'owner' });
    await tx
      .insert(botAccounts)
      .values({ workspaceId: workspace!.id, name: 'Sandbox', puppet: 'sandbox', limits: SANDBOX_LIMITS });
    if (options.demo) await seedDemo(tx, workspace!.id);
    return { workspaceId: workspace!.id, email: admin.email, generatedPassword };
  });
}
