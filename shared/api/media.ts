// Media files (images for `send` nodes, viewable copies of what contacts sent): `POST /api/media`
// takes an image's bytes as the body (content-type `image/*`), `GET /api/media/:id` serves them.
import { z } from 'zod';
import { IMAGE_MAX_BYTES, IMAGE_MIMES } from '../images.ts';
import { int, optionalParam, text } from './common.ts';

export { IMAGE_MAX_BYTES };

/** `?filename=photo.png`: the name the marketer's file had, kept for the record (never used as a path). */
export const mediaUploadQuery = z.object({
  filename: optionalParam(text().trim().max(200).optional()),
});

export const mediaFile = z.object({
  id: z.uuid(),
  mime: z.enum(IMAGE_MIMES),
  size: int({ max: IMAGE_MAX_BYTES }),
  /** Where the editor loads it: `/api/media/<id>`, for members of the workspace only. */
  url: z.string(),
});
export type MediaFile = z.infer<typeof mediaFile>;

/** The path an uploaded (or received) image is served at. */
export const mediaUrl = (id: string): string => `/api/media/${id}`;

/**
 * Media of an archived message as a transcript shows it (`messages.media`): an image
 * `{kind: 'image', mediaId}` (a media file of the workspace) or `{kind: 'image', url}`, a link card
 * `{kind: 'link', url, title, description?, thumbnailUrl?}`, a mini-program card
 * `{kind: 'mini_program', appId, title, pagePath, thumbnailUrl?, username?, description?}`. Read
 * leniently: an archive written by another version shows with what it has.
 */
export const transcriptMedia = z.object({
  kind: z.string(),
  mediaId: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  thumbnailUrl: z.string().optional(),
  appId: z.string().optional(),
  pagePath: z.string().optional(),
  username: z.string().optional(),
});
export type TranscriptMedia = z.infer<typeof transcriptMedia>;

/** Stored media (`messages.media`, jsonb) as a transcript's `media`; null when it is none or unreadable. */
export function asTranscriptMedia(value: unknown): TranscriptMedia | null {
  const parsed = transcriptMedia.safeParse(value);
  return parsed.success ? parsed.data : null;
}
