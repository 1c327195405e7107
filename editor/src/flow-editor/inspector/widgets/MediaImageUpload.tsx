// The image part of a `media` field: upload a file (checked here for type and size first, then by
// the server by its bytes) or give the image's address; the uploaded image shows as a thumbnail.
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import type { MediaFile } from '../../../../../shared/api/media.ts';
import { IMAGE_MAX_BYTES, IMAGE_MIMES } from '../../../../../shared/images.ts';
import { ApiError, api } from '../../../api.ts';
import { Button } from '../../../app/ui.tsx';
import { useErrorText } from '../../../error-text.ts';
import { MediaCard } from '../../simulator/MediaCard.tsx';
import { inputClass, labelClass } from '../styles.ts';
import { mediaInputMessages } from './media-messages.ts';

type Image = { kind: 'image'; mediaId?: string; url?: string };

/** Why this file cannot be uploaded, before sending it; null when it may be. */
function refusal(file: File): 'tooLarge' | 'wrongType' | null {
  if (!(IMAGE_MIMES as readonly string[]).includes(file.type)) return 'wrongType';
  return file.size > IMAGE_MAX_BYTES ? 'tooLarge' : null;
}

export function MediaImageUpload(props: {
  id: string;
  image: Image;
  urlInvalid: boolean;
  disabled: boolean;
  onChange: (image: Image) => void;
}) {
  const { id, image, urlInvalid, disabled, onChange } = props;
  const t = mediaInputMessages.useT();
  const errorText = useErrorText();
  const picker = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const refused = refusal(file);
      if (refused) throw new Error(refused);
      return api<MediaFile>('POST', `/media?filename=${encodeURIComponent(file.name)}`, file);
    },
    onSuccess: (file) => onChange({ kind: 'image', mediaId: file.id }),
  });
  const problem = (error: unknown): string => {
    if (error instanceof ApiError && error.status === 413) return t('tooLarge');
    if (error instanceof ApiError && error.status === 415) return t('wrongType');
    if (!(error instanceof ApiError) && (error as Error).message === 'tooLarge') return t('tooLarge');
    if (!(error instanceof ApiError) && (error as Error).message === 'wrongType') return t('wrongType');
    return errorText(error);
  };
  return (
    <div className="space-y-2">
      {image.mediaId && <MediaCard media={image} />}
      <div className="flex items-center gap-2">
        <input
          ref={picker}
          type="file"
          accept={IMAGE_MIMES.join(',')}
          className="sr-only"
          tabIndex={-1}
          aria-label={t('upload')}
          data-testid="media-file"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) upload.mutate(file);
          }}
        />
        <Button size="small" disabled={disabled || upload.isPending} onClick={() => picker.current?.click()}>
          {upload.isPending ? t('uploading') : image.mediaId ? t('replace') : t('upload')}
        </Button>
        {image.mediaId && (
          <Button
            variant="ghost"
            size="small"
            disabled={disabled}
            onClick={() => onChange({ kind: 'image' })}
          >
            {t('remove')}
          </Button>
        )}
      </div>
      {upload.error ? (
        <p className="text-xs leading-snug text-red-600" role="alert">
          {problem(upload.error)}
        </p>
      ) : (
        <p className="text-xs leading-snug text-slate-400">{t('uploadHint')}</p>
      )}
      {!image.mediaId && (
        <div className="space-y-1">
          <label htmlFor={`${id}-url`} className={labelClass}>
            {t('orUrl')}
          </label>
          <input
            id={`${id}-url`}
            type="url"
            placeholder="https://"
            disabled={disabled}
            className={inputClass}
            value={image.url ?? ''}
            aria-invalid={urlInvalid || undefined}
            onChange={(event) =>
              onChange(event.target.value ? { kind: 'image', url: event.target.value } : { kind: 'image' })
            }
          />
          {image.url && <MediaCard media={image} />}
        </div>
      )}
    </div>
  );
}
