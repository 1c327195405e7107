// A viewable copy of an image a contact sent (the adapter attaches its bytes when the puppet gives
// them): stored once per workspace in `media_files`, named by the message's `media`.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { mediaFiles } from '../../shared/db/schema.ts';
import type { InboundMedia } from '../bots/port.ts';
import type { Db } from '../db/client.ts';

export async function storeInboundMedia(tx: Db, workspaceId: string, media: InboundMedia): Promise<string> {
  const sha256 = createHash('sha256').update(media.data).digest('hex');
  const [created] = await tx
    .insert(mediaFiles)
    .values({
      workspaceId,
      source: 'inbound',
      mime: media.mime,
      filename: media.filename,
      size: media.data.length,
      sha256,
      data: media.data,
    })
    .onConflictDoNothing()
    .returning({ id: mediaFiles.id });
  if (created) return created.id;
  const [known] = await tx
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.workspaceId, workspaceId), eq(mediaFiles.sha256, sha256)));
  return known!.id;
}
