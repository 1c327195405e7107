// Which contacts are workspace members' own WeChat (`member_wechat`): a member binds theirs by
// sending the bot the one-time code from their profile page. Only someone still a member counts.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';

/** A binding code as the profile page shows it. */
export const BINDING_CODE = /^\d{6}$/;

/** A contact may try this many code-like messages per CODE_TRY_WINDOW_MS: guessing a code stays hopeless. */
export const CODE_TRIES = 5;
const CODE_TRY_WINDOW_MS = 15 * 60_000;

/** The member (still one) who bound this contact, or null. */
export async function boundMember(tx: Db, workspaceId: string, contactId: string): Promise<string | null> {
  const [row] = rowsOf<{ user_id: string }>(
    await tx.execute(sql`
      select w.user_id from member_wechat w
      join members m on m.workspace_id = w.workspace_id and m.user_id = w.user_id
      where w.workspace_id = ${workspaceId} and w.contact_id = ${contactId}`),
  );
  return row?.user_id ?? null;
}

export interface Bound {
  member: string;
  workspace: string;
}

/**
 * Binds the member whose pending code of this workspace `code` is to the contact (any member it was
 * bound to before lets go); null when no such code is pending or the contact has tried too many.
 * `now` is the account's clock (message times are on it); the code's 15 minutes are the wall
 * clock's, counted down on the member's page while a sandbox clock may run days ahead.
 */
export async function bindByCode(
  tx: Db,
  workspaceId: string,
  contactId: string,
  code: string,
  now: Date,
): Promise<Bound | null> {
  const [found] = rowsOf<{ id: string; member: string; workspace: string }>(
    await tx.execute(sql`
      select w.id, coalesce(nullif(u.name, ''), u.email) as member, s.name as workspace
      from member_wechat w
      join members m on m.workspace_id = w.workspace_id and m.user_id = w.user_id
      join users u on u.id = w.user_id
      join workspaces s on s.id = w.workspace_id
      where w.workspace_id = ${workspaceId} and w.code = ${code} and w.code_expires_at > ${new Date()}
      for update of w`),
  );
  if (!found || (await codeTries(tx, contactId, now)) > CODE_TRIES) return null;
  await tx.execute(sql`
    update member_wechat set contact_id = null, bound_at = null
    where contact_id = ${contactId} and id <> ${found.id}`);
  await tx.execute(sql`
    update member_wechat set contact_id = ${contactId}, code = null, code_expires_at = null, bound_at = ${new Date()}
    where id = ${found.id}`);
  return { member: found.member, workspace: found.workspace };
}

/** The contact's private code-like messages lately, this one included (it is archived already). */
async function codeTries(tx: Db, contactId: string, now: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int as n from messages
      where contact_id = ${contactId} and direction = 'in' and room_id is null
        and at > ${new Date(now.getTime() - CODE_TRY_WINDOW_MS)} and btrim(text) ~ '^[0-9]{6}$'`),
  );
  return row?.n ?? 0;
}
