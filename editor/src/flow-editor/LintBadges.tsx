// Red and amber counters on a node card: its lint errors and warnings at a glance.
import { GLYPHS, Icon } from './icons.tsx';

export function LintBadges(props: { errors: number; warnings: number }) {
  return (
    <div className="flex shrink-0 gap-1">
      {props.errors > 0 && (
        <span
          className="inline-flex items-center gap-0.5 rounded-full bg-rose-50 px-1.5 py-0.5 text-[11px] font-semibold text-rose-600 ring-1 ring-rose-200"
          data-testid="node-errors"
        >
          <Icon d={GLYPHS.error} className="size-3" />
          {props.errors}
        </span>
      )}
      {props.warnings > 0 && (
        <span
          className="inline-flex items-center gap-0.5 rounded-full bg-amber-50 px-1.5 py-0.5 text-[11px] font-semibold text-amber-600 ring-1 ring-amber-200"
          data-testid="node-warnings"
        >
          <Icon d={GLYPHS.alert} className="size-3" />
          {props.warnings}
        </span>
      )}
    </div>
  );
}
