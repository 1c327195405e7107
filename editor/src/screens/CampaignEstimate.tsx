// The wizard's right column, always in view: the audience count, the estimate per bot account
// (messages, per day, days, risk with its reason) and the launch button saying when it finishes.
import type { UseQueryResult } from '@tanstack/react-query';
import { Badge, Button, Card, ErrorNote } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import type { CampaignEstimate as Estimate, PreviewResult, Rules } from './campaigns-api.ts';
import { type CampaignsKey, campaignsMessages, reasonText } from './campaigns-messages.ts';
import { SegmentCount } from './SegmentPreview.tsx';

const RISK_TONE = { ok: 'green', high: 'amber', over_limit: 'red' } as const;

export function CampaignSide(props: {
  preview: PreviewResult;
  rules: Rules | null;
  estimate: UseQueryResult<Estimate>;
  draftError: unknown;
  saving: boolean;
  /** The launch's start when scheduled (ISO), null: now. */
  startsAt: string | null;
  launching: boolean;
  onLaunch: () => void;
}) {
  const t = campaignsMessages.useT();
  return (
    <div className="space-y-4 lg:sticky lg:top-6">
      <Card className="p-4">
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">{t('audience')}</h3>
        <SegmentCount preview={props.preview} rules={props.rules} />
      </Card>
      <Card className="space-y-3 p-4">
        <div className="flex items-baseline justify-between">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('estimate')}</h3>
          {(props.saving || props.estimate.isFetching) && (
            <span className="text-xs text-slate-400">{props.saving ? t('saving') : t('estimating')}</span>
          )}
        </div>
        <ErrorNote error={props.draftError ?? props.estimate.error} />
        {props.estimate.data ? (
          <EstimateTable estimate={props.estimate.data} />
        ) : (
          <p className="text-sm text-slate-500">{t('estimateHint')}</p>
        )}
        <LaunchButton {...props} />
      </Card>
    </div>
  );
}

function EstimateTable({ estimate }: { estimate: Estimate }) {
  const t = campaignsMessages.useT();
  const { lang } = useLang();
  return (
    <div className="space-y-2" data-testid="estimate">
      {estimate.perAccount.map((row) => (
        <div key={row.botAccountId} className="rounded-lg bg-slate-50 p-2 text-sm" data-testid="estimate-row">
          <div className="flex items-center justify-between gap-2">
            <span className="min-w-0 truncate font-medium text-slate-800">{row.name}</span>
            <Badge tone={RISK_TONE[row.risk]}>{t(`risk_${row.risk}` as CampaignsKey)}</Badge>
          </div>
          <dl className="mt-1 grid grid-cols-3 gap-1 text-xs text-slate-500">
            <div>
              <dt>{t('messages')}</dt>
              <dd className="font-medium text-slate-800 tabular-nums">{row.messages.toLocaleString(lang)}</dd>
            </div>
            <div>
              <dt>{t('perDay')}</dt>
              <dd className="font-medium text-slate-800 tabular-nums">{row.perDay.toLocaleString(lang)}</dd>
            </div>
            <div>
              <dt>{t('days')}</dt>
              <dd className="font-medium text-slate-800 tabular-nums">
                {row.days.toLocaleString(lang, { maximumFractionDigits: 1 })}
              </dd>
            </div>
          </dl>
          {row.reason && (
            <p
              className={`mt-1 text-xs ${row.risk === 'over_limit' ? 'text-red-700' : 'text-amber-700'}`}
              data-testid="estimate-reason"
            >
              {reasonText(t, row.reason)}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}

/** "Launch — finishes ~Dec 5 21:00"; over a limit or with nobody to send to now, disabled with the reason. */
function LaunchButton(props: Parameters<typeof CampaignSide>[0]) {
  const t = campaignsMessages.useT();
  const { lang } = useLang();
  const { zone } = useWorkspaceTime();
  const estimate = props.estimate.data;
  const over = estimate?.perAccount.find((row) => row.risk === 'over_limit');
  // Nobody to send to: a launch now would finish at once; a scheduled one counts the segment again then.
  const empty = estimate?.audience === 0;
  const short = (iso: string) =>
    new Intl.DateTimeFormat(lang, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(new Date(iso));
  const label = props.launching
    ? t('launching')
    : props.startsAt
      ? t('schedule', { at: short(props.startsAt) })
      : estimate?.finishesAt && !empty
        ? t('launchAt', { at: short(estimate.finishesAt) })
        : t('launch');
  return (
    <div className="space-y-1">
      <Button
        variant="primary"
        className="w-full"
        data-testid="launch"
        disabled={!estimate || Boolean(over) || (empty && !props.startsAt) || props.saving || props.launching}
        onClick={props.onLaunch}
      >
        {label}
      </Button>
      {over && (
        <p className="text-xs text-red-700" data-testid="launch-blocked">
          {t('overLimit', { reason: reasonText(t, over.reason ?? 'over_limit') })}
        </p>
      )}
      {empty && (
        <p
          className={props.startsAt ? 'text-xs text-amber-700' : 'text-xs text-red-700'}
          data-testid="launch-empty"
        >
          {t(props.startsAt ? 'emptyAudienceLater' : 'emptyAudience')}
        </p>
      )}
      {props.startsAt && estimate?.finishesAt && (
        <p className="text-xs text-slate-500">{t('finishesAt', { at: short(estimate.finishesAt) })}</p>
      )}
    </div>
  );
}
