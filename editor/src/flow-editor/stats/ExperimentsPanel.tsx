// Stats mode's experiments tab: every split and send with variants of the shown version, each arm's
// contacts, conversions to the picked goal, rate with its 95% interval, p-value and lift over a
// holdout; a winner badge when significant, and "make the winner the default" edits the draft.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adoptWinner } from '../../../../shared/analytics/experiment-nodes.ts';
import type { Experiment, ExperimentsBody } from '../../../../shared/api/experiments.ts';
import { api } from '../../api.ts';
import { Badge, Button, Select } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { flowKeys } from '../flow-api.ts';
import { useFlowStoreApi } from '../store.ts';
import { useT } from './ExperimentsPanel.messages.ts';
import type { ExperimentsPanelProps } from './ExperimentsSlot.tsx';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const pText = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${percent(Math.abs(x))}`;

const cell = 'px-2 py-1.5 text-right tabular-nums';

export function ExperimentsPanel({ flowId, version, onFocusNode }: ExperimentsPanelProps) {
  const t = useT();
  const errorText = useErrorText();
  const [goal, setGoal] = useState<string | null>(null);
  const query = useQuery({
    queryKey: [...flowKeys.detail(flowId), 'experiments', version, goal],
    queryFn: () =>
      api<ExperimentsBody>(
        'GET',
        `/flows/${flowId}/experiments?version=${version}${goal ? `&goal=${encodeURIComponent(goal)}` : ''}`,
      ),
  });
  if (query.error)
    return (
      <p className="py-4 text-sm text-rose-600" role="alert">
        {t('loadFailed', { message: errorText(query.error) })}
      </p>
    );
  const body = query.data;
  if (!body) return <div className="h-32 animate-pulse rounded-lg bg-slate-50" />;
  if (body.experiments.length === 0)
    return <p className="py-6 text-center text-sm text-slate-500">{t('none')}</p>;
  return (
    <div className="space-y-3" data-testid="experiments-panel">
      <div className="flex items-center gap-3 text-sm">
        {body.goals.length > 0 ? (
          <label className="flex items-center gap-2 text-slate-500">
            {t('goal')}
            <Select
              size="small"
              value={body.goal ?? ''}
              onChange={(e) => setGoal(e.target.value)}
              data-testid="experiments-goal"
            >
              {body.goals.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </label>
        ) : (
          <span className="text-amber-700">{t('noGoal')}</span>
        )}
        <span className="text-xs text-slate-400">{t('needsSample', { min: body.minContacts })}</span>
      </div>
      {body.experiments.map((experiment) => (
        <ExperimentCard key={experiment.nodeId} experiment={experiment} onFocusNode={onFocusNode} />
      ))}
    </div>
  );
}

function ExperimentCard({
  experiment,
  onFocusNode,
}: {
  experiment: Experiment;
  onFocusNode: (nodeId: string) => void;
}) {
  const t = useT();
  const store = useFlowStoreApi();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const winner = experiment.arms.find((arm) => arm.key === experiment.winner);
  const hasHoldout = experiment.arms.some((arm) => arm.holdout);
  const focus = () => onFocusNode(experiment.nodeId);
  const makeDefault = () => {
    if (!winner) return;
    const done = store
      .getState()
      .editDraftNode(experiment.nodeId, (data) => adoptWinner(experiment, winner, data));
    setNote(
      done
        ? { ok: true, text: t('madeDefault', { name: winner.label }) }
        : { ok: false, text: t('notInDraft') },
    );
  };
  return (
    <section
      className="rounded-lg ring-1 ring-slate-200"
      data-testid={`experiment-${experiment.nodeId}`}
      aria-label={experiment.label ?? experiment.nodeId}
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2 text-sm">
        <button
          type="button"
          className="font-medium text-slate-900 hover:text-emerald-700 hover:underline"
          onClick={focus}
          title={t('showOnCanvas')}
        >
          {experiment.label ?? experiment.nodeId}
        </button>
        <span className="text-xs text-slate-400">{t(experiment.type)}</span>
        <span className="text-xs text-slate-500 tabular-nums">
          {t('pValue')} {pText(experiment.pValue)}
        </span>
        <span className="ml-auto flex items-center gap-2">
          {winner ? (
            <>
              <span data-testid="winner-badge">
                <Badge tone="green">
                  {t('winner')}: {winner.label}
                </Badge>
              </span>
              <Button
                size="small"
                variant="secondary"
                onClick={makeDefault}
                title={experiment.type === 'split' ? t('makeDefaultSplit') : t('makeDefaultSend')}
                data-testid="make-default"
              >
                {t('makeDefault')}
              </Button>
            </>
          ) : (
            <span className="text-xs text-slate-400">{t('noWinner')}</span>
          )}
        </span>
      </header>
      {note && (
        <p className={`px-3 pt-2 text-xs ${note.ok ? 'text-emerald-700' : 'text-rose-600'}`} role="status">
          {note.text}
        </p>
      )}
      <table className="w-full text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="px-3 py-1.5 text-left font-medium">{t('arm')}</th>
            <th className={`${cell} font-medium`}>{t('contacts')}</th>
            <th className={`${cell} font-medium`}>{t('converted')}</th>
            <th className={`${cell} font-medium`}>{t('rate')}</th>
            <th className={`${cell} font-medium`}>{t('pValue')}</th>
            {hasHoldout && <th className={`${cell} pr-3 font-medium`}>{t('lift')}</th>}
          </tr>
        </thead>
        <tbody>
          {experiment.arms.map((arm) => (
            <tr
              key={arm.key}
              onClick={focus}
              className={`cursor-pointer border-t border-slate-100 hover:bg-slate-50 ${
                arm.key === experiment.winner ? 'bg-emerald-50/60' : ''
              }`}
              data-testid={`arm-${experiment.nodeId}-${arm.key}`}
            >
              <td className="max-w-64 truncate px-3 py-1.5 text-slate-800" title={arm.label}>
                {arm.label}
                {arm.holdout && (
                  <span className="ml-2" title={t('holdoutHint')}>
                    <Badge tone="slate">{t('holdout')}</Badge>
                  </span>
                )}
              </td>
              <td className={cell}>{arm.contacts.toLocaleString()}</td>
              <td className={cell}>{arm.converted.toLocaleString()}</td>
              <td className={cell}>
                {percent(arm.rate)}{' '}
                <span className="text-xs text-slate-400">
                  ({percent(arm.ci95[0])}–{percent(arm.ci95[1])})
                </span>
              </td>
              <td className={cell}>
                {arm.pValue === null && arm.contacts > 0 ? t('leader') : pText(arm.pValue)}
              </td>
              {hasHoldout && (
                <td className={`${cell} pr-3`}>
                  {arm.lift ? (
                    <>
                      {signed(arm.lift.diff)}{' '}
                      <span className="text-xs text-slate-400">
                        ({signed(arm.lift.ci95[0])} … {signed(arm.lift.ci95[1])})
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
