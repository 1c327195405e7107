// The live flow lint over the canvas: a one-line summary that opens into the list of errors then
// warnings; clicking an issue selects its node and brings it into view.
import { useState } from 'react';
import type { Issue } from '../../../shared/flow/issues.ts';
import { issueText, lintTitle } from '../catalogue/issue-text.ts';
import { useLang } from '../i18n.ts';
import { GLYPHS, Icon } from './icons.tsx';
import { issueKey } from './lint-copy.ts';
import { useT } from './messages.ts';
import { type FlowState, useFlowStore } from './store.ts';

/** The node an issue is about: its own, or the source of its edge. */
const issueNode = (state: FlowState, issue: Issue): string | undefined =>
  issue.nodeId ?? state.edges.find((edge) => edge.id === issue.edgeId)?.source;

function IssueRow(props: { issue: Issue; level: 'error' | 'warning' }) {
  const { issue, level } = props;
  const { lang } = useLang();
  const nodeId = useFlowStore((s) => issueNode(s, issue));
  const selectNode = useFlowStore((s) => s.selectNode);
  const title = lintTitle(issue.code, lang);
  // Said from the code and params: the card and the field by their labels; ids and paths are for tools only.
  return (
    <li>
      <button
        type="button"
        data-testid="lint-issue"
        data-node={nodeId}
        disabled={!nodeId}
        onClick={() => nodeId && selectNode(nodeId)}
        className="flex w-full items-start gap-2 rounded-lg px-2 py-1.5 text-left hover:bg-slate-50 disabled:cursor-default disabled:hover:bg-transparent"
      >
        <Icon
          d={level === 'error' ? GLYPHS.error : GLYPHS.alert}
          className={`mt-0.5 size-4 shrink-0 ${level === 'error' ? 'text-rose-500' : 'text-amber-500'}`}
        />
        <span className="min-w-0">
          <span className="block text-xs font-medium text-slate-800">{title}</span>
          <span className="block text-[11px] leading-snug text-slate-500">{issueText(issue, lang)}</span>
        </span>
      </button>
    </li>
  );
}

export function LintPanel() {
  const t = useT();
  const errors = useFlowStore((s) => s.lint.errors);
  const warnings = useFlowStore((s) => s.lint.warnings);
  const [open, setOpen] = useState(false);
  const clean = errors.length + warnings.length === 0;
  const tone = errors.length ? 'text-rose-600' : warnings.length ? 'text-amber-600' : 'text-emerald-600';

  return (
    <div
      data-testid="lint-panel"
      className="w-96 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg"
    >
      <button
        type="button"
        onClick={() => setOpen(!open)}
        disabled={clean}
        aria-expanded={open && !clean}
        className="flex w-full items-center gap-2 px-3 py-2 text-left text-xs font-medium"
      >
        <Icon
          d={clean ? GLYPHS.check : errors.length ? GLYPHS.error : GLYPHS.alert}
          className={`size-4 ${tone}`}
        />
        <span className={`flex-1 ${tone}`} data-testid="lint-summary">
          {clean ? t('lintOk') : t('lintSummary', { errors: errors.length, warnings: warnings.length })}
        </span>
        {!clean && <span className="text-slate-400">{open ? '▾' : '▴'}</span>}
      </button>
      {open && !clean && (
        <ul className="max-h-72 overflow-y-auto border-t border-slate-100 p-1.5">
          {errors.map((issue) => (
            <IssueRow key={issueKey(issue)} issue={issue} level="error" />
          ))}
          {warnings.map((issue) => (
            <IssueRow key={issueKey(issue)} issue={issue} level="warning" />
          ))}
        </ul>
      )}
    </div>
  );
}
