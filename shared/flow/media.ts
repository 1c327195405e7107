// What a `send` node sends after its text (NODES.md second wave): an image (an upload, a
// `media_files` row, or an address), a link card or a mini-program card. The same shape travels
// through the `send` action into the SendEffect, the outbox payload and `messages.media`.

import { z } from 'zod';
import type { Localized } from '../i18n.ts';
import { schemaError } from '../schema-issues.ts';

export const MEDIA_KINDS = ['image', 'link', 'mini_program'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** A host the worker must not be sent to fetch from: this machine or a private network, by name or number. */
const PRIVATE_HOST =
  /^(localhost|.*\.localhost|.*\.local|.*\.internal|0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|169\.254\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|\[.*\])$/i;

/**
 * An address WeChat and the puppet can fetch: http(s) with a public host. The puppet (or the worker,
 * for a local puppet) downloads images, so an address inside the server's own network is refused —
 * a host name that resolves there is not caught here.
 */
export function isPublicHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.replace(/\.$/, '');
  return host.includes('.') && !PRIVATE_HOST.test(host);
}

const httpUrl = z.string().trim().max(2000).refine(isPublicHttpUrl, schemaError('public_url'));
const line = (max: number) => z.string().trim().min(1).max(max);

/** Either `mediaId` (an uploaded file of the workspace) or `url`. */
export const imageMediaSchema = z
  .object({ kind: z.literal('image'), mediaId: z.uuid().optional(), url: httpUrl.optional() })
  .refine(
    (image) => (image.mediaId === undefined) !== (image.url === undefined),
    schemaError('image_source'),
  );

export const linkMediaSchema = z.object({
  kind: z.literal('link'),
  url: httpUrl,
  title: line(100),
  description: z.string().trim().max(300).optional(),
  thumbnailUrl: httpUrl.optional(),
});

export const miniProgramMediaSchema = z.object({
  kind: z.literal('mini_program'),
  appId: z
    .string()
    .trim()
    .refine((id) => /^wx[0-9a-zA-Z]{16}$/.test(id), schemaError('mini_program_app_id')),
  title: line(100),
  /** The page it opens, e.g. `pages/index/index?from=wechat`. */
  pagePath: line(500),
  thumbnailUrl: httpUrl.optional(),
  /** The mini program's original id (`gh_…`), which some puppets need to send it. */
  username: z.string().trim().max(100).optional(),
  description: z.string().trim().max(300).optional(),
});

export const sendMediaSchema = z.discriminatedUnion('kind', [
  imageMediaSchema,
  linkMediaSchema,
  miniProgramMediaSchema,
]);
export type SendMedia = z.output<typeof sendMediaSchema>;

/** How the inspector and lint messages name the parts of a media value. */
export const MEDIA_PARTS: Record<string, Localized> = {
  kind: { 'zh-CN': '类型', en: 'Kind' },
  mediaId: { 'zh-CN': '上传的图片', en: 'Uploaded image' },
  url: { 'zh-CN': '地址', en: 'Address' },
  title: { 'zh-CN': '标题', en: 'Title' },
  description: { 'zh-CN': '描述', en: 'Description' },
  thumbnailUrl: { 'zh-CN': '缩略图地址', en: 'Thumbnail address' },
  appId: { 'zh-CN': '小程序 AppID', en: 'AppID' },
  pagePath: { 'zh-CN': '页面路径', en: 'Page path' },
  username: { 'zh-CN': '原始 ID', en: 'Original ID' },
};
