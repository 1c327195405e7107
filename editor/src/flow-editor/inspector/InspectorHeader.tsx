// The top of the inspector: what the node is, its id, and issues that belong to no single field.
import type { AnyNodeDefinition } from '../../../../shared/flow/node-definition.ts';
import { useLocalize } from '../../i18n.ts';
import type { FieldError } from './field-errors.ts';
import { useInspectorT } from './messages.ts';

export function InspectorHeader(props: {
  nodeId: string;
  definition: AnyNodeDefinition;
  issues: FieldError[];
}) {
  const { nodeId, definition, issues } = props;
  const localize = useLocalize();
  const t = useInspectorT();
  return (
    <header className="space-y-1 border-b border-slate-200 px-4 py-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-800">{localize(definition.label)}</h2>
        <code title={t('nodeId')} className="truncate text-[11px] text-slate-400">
          {nodeId}
        </code>
      </div>
      <p className="text-xs leading-snug text-slate-500">{localize(definition.description)}</p>
      {issues.map((issue) => (
        <p
          key={issue.message}
          className={`text-xs leading-snug ${issue.level === 'error' ? 'text-red-600' : 'text-amber-600'}`}
        >
          {issue.message}
        </p>
      ))}
    </header>
  );
}
