// A private message answering a campaign: the contact's latest member still waiting for a reply
// (sent within the campaign's reply window) gets the reply and its bucket — intent, simple reply or
// other — in the inbound turn's transaction; the answer says where the campaign wants it routed.
import { sql } from 'drizzle-orm';
import type { Bucket } from '../../shared/db/schema.ts';
import { boundedDurationMs } from '../../shared/time/duration.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { workspaceSettings } from '../workspace-settings.ts';

/** The reply text kept beside the bucket, for the report. */
export const REPLY_CHARS = 500;

/** Case, width, spaces and punctuation do not count: "OK！" is "ok". */
const strip = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{Emoji_Modifier}]|\uFE0F|\u200D/gu, '');
/** What is said in words; only emoji when nothing else (then "👍👍" is "👍"). */
function replyKey(text: string): string {
  const stripped = strip(text);
  const words = stripped.replace(/\p{Extended_Pictographic}/gu, '');
  return words !== '' ? words : stripped.replace(/(.)\1+/gu, '$1');
}

/**
 * The bucket of a reply: it contains an intent keyword → intent (wanting to buy outranks a polite
 * word); it is, as a whole, one of the simple replies → simple_reply; else other_reply.
 */
export function replyBucket(
  text: string,
  words: { simpleReplies: readonly string[]; intentKeywords: readonly string[] },
): Bucket {
  const lower = text.normalize('NFKC').toLowerCase();
  if (
    words.intentKeywords.some(
      (k) => k.trim() !== '' && lower.includes(k.normalize('NFKC').toLowerCase().trim()),
    )
  )
    return 'intent';
  const key = replyKey(text);
  if (key !== '' && words.simpleReplies.some((r) => replyKey(r) === key)) return 'simple_reply';
  return 'other_reply';
}

/**
 * Records the reply on the member it answers, if any. Answers the campaign's reply routing (`inbox`:
 * the message goes to the inbox, not to the run), or null when it answers no campaign.
 */
export async function campaignReply(
  tx: Db,
  contact: { id: string; workspaceId: string },
  text: string,
  now: Date,
): Promise<'flow' | 'inbox' | null> {
  const [member] = rowsOf<{
    campaign_id: string;
    sent_at: Date | string;
    reply_to: 'flow' | 'inbox';
    reply_window: string;
  }>(
    await tx.execute(sql`
      select m.campaign_id, m.sent_at, c.reply_to, c.reply_window
      from campaign_members m join campaigns c on c.id = m.campaign_id
      where m.contact_id = ${contact.id} and m.status = 'sent' and m.replied_at is null
      order by m.sent_at desc limit 1
      for update of m`),
  );
  if (!member) return null;
  if (now.getTime() > new Date(member.sent_at).getTime() + boundedDurationMs(member.reply_window))
    return null;
  const settings = await workspaceSettings(tx, contact.workspaceId);
  const bucket = replyBucket(text, settings ?? { simpleReplies: [], intentKeywords: [] });
  await tx.execute(sql`
    update campaign_members
    set replied_at = ${now}, reply = ${Array.from(text).slice(0, REPLY_CHARS).join('')},
        bucket = case when bucket = 'deleted_us' then bucket else ${bucket} end
    where campaign_id = ${member.campaign_id} and contact_id = ${contact.id}`);
  return member.reply_to;
}
