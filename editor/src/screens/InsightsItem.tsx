// One insight as a card: its count, its sentence (said from kind + params in the reader's language)
// and the button that acts on it — a contacts list, a node, the bots; an unanswered phrase becomes an
// auto-reply in place, or the trigger of a new keyword flow.
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import type { InsightItem } from '../../../shared/api/insights.ts';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, fieldClass } from '../app/ui.tsx';
import { formatCount, formatPercent } from '../charts/format.ts';
import { useLang } from '../i18n.ts';
import { useRoleAtLeast } from '../queries.ts';
import { keywordFlowGraph, useAddAutoReply } from './insights-api.ts';
import { insightsMessages } from './insights-messages.ts';

const TONE: Record<InsightItem['kind'], string> = {
  intent_unanswered: 'text-emerald-700',
  drop_off: 'text-red-700',
  winning_variant: 'text-sky-700',
  unanswered_phrase: 'text-amber-700',
  budget_near: 'text-amber-700',
};

type T = ReturnType<typeof insightsMessages.useT>;

/** The sentence of an item: every number and name comes from its params. */
function sentence(item: InsightItem, t: T, lang: ReturnType<typeof useLang>['lang']): string {
  const p = item.params;
  const pct = (v: unknown) => formatPercent(typeof v === 'number' ? v : null, lang);
  const action = String(p.action ?? '');
  const known = ['message', 'friend_accept', 'friend_add', 'room_invite', 'room_remove'];
  return t(`item_${item.kind}`, {
    count: formatCount(item.count, lang),
    flow: String(p.flowName ?? ''),
    node: String(p.nodeLabel ?? p.nodeId ?? ''),
    now: pct(p.dropOff),
    before: pct(p.dropOffBefore),
    variant: String(p.variant ?? ''),
    goal: String(p.goal ?? ''),
    rate: pct(p.rate),
    runnerUp: pct(p.runnerUpRate),
    phrase: String(p.phrase ?? ''),
    contacts: formatCount(Number(p.contacts ?? 0), lang),
    account: String(p.accountName ?? ''),
    used: formatCount(Number(p.used ?? 0), lang),
    limit: formatCount(Number(p.limit ?? 0), lang),
    action: known.includes(action) ? t(`budget_${action as 'message'}`) : action,
  });
}

export function InsightCard({ item }: { item: InsightItem }) {
  const t = insightsMessages.useT();
  const { lang } = useLang();
  const [replying, setReplying] = useState(false);
  const [, navigate] = useLocation();
  const whyNotId = useId();
  const phrase = item.kind === 'unanswered_phrase' ? String(item.params.phrase ?? '') : null;
  return (
    <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
      <div className="w-24 shrink-0" data-testid="insight-count">
        <div className={`text-2xl font-semibold tabular-nums ${TONE[item.kind]}`}>
          {formatCount(item.count, lang)}
        </div>
        <div className="text-xs text-slate-500">{t(`count_${item.kind}`)}</div>
      </div>
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-800" data-testid="insight-text">
          {sentence(item, t, lang)}
        </p>
        {phrase !== null && <PhraseWhyNot id={whyNotId} />}
        {replying && phrase !== null && <AutoReplyForm phrase={phrase} onDone={() => setReplying(false)} />}
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        {phrase !== null ? (
          <PhraseActions phrase={phrase} onReply={() => setReplying(true)} whyNotId={whyNotId} />
        ) : (
          <Button variant="primary" onClick={() => navigate(item.link)} data-testid="insight-action">
            {t(`action_${item.kind}`)}
          </Button>
        )}
      </div>
    </Card>
  );
}

/** Under a phrase's sentence, when the reader may not take one of its actions: who can. */
function PhraseWhyNot({ id }: { id: string }) {
  const { whyNot } = usePhraseRights();
  if (!whyNot) return null;
  return (
    <p id={id} className="mt-1 text-xs text-slate-500" data-testid="insight-why-not">
      {whyNot}
    </p>
  );
}

/**
 * What the reader may do with an unanswered phrase. An auto-reply changes the workspace's settings,
 * which only owners and admins may (PATCH /workspace); a keyword flow is a draft, which marketers may
 * too. An action the reader may not take stays in view, disabled, saying who can take it.
 */
function usePhraseRights() {
  const t = insightsMessages.useT();
  const { lang } = useLang();
  const canReply = useRoleAtLeast('admin');
  const canDraft = useRoleAtLeast('marketer');
  const whyNot = [!canReply && t('autoReplyAdminsOnly'), !canDraft && t('keywordFlowBuildersOnly')]
    .filter(Boolean)
    .join(lang === 'zh-CN' ? '' : ' ');
  return { canReply, canDraft, whyNot };
}

function PhraseActions(props: { phrase: string; onReply: () => void; whyNotId: string }) {
  const t = insightsMessages.useT();
  const [, navigate] = useLocation();
  const { canReply, canDraft } = usePhraseRights();
  const create = useMutation({
    mutationFn: () =>
      api<{ id: string }>('POST', '/flows', {
        name: t('keywordFlowName', { phrase: props.phrase }).slice(0, 100),
        graph: keywordFlowGraph(props.phrase),
      }),
    onSuccess: (flow) => navigate(`/flows/${flow.id}?node=keyword`),
  });
  return (
    <>
      {/* A disabled button gets no pointer events: its wrapper carries the tooltip. */}
      <span title={canReply ? undefined : t('autoReplyAdminsOnly')}>
        <Button
          variant={canReply ? 'primary' : 'secondary'}
          onClick={props.onReply}
          disabled={!canReply}
          aria-describedby={canReply ? undefined : props.whyNotId}
          data-testid="insight-action"
        >
          {t('action_unanswered_phrase')}
        </Button>
      </span>
      <span title={canDraft ? undefined : t('keywordFlowBuildersOnly')}>
        <Button
          variant={canDraft && !canReply ? 'primary' : 'secondary'}
          onClick={() => create.mutate()}
          disabled={!canDraft || create.isPending}
          aria-describedby={canDraft ? undefined : props.whyNotId}
          data-testid="insight-keyword-flow"
        >
          {t('newKeywordFlow')}
        </Button>
      </span>
      <ErrorNote error={create.error} />
    </>
  );
}

function AutoReplyForm({ phrase, onDone }: { phrase: string; onDone: () => void }) {
  const t = insightsMessages.useT();
  const [reply, setReply] = useState('');
  const add = useAddAutoReply();
  return (
    <form
      className="mt-3 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ phrase, reply: reply.trim() }, { onSuccess: onDone });
      }}
    >
      <label className="text-xs font-medium text-slate-600">
        {t('replyLabel')}
        <textarea
          className={`${fieldClass()} mt-1 h-20 w-full py-1.5`}
          value={reply}
          maxLength={2000}
          placeholder={t('replyPlaceholder', { phrase })}
          onChange={(e) => setReply(e.target.value)}
          data-testid="insight-reply"
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="compact" disabled={!reply.trim() || add.isPending}>
          {t('saveReply')}
        </Button>
        <Button size="compact" variant="ghost" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
      <ErrorNote error={add.error} />
    </form>
  );
}
