// Where the contact is in this flow, and (collapsible) what the flow has learnt: tags and attributes.
import { useLang } from '../../i18n.ts';
import { nodeName, typeName } from '../node-name.ts';
import { useFlowStore } from '../store.ts';
import { statusText, useT } from './messages.ts';
import type { ContactDetail } from './sandboxApi.ts';

export function ContactDetails({ contact, flowId }: { contact: ContactDetail; flowId: string }) {
  const t = useT();
  const status = (key: string, value: string) => statusText(t, key, value);
  const run = contact.runs.find((r) => r.flowId === flowId);
  const { lang } = useLang();
  // The card's name when it has one; else its type, with the id to tell two of a type apart.
  const node = useFlowStore((s) => {
    const at = run?.currentNodeId;
    const shown = at ? s.nodes.find((n) => n.id === at) : undefined;
    if (!at || !shown) return at ?? '—';
    return shown.label?.trim() ? nodeName(shown, lang) : `${typeName(shown.type, lang)} (${at})`;
  });
  const attributes = Object.entries(contact.attributes);
  return (
    <section className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
      <p className="flex justify-between gap-2">
        <span data-testid="sim-run">
          {run ? t('run', { status: status(`run_${run.status}`, run.status), node }) : t('noRun')}
        </span>
        <span className="text-slate-400">
          {t('friendStatus', {
            status: status(`friend_${contact.friendStatus}`, contact.friendStatus),
          })}
        </span>
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer select-none font-medium text-slate-500 hover:text-slate-800">
          {t('details')}
        </summary>
        <div className="mt-1.5 space-y-2">
          <ul className="flex flex-wrap gap-1" aria-label={t('tags')}>
            {contact.tags.length === 0 && <li className="text-slate-400">{t('noTags')}</li>}
            {contact.tags.map((tag) => (
              <li
                key={tag}
                className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-700 ring-1 ring-emerald-200"
              >
                {tag}
              </li>
            ))}
          </ul>
          {attributes.length === 0 ? (
            <p className="text-slate-400">{t('noAttributes')}</p>
          ) : (
            <dl
              className="grid max-h-32 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 overflow-y-auto"
              aria-label={t('attributes')}
            >
              {attributes.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-mono text-slate-500">{key}</dt>
                  <dd className="truncate text-slate-800">
                    {typeof value === 'string' ? value : JSON.stringify(value)}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </details>
    </section>
  );
}
