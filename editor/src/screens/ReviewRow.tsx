// One flagged message on the review page: its rating, who wrote it (an agent, or the bot at a flow's
// node), the contact and their conversation, the reviewer's comment; the rating switches in place,
// the comment is edited in place, and the flag can be taken off.
import { useState } from 'react';
import { Link } from 'wouter';
import { Badge, Button, ErrorNote, fieldClass, Segmented } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { type ReviewItem, type ReviewRating, useSetReview } from './inbox-stats-api.ts';
import { inboxStatsMessages } from './inbox-stats-messages.ts';

export function ReviewRow({ item }: { item: ReviewItem }) {
  const t = inboxStatsMessages.useT();
  const { format } = useWorkspaceTime();
  const review = useSetReview();
  const [comment, setComment] = useState<string | null>(null);
  const save = (rating: ReviewRating, text: string) =>
    review.mutate(
      { messageId: item.messageId, review: { rating, comment: text } },
      { onSuccess: () => setComment(null) },
    );
  return (
    <li className="px-4 py-4" data-testid="review-item" data-rating={item.rating}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Badge tone={item.rating === 'good' ? 'green' : 'red'}>{t(item.rating)}</Badge>
        <Author item={item} />
        <span className="text-xs text-slate-400">{format(item.at)}</span>
        <span className="ml-auto flex items-center gap-2 text-slate-600">
          {t('contact', { name: item.contact.name })}
          {item.conversationId && (
            <Link href={`/inbox/${item.conversationId}`} className="text-emerald-700 hover:underline">
              {t('openConversation')}
            </Link>
          )}
        </span>
      </div>
      <p className="mt-2 whitespace-pre-wrap rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
        {item.text}
      </p>
      {comment === null ? (
        <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700" data-testid="review-comment">
          {item.comment || <span className="text-slate-400">{t('noComment')}</span>}
        </p>
      ) : (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save(item.rating, comment.trim());
          }}
        >
          <textarea
            aria-label={t('comment')}
            value={comment}
            maxLength={2000}
            rows={2}
            onChange={(e) => setComment(e.target.value)}
            className={`${fieldClass()} w-full`}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" size="small" disabled={review.isPending}>
              {t('save')}
            </Button>
            <Button size="small" onClick={() => setComment(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className="mr-auto">
          {t('reviewedBy', {
            name: item.reviewer?.name ?? t('removedMember'),
            time: format(item.reviewedAt),
          })}
        </span>
        <Segmented
          aria-label={t('rating')}
          value={item.rating}
          disabled={review.isPending}
          onChange={(rating) => save(rating, item.comment)}
          options={[
            { value: 'good', label: t('good') },
            { value: 'bad', label: t('bad') },
          ]}
        />
        {comment === null && (
          <Button variant="ghost" onClick={() => setComment(item.comment)}>
            {t('edit')}
          </Button>
        )}
        <ConfirmButton
          label={t('remove')}
          question={t('removeQuestion')}
          variant="danger"
          disabled={review.isPending}
          onConfirm={() => review.mutate({ messageId: item.messageId, review: null })}
        />
      </div>
      {review.error && (
        <div className="mt-2">
          <ErrorNote error={review.error} />
        </div>
      )}
    </li>
  );
}

function Author({ item }: { item: ReviewItem }) {
  const t = inboxStatsMessages.useT();
  const name = item.author === 'agent' ? (item.authorName ?? t('author_agent')) : t(`author_${item.author}`);
  return (
    <span className="text-slate-900">
      <span className="font-medium">{name}</span>
      {item.flowId && item.flowName && (
        <Link href={`/flows/${item.flowId}`} className="ml-2 text-slate-500 hover:underline">
          {item.nodeId
            ? t('atNode', { flow: item.flowName, node: item.nodeLabel ?? item.nodeId })
            : item.flowName}
        </Link>
      )}
    </span>
  );
}
