// The segment preview's parts: the live count ("counting…" while the next one is asked), each
// exclusion with its switch and what it takes out, and the 10-contact sample.
import { type CampaignExclusions, EXCLUSIONS, type Exclusion } from '../../../shared/segments/rules.ts';
import { Badge, ErrorNote, relativeTime } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import type { PreviewResult, Rules } from './campaigns-api.ts';
import { durationDays, ruleComplete } from './campaigns-rules.ts';
import { type SegmentKey, segmentMessages } from './campaigns-segment-messages.ts';

type Preview = PreviewResult;

export function SegmentCount({ preview, rules }: { preview: Preview; rules: Rules | null }) {
  const t = segmentMessages.useT();
  const { lang } = useLang();
  const unfinished = rules ? rules.rules.filter((r) => !ruleComplete(r)).length : 0;
  const count = preview.data?.count;
  return (
    <div>
      <div className="flex items-baseline gap-2">
        <span className="text-3xl font-semibold text-slate-900 tabular-nums" data-testid="segment-count">
          {count === undefined ? '—' : count.toLocaleString(lang)}
        </span>
        {count !== undefined && <span className="text-sm text-slate-500">{t('contactsUnit')}</span>}
        {preview.counting && (
          <span className="text-xs text-slate-400" data-testid="segment-counting">
            {t('counting')}
          </span>
        )}
      </div>
      {unfinished > 0 && <p className="mt-1 text-xs text-amber-700">{t('incomplete', { n: unfinished })}</p>}
      <div className="mt-2">
        <ErrorNote error={preview.error} />
      </div>
    </div>
  );
}

export function exclusionLabel(
  t: ReturnType<typeof segmentMessages.useT>,
  exclusion: Exclusion,
  exclusions: CampaignExclusions,
): string {
  if (exclusion !== 'recentlyTalked') return t(`ex_${exclusion}` as SegmentKey);
  const days = durationDays(exclusions.recentlyTalkedWithin);
  return days === null
    ? t('ex_recentlyTalkedAny', { within: exclusions.recentlyTalkedWithin })
    : t('ex_recentlyTalked', { days });
}

/** Every exclusion with its switch and "−123": how many the rules took that it leaves out. */
export function SegmentExclusions(props: {
  preview: Preview;
  exclusions: CampaignExclusions;
  onChange: (exclusions: CampaignExclusions) => void;
}) {
  const t = segmentMessages.useT();
  const { lang } = useLang();
  const excluded = props.preview.data?.excluded;
  return (
    <div>
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">{t('exclusions')}</h3>
      <ul className="space-y-1.5 text-sm">
        {EXCLUSIONS.map((exclusion) => (
          <li key={exclusion} className="flex items-center gap-2" data-testid={`exclusion-${exclusion}`}>
            <input
              type="checkbox"
              id={`exclusion-${exclusion}`}
              className="size-4 accent-emerald-600"
              checked={props.exclusions[exclusion]}
              onChange={(e) => props.onChange({ ...props.exclusions, [exclusion]: e.target.checked })}
            />
            <label htmlFor={`exclusion-${exclusion}`} className="min-w-0 flex-1 text-slate-700">
              {exclusionLabel(t, exclusion, props.exclusions)}
            </label>
            <span
              className={`tabular-nums ${
                !props.exclusions[exclusion]
                  ? 'text-slate-400 line-through'
                  : excluded?.[exclusion]
                    ? 'text-red-600'
                    : 'text-slate-400'
              }`}
              data-testid={`excluded-${exclusion}`}
            >
              {excluded ? t('excludedBy', { n: excluded[exclusion].toLocaleString(lang) }) : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SegmentSample({ preview }: { preview: Preview }) {
  const t = segmentMessages.useT();
  const { lang } = useLang();
  const sample = preview.data?.sample;
  return (
    <div>
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">{t('sample')}</h3>
      {sample && sample.length === 0 && <p className="text-sm text-slate-500">{t('noSample')}</p>}
      <ul className="divide-y divide-slate-100 text-sm" data-testid="segment-sample">
        {(sample ?? []).map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 py-1.5">
            <span className="min-w-0 truncate">
              <span className="font-medium text-slate-800">{c.name || '—'}</span>
              {c.alias && <span className="ml-1 text-slate-400">{c.alias}</span>}
            </span>
            <span className="flex shrink-0 items-center gap-1 text-xs text-slate-500">
              {c.tags.slice(0, 2).map((tag) => (
                <Badge key={tag} tone="blue">
                  {tag}
                </Badge>
              ))}
              {relativeTime(c.lastInboundAt, lang)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
