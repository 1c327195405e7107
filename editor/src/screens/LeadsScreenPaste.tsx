// The paste box: a CSV of phones becomes a preview of the leads it creates with each row's problems,
// then — sent in batches, with a progress bar — each row's answer: added, already a lead, or why not.

import { type ReactNode, useMemo, useState } from 'react';
import type { SchemaIssue } from '../../../shared/schema-issues.ts';
import { TextFilePicker } from '../app/lists.tsx';
import { Badge, Button, Card, ErrorNote } from '../app/ui.tsx';
import { CATALOGUES } from '../catalogue/catalogue.ts';
import { formatMessage } from '../catalogue/format.ts';
import { schemaText, zodIssueText } from '../catalogue/schema-text.ts';
import { type Lang, useLang } from '../i18n.ts';
import { AttributeChips, LeadTarget } from './LeadsScreenParts.tsx';
import { type LeadResult, usePasteLeads } from './leads-api.ts';
import { leadsMessages } from './leads-messages.ts';
import { type PastedLead, parseLeads } from './leads-paste.ts';

/** Rows the preview shows; the counts above it always cover every row. */
const SHOWN = 100;

type Translate = ReturnType<typeof leadsMessages.useT>;

/** `phone` → 手机号, `attributes.course` → course: the column the marketer pasted it in. */
function placeOf(path: readonly PropertyKey[], t: Translate): string {
  const [field, key] = path.map(String);
  if (field === 'phone' || field === 'weixin' || field === 'name') return t(field);
  return key ?? field ?? '';
}

const at = (lang: Lang, place: string, detail: string) =>
  place ? formatMessage(CATALOGUES[lang].words.at, { place, detail }) : detail;

/** A pasted row's problems, as the server's schema would refuse it. */
const rowProblems = (row: PastedLead, lang: Lang, t: Translate): string[] =>
  row.issues.map((issue) => at(lang, placeOf(issue.path, t), zodIssueText(issue, row.lead, lang)));

type ServerError = NonNullable<LeadResult['errors']>[number];

/** The server's reason, phrased by its zod issue code and parameters. */
const serverProblem = (error: ServerError, lang: Lang, t: Translate): string =>
  at(lang, placeOf(error.path.split('.'), t), schemaText(error as unknown as SchemaIssue, lang));

