// Media as WeChat shows it: an uploaded (or received) image, a link card (title, description,
// address) or a mini-program card. Images from other sites are named, not loaded: the editor's
// Content-Security-Policy keeps images to its own origin, and a contact's card must not make a
// marketer's browser call a stranger's server.
import { mediaUrl, type TranscriptMedia } from '../../../../shared/api/media.ts';
import { MEDIA_KINDS } from '../../../../shared/flow/media.ts';
import { mediaMessages } from './media-messages.ts';

/** Whether `media` has a card here (a kind this editor knows); otherwise the transcript shows its label. */
export const hasCard = (media: TranscriptMedia | null | undefined): media is TranscriptMedia =>
  !!media && (MEDIA_KINDS as readonly string[]).includes(media.kind);

/** The address without its scheme, for a card's footer. */
const shortUrl = (url: string | undefined): string => (url ?? '').replace(/^https?:\/\//i, '');

function Glyph(props: { name: 'image' | 'link' | 'mini'; className?: string }) {
  const paths = {
    image: 'M3 4h14v12H3zM3 13l4-4 3 3 2-2 5 5M13 7.5a1 1 0 1 1 0 .01',
    link: 'M8.5 11.5l3-3M7 9.5 5.5 11a2.5 2.5 0 0 0 3.5 3.5l1.5-1.5M13 10.5l1.5-1.5A2.5 2.5 0 0 0 11 5.5L9.5 7',
    mini: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM7 12.5a2 2 0 1 1 2-2v-1a2 2 0 1 1 2 2',
  } as const;
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className={props.className ?? 'size-5'}
      fill="none"
      stroke="currentColor"
    >
      <path d={paths[props.name]} strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The card of `media`; null for a kind this editor does not know (the transcript shows its label). */
export function MediaCard({ media, onLoad }: { media: TranscriptMedia; onLoad?: () => void }) {
  const t = mediaMessages.useT();
  if (media.kind === 'image' && media.mediaId)
    return (
      <img
        src={mediaUrl(media.mediaId)}
        alt={t('image')}
        loading="lazy"
        onLoad={onLoad}
        className="block max-h-48 max-w-48 rounded-md bg-slate-100 object-contain shadow-sm"
        data-testid="media-image"
      />
    );
  if (media.kind === 'image')
    return (
      <div
        className="flex w-56 items-center gap-2 rounded-md bg-white p-2 text-left shadow-sm"
        title={t('externalHint')}
        data-testid="media-image-url"
      >
        <span className="flex size-10 shrink-0 items-center justify-center rounded bg-slate-100 text-slate-400">
          <Glyph name="image" />
        </span>
        <span className="min-w-0">
          <span className="block text-xs font-medium text-slate-700">{t('externalImage')}</span>
          <span className="block truncate text-[11px] text-slate-400">{shortUrl(media.url)}</span>
        </span>
      </div>
    );
  if (media.kind === 'mini_program')
    return (
      <div className="w-56 rounded-md bg-white text-left shadow-sm" data-testid="media-mini-program">
        <div className="px-3 pt-2.5 pb-2">
          <p className="line-clamp-2 text-sm text-slate-900">{media.title || t('noTitle')}</p>
          {media.description && (
            <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{media.description}</p>
          )}
          <div className="mt-2 flex aspect-[5/4] flex-col items-center justify-center gap-1 rounded bg-slate-100 px-2 text-slate-400">
            <Glyph name="mini" className="size-7" />
            <span className="max-w-full truncate font-mono text-[10px]">{media.pagePath}</span>
          </div>
        </div>
        <div className="flex items-center gap-1 border-t border-slate-100 px-3 py-1.5 text-[11px] text-slate-400">
          <Glyph name="mini" className="size-3.5 text-indigo-500" />
          {t('miniProgram')}
          <span className="ml-auto font-mono">{media.appId}</span>
        </div>
      </div>
    );
  if (media.kind !== 'link') return null;
  return (
    <div className="w-60 rounded-md bg-white px-3 py-2.5 text-left shadow-sm" data-testid="media-link">
      <p className="line-clamp-2 text-sm font-medium text-slate-900">{media.title || t('noTitle')}</p>
      <div className="mt-1.5 flex gap-2">
        <p className="line-clamp-3 min-w-0 flex-1 text-xs leading-snug text-slate-500">{media.description}</p>
        <span
          className="flex size-11 shrink-0 items-center justify-center rounded bg-slate-100 text-slate-400"
          title={media.thumbnailUrl}
        >
          <Glyph name="link" />
        </span>
      </div>
      <p className="mt-1.5 truncate border-t border-slate-100 pt-1.5 text-[11px] text-slate-400">
        {shortUrl(media.url)}
      </p>
    </div>
  );
}
