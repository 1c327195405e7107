// Each account's friend QR code (WeChat's "My QR code", WeCom's 联系我): an image the marketer
// uploads (POST /api/media) and names for the account; the friend pages show it. A sandbox account
// without one shows a made-up code, so the demo's page works.
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db } from '../../runtime/db/client.ts';
import { botAccounts, friendQrs, mediaFiles } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';
import { readMedia } from '../media/media.ts';

async function accountOf(db: Db, workspaceId: string, botAccountId: string) {
  const [account] = await db
    .select({ id: botAccounts.id, name: botAccounts.name, puppet: botAccounts.puppet })
    .from(botAccounts)
    .where(and(eq(botAccounts.id, botAccountId), eq(botAccounts.workspaceId, workspaceId)));
  if (!account) throw notFound('bot_account');
  return account;
}

export async function setFriendQr(db: Db, workspaceId: string, botAccountId: string, mediaId: string) {
  await accountOf(db, workspaceId, botAccountId);
  const [file] = await db
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.id, mediaId), eq(mediaFiles.workspaceId, workspaceId)));
  if (!file) throw notFound('media_file');
  await db
    .insert(friendQrs)
    .values({ botAccountId, workspaceId, mediaId })
    .onConflictDoUpdate({ target: friendQrs.botAccountId, set: { mediaId, updatedAt: new Date() } });
}

export async function clearFriendQr(db: Db, workspaceId: string, botAccountId: string) {
  await accountOf(db, workspaceId, botAccountId);
  await db.delete(friendQrs).where(eq(friendQrs.botAccountId, botAccountId));
}

/** The image an account's page shows: its uploaded code, or a sandbox's made-up one; null: none. */
export async function friendQrImage(
  db: Db,
  workspaceId: string,
  botAccountId: string,
): Promise<{ mime: string; data: Buffer } | null> {
  const account = await accountOf(db, workspaceId, botAccountId);
  const [qr] = await db.select().from(friendQrs).where(eq(friendQrs.botAccountId, botAccountId));
  if (qr) return readMedia(db, workspaceId, qr.mediaId);
  if (account.puppet !== 'sandbox') return null;
  const data = await QRCode.toBuffer(`wefunnel-sandbox:${account.name}`, {
    type: 'png',
    width: 480,
    margin: 2,
  });
  return { mime: 'image/png', data };
}
