// Stats mode on a node card: how many contacts entered, how many are here now, and the share of
// everyone who started the flow (the drop-off from the top of the funnel).
import type { Lang } from '../i18n.ts';
import { formatCount, formatShare } from './format.ts';
import { useT } from './messages.ts';

export function NodeStats(props: {
  nodeId: string;
  entered: number;
  here: number;
  start: number;
  lang: Lang;
}) {
  const t = useT();
  const figure = 'flex flex-col items-center gap-0.5';
  const share = props.start > 0 ? Math.min(1, props.entered / props.start) : 0;
  return (
    <div className="border-t border-slate-100 bg-slate-50/70 px-3 py-2">
      <div className="grid grid-cols-3 text-center">
        <div className={figure}>
          <span
            className="text-sm font-semibold tabular-nums text-slate-900"
            data-testid={`node-entered-${props.nodeId}`}
          >
            {props.entered}
          </span>
          <span className="text-[10px] uppercase tracking-wide text-slate-400">{t('entered')}</span>
        </div>
        <div className={figure}>
          <span className="text-sm font-semibold tabular-nums text-amber-600">
            {formatCount(props.here, props.lang)}
          </span>
          <span className="text-[10px] uppercase tracking-wide text-slate-400">{t('hereNow')}</span>
        </div>
        <div className={figure}>
          <span className="text-sm font-semibold tabular-nums text-emerald-600">
            {formatShare(props.entered, props.start)}
          </span>
          <span className="text-[10px] uppercase tracking-wide text-slate-400">{t('ofStart')}</span>
        </div>
      </div>
      <div className="mt-1.5 h-1 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
