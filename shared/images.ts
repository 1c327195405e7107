// The images Wefunnel keeps (uploads for `send` nodes, viewable copies of what contacts send): the
// four formats every browser and WeChat show, told apart by their first bytes — never by a name or
// a declared content type — and a size cap that keeps them fit for a database row.

export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

const SIGNATURES = {
  'image/png': {
    ext: 'png',
    matches: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  'image/jpeg': { ext: 'jpg', matches: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]) },
  'image/gif': {
    ext: 'gif',
    matches: (b: Uint8Array) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'),
  },
  'image/webp': { ext: 'webp', matches: (b: Uint8Array) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
} as const;

export type ImageMime = keyof typeof SIGNATURES;
export const IMAGE_MIMES = Object.keys(SIGNATURES) as ImageMime[];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  return startsWith(
    bytes.subarray(offset),
    [...text].map((c) => c.charCodeAt(0)),
  );
}

/** The image type of these bytes by their signature, or null when they are none of the four. */
export function imageMimeOf(bytes: Uint8Array): ImageMime | null {
  for (const [mime, signature] of Object.entries(SIGNATURES))
    if (signature.matches(bytes)) return mime as ImageMime;
  return null;
}

/** The usual file extension of an image type. */
export const imageExtension = (mime: ImageMime): string => SIGNATURES[mime].ext;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A file name fit for the record, from whatever a browser or a puppet called the file: no folders,
 * no control characters or broken Unicode, at most 100 characters, and the extension of its type.
 */
export function imageFileName(name: string | undefined, mime: ImageMime): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(LONE_SURROGATE, '')
    .replace(/\.[^.]*$/, '')
    .slice(0, 100)
    .trim();
  return `${base || 'image'}.${imageExtension(mime)}`;
}
