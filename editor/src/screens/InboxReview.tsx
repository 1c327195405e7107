// Quality review (质检) of what the bot or an agent sent: on hover, flag it good or bad with a
// comment; the flag shows under the message and can be changed or taken off.
import { useState } from 'react';
import { Button, ErrorNote, Input } from '../app/ui.tsx';
import { Icon } from '../flow-editor/icons.tsx';
import { type ConversationMessage, type ReviewRating, useReview } from './inbox-api.ts';
import { inboxMessages } from './inbox-messages.ts';

export const THUMB = {
  good: 'M7 10v11M15 5.9 14 10h5.8a2 2 0 0 1 1.9 2.6l-2.3 7a2 2 0 0 1-1.9 1.4H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h2.8a2 2 0 0 0 1.8-1.1L12 2a3.1 3.1 0 0 1 3 3.9z',
  bad: 'M17 14V2M9 18.1 10 14H4.2a2 2 0 0 1-1.9-2.6l2.3-7A2 2 0 0 1 6.5 3H20a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-2.8a2 2 0 0 0-1.8 1.1L12 22a3.1 3.1 0 0 1-3-3.9z',
} as const;

export function ReviewActions(props: { conversationId: string; message: ConversationMessage }) {
  const t = inboxMessages.useT();
  const review = useReview(props.conversationId);
  const current = props.message.review;
  const [rating, setRating] = useState<ReviewRating | null>(null);
  const [comment, setComment] = useState('');
  const ask = (next: ReviewRating) => {
    setRating(next);
    setComment(current?.comment ?? '');
  };
  const messageId = props.message.id;
  if (messageId === null) return null;
  return (
    <div className="relative">
      <div
        className={`flex gap-0.5 ${rating ? '' : 'opacity-0 group-hover:opacity-100 focus-within:opacity-100'}`}
      >
        {(['good', 'bad'] as const).map((r) => (
          <Button
            key={r}
            variant={current?.rating === r ? 'active' : 'ghost'}
            size="compactIcon"
            icon={THUMB[r]}
            title={t(`review_${r}`)}
            aria-label={t(`review_${r}`)}
            aria-pressed={current?.rating === r}
            onClick={() => ask(r)}
            data-testid={`review-${r}`}
          />
        ))}
      </div>
      {rating && (
        <form
          className="absolute top-8 right-0 z-10 w-64 space-y-2 rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200"
          aria-label={t(`review_${rating}`)}
          onSubmit={(e) => {
            e.preventDefault();
            review.mutate(
              { messageId, review: { rating, comment: comment.trim() } },
              { onSuccess: () => setRating(null) },
            );
          }}
          onKeyDown={(e) => e.key === 'Escape' && setRating(null)}
        >
          <p className="text-xs font-medium text-slate-700">{t(`review_${rating}`)}</p>
          <Input
            size="small"
            className="w-full"
            placeholder={t('reviewComment')}
            aria-label={t('reviewComment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoFocus
            data-testid="review-comment"
          />
          <ErrorNote error={review.error} />
          <div className="flex justify-end gap-1">
            {current && (
              <Button
                size="small"
                variant="ghost"
                onClick={() =>
                  review.mutate({ messageId, review: null }, { onSuccess: () => setRating(null) })
                }
              >
                {t('reviewRemove')}
              </Button>
            )}
            <Button size="small" onClick={() => setRating(null)}>
              {t('cancel')}
            </Button>
            <Button
              size="small"
              type="submit"
              variant="primary"
              disabled={review.isPending}
              data-testid="review-save"
            >
              {t('save')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

export function ReviewFlag({ review }: { review: NonNullable<ConversationMessage['review']> }) {
  const t = inboxMessages.useT();
  return (
    <span
      className={`inline-flex items-center gap-0.5 ${review.rating === 'good' ? 'text-emerald-600' : 'text-red-600'}`}
      data-testid="review-flag"
      data-rating={review.rating}
      title={review.comment || undefined}
    >
      <Icon d={THUMB[review.rating]} className="size-3" />
      {t(`flag_${review.rating}`)}
      {review.comment && <span className="text-slate-500"> · {review.comment}</span>}
    </span>
  );
}