export function LeadsPaste({ onClose }: { onClose: () => void }) {
  const t = leadsMessages.useT();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(0);
  const rows = useMemo(() => parseLeads(text), [text]);
  const ready = rows.filter((row) => row.issues.length === 0);
  const paste = usePasteLeads(setSent);
  const restart = () => {
    paste.reset();
    setText('');
  };
  return (
    <Card className="mb-6 space-y-3 p-4">
      {paste.data ? (
        <PasteResults rows={rows} sent={ready} results={paste.data} />
      ) : (
        <>
          <label className="block text-xs font-medium text-slate-600">
            {t('pasteLabel')}
            <textarea
              className="mt-1 block h-32 w-full rounded-lg border border-slate-300 p-3 font-mono text-sm font-normal text-slate-900 focus:border-emerald-500 focus:outline-none"
              placeholder={t('placeholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              readOnly={paste.isPending}
              data-testid="leads-paste-text"
            />
          </label>
          <p className="text-xs text-slate-500">{t('pasteHelp')}</p>
          {rows.length > 0 && <PastePreview rows={rows} />}
        </>
      )}
      {paste.isPending && (
        <div role="progressbar" aria-valuemin={0} aria-valuemax={ready.length} aria-valuenow={sent}>
          <div className="h-2 overflow-hidden rounded-full bg-slate-100">
            <div
              className="h-full rounded-full bg-emerald-500 transition-all"
              style={{ width: `${ready.length ? (100 * sent) / ready.length : 0}%` }}
            />
          </div>
          <p className="mt-1 text-sm text-slate-500">{t('sending', { sent, total: ready.length })}</p>
        </div>
      )}
      <ErrorNote error={paste.error} />
      <div className="flex flex-wrap items-center gap-3">
        {paste.data ? (
          <>
            <Button onClick={restart}>{t('pasteMore')}</Button>
            <Button variant="primary" className="ml-auto" onClick={onClose}>
              {t('done')}
            </Button>
          </>
        ) : (
          <>
            <TextFilePicker
              label={t('upload')}
              onText={(content) => setText((prev) => (prev.trim() ? `${prev}\n${content}` : content))}
            />
            <span className="text-sm text-slate-500" data-testid="leads-paste-counts">
              {t('ready', { n: ready.length })}
              {rows.length > ready.length && (
                <span className="text-red-600">
                  {' '}
                  · {t('withProblems', { n: rows.length - ready.length })}
                </span>
              )}
            </span>
            <Button
              variant="primary"
              className="ml-auto"
              disabled={ready.length === 0 || paste.isPending}
              onClick={() => paste.mutate(ready.map((row) => row.lead))}
              data-testid="leads-paste-send"
            >
              {t('send', { n: ready.length })}
            </Button>
            <Button onClick={onClose} disabled={paste.isPending}>
              {t('cancel')}
            </Button>
          </>
        )}
      </div>
    </Card>
  );
}

const TH = 'px-3 py-2 font-medium';
const TD = 'px-3 py-2 align-top';

function PreviewTable({ children, last }: { children: ReactNode; last: string }) {
  const t = leadsMessages.useT();
  return (
    <div className="max-h-80 overflow-auto rounded-lg ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className={`${TH} w-12`}>{t('line')}</th>
            <th className={TH}>{t('target')}</th>
            <th className={TH}>{t('name')}</th>
            <th className={TH}>{t('details')}</th>
            <th className={TH}>{last}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

function RowCells({ row }: { row: PastedLead }) {
  return (
    <>
      <td className={`${TD} tabular-nums text-slate-400`}>{row.line}</td>
      <td className={TD}>
        <LeadTarget lead={row.lead} />
      </td>
      <td className={TD}>{row.lead.name || <span className="text-slate-300">—</span>}</td>
      <td className={TD}>
        <AttributeChips attributes={row.lead.attributes} />
      </td>
    </>
  );
}

function PastePreview({ rows }: { rows: PastedLead[] }) {
  const t = leadsMessages.useT();
  const { lang } = useLang();
  return (
    <>
      <PreviewTable last={t('problems')}>
        {rows.slice(0, SHOWN).map((row) => (
          <tr
            key={row.line}
            data-testid="leads-preview-row"
            className={row.issues.length ? 'bg-red-50/50' : ''}
          >
            <RowCells row={row} />
            <td className={`${TD} text-red-700`}>
              {rowProblems(row, lang, t).map((problem) => (
                <div key={problem}>{problem}</div>
              ))}
            </td>
          </tr>
        ))}
      </PreviewTable>
      {rows.length > SHOWN && (
        <p className="text-xs text-slate-500">{t('more', { n: rows.length - SHOWN })}</p>
      )}
    </>
  );
}

type Outcome = { kind: 'created' | 'duplicate' | 'error' | 'skipped'; problems: string[] };

function PasteResults(props: { rows: PastedLead[]; sent: PastedLead[]; results: LeadResult[] }) {
  const t = leadsMessages.useT();
  const { lang } = useLang();
  const byLine = new Map<number, Outcome>();
  for (const result of props.results) {
    const row = props.sent[result.row];
    if (!row) continue;
    const problems = (result.errors ?? []).map((error) => serverProblem(error, lang, t));
    byLine.set(row.line, {
      kind: problems.length > 0 || !result.id ? 'error' : result.duplicate ? 'duplicate' : 'created',
      problems,
    });
  }
  const outcomes = props.rows.map(
    (row) => byLine.get(row.line) ?? { kind: 'skipped' as const, problems: rowProblems(row, lang, t) },
  );
  const count = (...kinds: Outcome['kind'][]) => outcomes.filter((o) => kinds.includes(o.kind)).length;
  const badge = {
    created: <Badge tone="green">{t('resultCreated')}</Badge>,
    duplicate: <Badge tone="slate">{t('resultDuplicate')}</Badge>,
    error: <Badge tone="red">{t('resultError')}</Badge>,
    skipped: <Badge tone="amber">{t('resultSkipped')}</Badge>,
  };
  return (
    <>
      <p role="status" className="text-sm text-slate-700" data-testid="leads-paste-summary">
        {t('summary', {
          created: count('created'),
          duplicate: count('duplicate'),
          failed: count('error', 'skipped'),
        })}
      </p>
      <PreviewTable last={t('result')}>
        {props.rows.slice(0, SHOWN).map((row, i) => {
          const outcome = outcomes[i]!;
          return (
            <tr key={row.line} data-testid="leads-result-row" data-result={outcome.kind}>
              <RowCells row={row} />
              <td className={TD}>
                {badge[outcome.kind]}
                {outcome.problems.map((problem) => (
                  <div key={problem} className="mt-1 text-red-700">
                    {problem}
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </PreviewTable>
    </>
  );
}
