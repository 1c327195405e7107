// Media between the port and Wechaty: what the bot sends after a text as a Wechaty sayable (a
// FileBox, a UrlLink, a MiniProgram), and a viewable copy of an image a contact sent.
import { FileBox, type FileBoxInterface } from 'file-box';
import type { Message, Wechaty } from 'wechaty';
import { IMAGE_MAX_BYTES, imageFileName, imageMimeOf } from '../../shared/images.ts';
import type { InboundMedia, OutboundMedia } from './port.ts';

/** How long reading a received image may take before the message goes on without it. */
const INBOUND_TIMEOUT_MS = 15_000;

type Sayable = FileBoxInterface | InstanceType<Wechaty['UrlLink']> | InstanceType<Wechaty['MiniProgram']>;

/**
 * The Wechaty sayable of `media`. An image's bytes go as base64, not as a Buffer: a FileBox of a
 * Buffer cannot be serialized, which puppets that pass files on as JSON (the mock, the sandbox) need.
 */
export function sayableOf(bot: Wechaty, media: OutboundMedia): Sayable {
  switch (media.kind) {
    case 'image':
      return FileBox.fromBase64(media.data.toString('base64'), media.filename);
    case 'image_url':
      return FileBox.fromUrl(media.url);
    case 'link':
      return new bot.UrlLink({
        url: media.url,
        title: media.title,
        description: media.description,
        thumbnailUrl: media.thumbnailUrl,
      });
    case 'mini_program':
      return new bot.MiniProgram({
        appid: media.appId,
        title: media.title,
        pagePath: media.pagePath,
        thumbUrl: media.thumbnailUrl,
        username: media.username,
        description: media.description,
      });
  }
}

/**
 * A copy of the image in `message` the archive can keep and the editor show: a PNG, JPEG, GIF or
 * WebP of at most IMAGE_MAX_BYTES. Null when the puppet gives no file, a larger or other one, or
 * takes too long — the message still arrives, without it.
 */
export async function inboundImage(message: Message): Promise<InboundMedia | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), INBOUND_TIMEOUT_MS);
  try {
    const box = await abortable(message.toFileBox(), controller.signal);
    if (box.size > IMAGE_MAX_BYTES) return null;
    const data = await readAtMost(await abortable(box.toStream(), controller.signal), controller.signal);
    const mime = data && imageMimeOf(data);
    if (!data || !mime) return null;
    return { mime, data, filename: imageFileName(box.name, mime) };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('timed out'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The stream's bytes, or null once it passes IMAGE_MAX_BYTES (the rest is never read). */
async function readAtMost(stream: NodeJS.ReadableStream, signal: AbortSignal): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  const readable = stream as NodeJS.ReadableStream & { destroy?: () => void };
  signal.addEventListener('abort', () => readable.destroy?.(), { once: true });
  try {
    for await (const chunk of readable) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      size += buffer.length;
      if (size > IMAGE_MAX_BYTES) return null;
      chunks.push(buffer);
    }
  } finally {
    readable.destroy?.();
  }
  if (signal.aborted) return null;
  return Buffer.concat(chunks);
}
