// Stats bar above the canvas: version picker (the canvas shows that version), run totals and goal
// counts, kept live by the stream.
import { useState } from 'react';
import { Select } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { useLang } from '../../i18n.ts';
import { useFlowStore } from '../store.ts';
import { LiveDot } from './LiveDot.tsx';
import { useT } from './messages.ts';
import { latestVersion, useVersions } from './queries.ts';
import { StatsPills } from './StatsPills.tsx';
import { useLiveStats } from './useLiveStats.ts';
import { useVersionOnCanvas } from './useVersionOnCanvas.ts';

const bar = 'flex min-h-11 items-center gap-4 border-b border-slate-200 bg-white px-4 py-1.5 text-sm';

export function StatsBar({ flowId }: { flowId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLang();
  const versions = useVersions(flowId);
  const [picked, setPicked] = useState<number | null>(null);
  const latest = latestVersion(versions.data);
  const version = versions.data?.some((v) => v.version === picked) ? picked : latest;
  const setStats = useFlowStore((s) => s.setStats);
  const stats = useFlowStore((s) => s.stats);
  const live = useLiveStats(flowId, version, setStats);
  useVersionOnCanvas(flowId, version);

  if (versions.error)
    return (
      <div className={`${bar} text-rose-600`} role="alert">
        {t('loadFailed', { message: errorText(versions.error) })}
      </div>
    );
  if (!versions.data) return <div className={bar} />;
  if (version === null)
    return (
      <div className={`${bar} text-slate-500`} data-testid="stats-empty">
        {t('notPublished')}
      </div>
    );
  return (
    <div className={bar} data-testid="stats-bar">
      <label className="flex shrink-0 items-center gap-2 text-slate-500">
        {t('version')}
        <Select
          value={version}
          onChange={(e) => setPicked(Number(e.target.value))}
          data-testid="stats-version"
        >
          {[...versions.data].reverse().map((v) => (
            <option key={v.version} value={v.version}>
              {t('versionOption', {
                version: v.version,
                date: new Date(v.publishedAt).toLocaleDateString(lang),
              })}
              {v.version === latest ? t('latest') : ''}
            </option>
          ))}
        </Select>
      </label>
      {live.state !== 'idle' && <LiveDot state={live.state} />}
      {stats?.version === version && <StatsPills stats={stats} />}
      {live.error && !stats && (
        <span className="text-xs text-rose-600" role="alert">
          {t('loadFailed', { message: errorText(live.error) })}
        </span>
      )}
    </div>
  );
}
