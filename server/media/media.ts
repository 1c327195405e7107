// Media files of a workspace: an uploaded image is checked by its bytes (PNG, JPEG, GIF, WebP) and
// stored once per workspace (the same bytes again give the same row); a member reads a file of their
// own workspace only.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { type MediaFile, mediaUrl } from '../../shared/api/media.ts';
import { mediaFiles } from '../../shared/db/schema.ts';
import { imageFileName, imageMimeOf } from '../../shared/images.ts';
import { HttpError, notFound } from '../errors.ts';

const unsupported = (message: string) => new HttpError('unsupported_media_type', message);

/** Stores the bytes of an upload (the route's body: a Buffer for an `image/*` body, else anything). */
export async function storeUpload(
  db: Db,
  workspaceId: string,
  body: unknown,
  filename?: string,
): Promise<MediaFile> {
  if (!Buffer.isBuffer(body))
    throw unsupported(
      'Send the image itself as the body, with content-type image/png, image/jpeg, image/gif or image/webp',
    );
  if (body.length === 0) throw new HttpError('bad_request', 'The body is empty: send the image bytes');
  const mime = imageMimeOf(body);
  if (!mime) throw unsupported('Only PNG, JPEG, GIF and WebP images can be uploaded');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const values = {
    workspaceId,
    source: 'upload' as const,
    mime,
    filename: imageFileName(filename, mime),
    size: body.length,
    sha256,
    data: body,
  };
  const columns = { id: mediaFiles.id, mime: mediaFiles.mime, size: mediaFiles.size };
  const [created] = await db.insert(mediaFiles).values(values).onConflictDoNothing().returning(columns);
  const [row] = created
    ? [created]
    : await db
        .select(columns)
        .from(mediaFiles)
        .where(and(eq(mediaFiles.workspaceId, workspaceId), eq(mediaFiles.sha256, sha256)));
  if (!row) throw new Error('media file neither inserted nor found');
  return { id: row.id, mime, size: row.size, url: mediaUrl(row.id) };
}

/** A media file of the workspace, bytes included; another workspace's is not found. */
export async function readMedia(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({ mime: mediaFiles.mime, data: mediaFiles.data, sha256: mediaFiles.sha256 })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.id, id), eq(mediaFiles.workspaceId, workspaceId)));
  if (!row) throw notFound('media_file');
  return row;
}
