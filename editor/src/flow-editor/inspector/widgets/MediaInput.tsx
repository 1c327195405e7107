// `media` fields (send): nothing, an image (uploaded or by address), a link card or a mini-program
// card — the kind first, then its parts, with a preview of the card as the contact will see it.
import type { TranscriptMedia } from '../../../../../shared/api/media.ts';
import { MEDIA_KINDS } from '../../../../../shared/flow/media.ts';
import { Select } from '../../../app/ui.tsx';
import { MediaCard } from '../../simulator/MediaCard.tsx';
import { errorAt } from '../field-errors.ts';
import { inputClass, labelClass } from '../styles.ts';
import { MediaImageUpload } from './MediaImageUpload.tsx';
import { type MediaInputKey, mediaInputMessages } from './media-messages.ts';
import { hasError, type WidgetProps } from './types.ts';

type Media = TranscriptMedia;
type Part = 'url' | 'title' | 'description' | 'thumbnailUrl' | 'appId' | 'pagePath' | 'username';

/** The parts each card kind has, in form order; optional ones are removed when emptied. */
const PARTS: Record<string, { key: Part; optional?: boolean; type?: 'url' }[]> = {
  link: [
    { key: 'url', type: 'url' },
    { key: 'title' },
    { key: 'description', optional: true },
    { key: 'thumbnailUrl', optional: true, type: 'url' },
  ],
  mini_program: [
    { key: 'appId' },
    { key: 'title' },
    { key: 'pagePath' },
    { key: 'thumbnailUrl', optional: true, type: 'url' },
    { key: 'username', optional: true },
    { key: 'description', optional: true },
  ],
};

const asMedia = (value: unknown): Media | null =>
  value && typeof value === 'object' && typeof (value as Media).kind === 'string' ? (value as Media) : null;

export function MediaInput(props: WidgetProps) {
  const { id, value, errors, onChange, disabled } = props;
  const t = mediaInputMessages.useT();
  const media = asMedia(value);
  const setPart = (part: Part, text: string, optional?: boolean) => {
    const { [part]: _, ...rest } = media ?? { kind: 'link' };
    onChange(optional && text.trim() === '' ? rest : { ...rest, [part]: text });
  };
  return (
    <div className="space-y-3">
      <Select
        id={id}
        size="compact"
        disabled={disabled}
        className="block w-full"
        value={media?.kind ?? ''}
        aria-invalid={(hasError(errors) && !media) || undefined}
        // Another kind starts empty: a link's address is no mini program's page.
        onChange={(event) => onChange(event.target.value ? { kind: event.target.value } : undefined)}
      >
        <option value="">{t('none')}</option>
        {MEDIA_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(kind)}
          </option>
        ))}
      </Select>
      {media?.kind === 'image' && (
        <MediaImageUpload
          id={id}
          image={{ kind: 'image', mediaId: media.mediaId, url: media.url }}
          urlInvalid={errorAt(errors, 'url')}
          disabled={disabled}
          onChange={onChange}
        />
      )}
      {media && PARTS[media.kind] && (
        <>
          {PARTS[media.kind]!.map(({ key, optional, type }) => (
            <div key={key} className="space-y-1">
              <label htmlFor={`${id}-${key}`} className={labelClass}>
                {t(key as MediaInputKey)}
              </label>
              <input
                id={`${id}-${key}`}
                type={type ?? 'text'}
                placeholder={type === 'url' ? 'https://' : undefined}
                spellCheck={type !== 'url' && key !== 'appId' && key !== 'pagePath'}
                disabled={disabled}
                className={`${inputClass} ${key === 'appId' || key === 'pagePath' ? 'font-mono' : ''}`}
                value={media[key] ?? ''}
                aria-invalid={errorAt(errors, key) || undefined}
                onChange={(event) => setPart(key, event.target.value, optional)}
              />
            </div>
          ))}
          <div className="space-y-1" data-testid="media-preview">
            <p className={labelClass}>{t('preview')}</p>
            <div className="rounded-md bg-[#ededed] p-3">
              <MediaCard media={media} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
