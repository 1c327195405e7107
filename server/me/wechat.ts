// A member's own WeChat (`member_wechat`): the one-time code they send the bot to bind it, the
// contact it is bound to, and unbinding. The bot side of binding is runtime/commands/chat-binding.ts.
import { randomInt } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import { CHAT_COMMANDS } from '../../runtime/commands/chat.ts';
import type { Db } from '../../runtime/db/client.ts';
import type { MeWechatBody, WechatCodeBody } from '../../shared/api/me.ts';
import { contacts, memberWechat } from '../../shared/db/schema.ts';

export const CODE_TTL_MS = 15 * 60_000;

const commands = CHAT_COMMANDS.map(({ names, describe, example }) => ({
  names: [...names],
  describe,
  example,
}));

export async function wechatBinding(db: Db, workspaceId: string, userId: string): Promise<MeWechatBody> {
  const [row] = await db
    .select({
      contactId: memberWechat.contactId,
      contactName: contacts.name,
      boundAt: memberWechat.boundAt,
      code: memberWechat.code,
      expiresAt: memberWechat.codeExpiresAt,
    })
    .from(memberWechat)
    .leftJoin(contacts, eq(contacts.id, memberWechat.contactId))
    .where(and(eq(memberWechat.workspaceId, workspaceId), eq(memberWechat.userId, userId)));
  const pending = row?.code && row.expiresAt && row.expiresAt > new Date();
  return {
    bound: Boolean(row?.contactId),
    ...(row?.contactId ? { contact: { id: row.contactId, name: row.contactName ?? '' } } : {}),
    ...(row?.contactId && row.boundAt ? { boundAt: row.boundAt.toISOString() } : {}),
    ...(pending ? { code: row.code!, expiresAt: row.expiresAt!.toISOString() } : {}),
    commands,
  };
}

/**
 * A new code for the member, replacing their pending one. Codes are unique among a workspace's
 * pending ones (the bot finds the member by it): expired ones are cleared first, and a code another
 * member holds is drawn again.
 */
export async function newBindingCode(db: Db, workspaceId: string, userId: string): Promise<WechatCodeBody> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  return db.transaction(async (tx) => {
    await tx
      .update(memberWechat)
      .set({ code: null, codeExpiresAt: null })
      .where(and(eq(memberWechat.workspaceId, workspaceId), lte(memberWechat.codeExpiresAt, now)));
    await tx.insert(memberWechat).values({ workspaceId, userId }).onConflictDoNothing();
    for (let draw = 0; draw < 20; draw++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const set = await tx
        .update(memberWechat)
        .set({ code, codeExpiresAt: expiresAt })
        .where(
          and(
            eq(memberWechat.workspaceId, workspaceId),
            eq(memberWechat.userId, userId),
            sql`not exists (select 1 from member_wechat o where o.workspace_id = ${workspaceId} and o.code = ${code})`,
          ),
        )
        .returning({ code: memberWechat.code });
      if (set.length > 0) return { code, expiresAt: expiresAt.toISOString() };
    }
    throw new Error('no free binding code in 20 draws');
  });
}

/** Lets go of the member's WeChat and any pending code. */
export async function unbindWechat(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .delete(memberWechat)
    .where(and(eq(memberWechat.workspaceId, workspaceId), eq(memberWechat.userId, userId)));
}
