// What an import will do (the dry run's answer) or did: counts, the column mapping, the first rows,
// and every row error by line.
import type { ContactsImportResult, ImportRowError } from '../../../shared/api/contacts-csv.ts';
import { Badge } from '../app/ui.tsx';
import { contactsCsvMessages } from './contacts-csv-messages.ts';

const cell = 'px-3 py-1.5 text-left align-top';

export function ContactsImportPreview({ result }: { result: ContactsImportResult }) {
  const t = contactsCsvMessages.useT();
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-500">
        {t('encoding', {
          encoding: result.encoding,
          delimiter: result.delimiter === '\t' ? 'Tab' : result.delimiter,
        })}
      </p>
      <section>
        <h3 className="mb-1 font-medium text-slate-700">{t('columns')}</h3>
        <div className="flex flex-wrap gap-1.5">
          {result.columns.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; columns never move
            <span key={`${i}-${c.header}`} title={c.ignored ? t(`ignored_${c.ignored}`) : (c.field ?? '')}>
              <Badge tone={c.ignored ? 'slate' : 'green'}>
                {c.header}
                {c.ignored ? ` · ${t('ignored')}` : c.field !== c.header ? ` → ${c.field}` : ''}
              </Badge>
            </span>
          ))}
        </div>
      </section>
      {result.sample.length > 0 && (
        <div className="max-h-72 overflow-auto rounded-lg border border-slate-200">
          <table className="w-full">
            <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {(['line', 'action', 'name', 'weixin', 'tags', 'attributes'] as const).map((key) => (
                  <th key={key} className={cell}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.sample.map((row) => (
                <tr key={row.line}>
                  <td className={`${cell} text-slate-400`}>{row.line}</td>
                  <td className={cell}>
                    <Badge tone={row.action === 'insert' ? 'blue' : 'amber'}>{t(row.action)}</Badge>
                  </td>
                  <td className={cell}>{row.name ?? '—'}</td>
                  <td className={cell}>{row.weixin ?? row.puppetId ?? '—'}</td>
                  <td className={cell}>{row.tags.join('、')}</td>
                  <td className={`${cell} font-mono text-xs text-slate-500`}>
                    {Object.entries(row.attributes)
                      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
                      .join(' ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.errors.length > 0 && (
        <section>
          <h3 className="mb-1 font-medium text-red-700">{t('errors')}</h3>
          <ul className="max-h-48 space-y-0.5 overflow-auto rounded-lg bg-red-50 px-3 py-2 text-red-700">
            {result.errors.map((e) => (
              <li key={`${e.line}-${e.code}`}>
                <span className="mr-2 font-mono text-xs">
                  {t('line')} {e.line}
                  {e.params?.column ? ` · ${e.params.column}` : ''}
                </span>
                {t(`row_${e.code as ImportRowError}`, e.params)}
              </li>
            ))}
          </ul>
          {result.errorCount > result.errors.length && (
            <p className="mt-1 text-xs text-red-600">
              {t('moreErrors', { count: result.errorCount - result.errors.length })}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
