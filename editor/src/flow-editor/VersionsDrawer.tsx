// The list of published versions; opening one shows it read-only on the canvas.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { IconButton } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { flowKeys, getVersion, listVersions, readGraph } from './flow-api.ts';
import { GLYPHS, Icon } from './icons.tsx';
import { useT } from './messages.ts';
import { useFlowStore } from './store.ts';

export function VersionsDrawer(props: { liveVersion: number | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const flowId = useFlowStore((s) => s.flowId);
  const viewing = useFlowStore((s) => s.viewingVersion);
  const viewVersion = useFlowStore((s) => s.viewVersion);
  const versions = useQuery({ queryKey: flowKeys.versions(flowId), queryFn: () => listVersions(flowId) });
  const [opening, setOpening] = useState<number | null>(null);
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

  const open = async (version: number) => {
    setOpening(version);
    try {
      const detail = await queryClient.fetchQuery({
        queryKey: flowKeys.version(flowId, version),
        queryFn: () => getVersion(flowId, version),
        staleTime: Number.POSITIVE_INFINITY,
      });
      viewVersion(version, readGraph(detail.graph));
      props.onClose();
    } finally {
      setOpening(null);
    }
  };

  const newestFirst = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <aside
      className="absolute inset-y-0 right-0 z-20 flex w-80 flex-col border-l border-slate-200 bg-white shadow-xl"
      data-testid="versions-drawer"
    >
      <div className="flex items-center justify-between border-b border-slate-100 px-4 py-3">
        <h2 className="text-sm font-semibold text-slate-900">{t('versionsTitle')}</h2>
        <IconButton icon={GLYPHS.close} title={t('close')} onClick={props.onClose} />
      </div>
      <div className="flex-1 overflow-y-auto p-2">
        {versions.isError && <p className="p-3 text-sm text-rose-600">{t('versionsFailed')}</p>}
        {versions.isSuccess && newestFirst.length === 0 && (
          <p className="p-3 text-sm text-slate-500">{t('versionsEmpty')}</p>
        )}
        <ul className="space-y-1">
          {newestFirst.map((version) => (
            <li key={version.version}>
              <button
                type="button"
                onClick={() => open(version.version)}
                disabled={opening !== null}
                data-testid={`version-${version.version}`}
                className={`flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left transition hover:bg-slate-50 ${
                  viewing === version.version ? 'bg-emerald-50 ring-1 ring-emerald-200' : ''
                }`}
              >
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
                  v{version.version}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-2 text-sm font-medium text-slate-800">
                    {t('versionLabel', { version: version.version })}
                    {version.version === props.liveVersion && (
                      <span className="rounded-full bg-emerald-100 px-1.5 text-[10px] font-semibold text-emerald-700">
                        {t('versionLive')}
                      </span>
                    )}
                  </span>
                  <span className="block truncate text-xs text-slate-500">
                    {when.format(new Date(version.publishedAt))} ·{' '}
                    <span className="font-mono">{version.hash.slice(0, 7)}</span>
                  </span>
                </span>
                <Icon
                  d={opening === version.version ? GLYPHS.history : GLYPHS.eye}
                  className="size-4 text-slate-400"
                />
              </button>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
