// `branches` fields (split): rows of branch name and weight, each with its share of the total.
import { errorAt } from '../field-errors.ts';
import { listBounds } from '../field-values.ts';
import { useInspectorT } from '../messages.ts';
import { growInputClass, inputBase } from '../styles.ts';
import { AddButton, ItemButtons, listEdit } from './ListControls.tsx';
import type { WidgetProps } from './types.ts';
import { useDraft } from './use-draft.ts';

type Branch = { name: string; weight: number };

const asBranches = (value: unknown): Branch[] =>
  Array.isArray(value)
    ? value.map((branch) => ({ name: '', weight: 0, ...(branch as Partial<Branch>) }))
    : [];

/** The first of a, b, c… no branch uses yet. */
const freeName = (branches: Branch[]): string =>
  [...'abcdefghijklmnopqrstuvwxyz'].find((letter) => !branches.some((b) => b.name === letter)) ?? 'branch';

const weightOf = (text: string): number => (text.trim() === '' ? 0 : Number(text));

function WeightInput(props: {
  id: string;
  value: number;
  invalid: boolean;
  disabled: boolean;
  onChange: (weight: number) => void;
}) {
  const [draft, setDraft] = useDraft(props.value, (v) => String(v), weightOf);
  return (
    <input
      id={props.id}
      disabled={props.disabled}
      type="number"
      min={0}
      className={`${inputBase} w-20 shrink-0 text-right`}
      value={draft}
      aria-invalid={props.invalid || undefined}
      onChange={(event) => {
        setDraft(event.target.value);
        const weight = weightOf(event.target.value);
        if (Number.isFinite(weight)) props.onChange(weight);
      }}
    />
  );
}

export function BranchesInput(props: WidgetProps) {
  const { id, label, schema, value, errors, onChange, disabled } = props;
  const t = useInspectorT();
  const branches = asBranches(value);
  const { min, max } = listBounds(schema);
  const total = branches.reduce(
    (sum, branch) => sum + (Number.isFinite(branch.weight) ? branch.weight : 0),
    0,
  );
  const set = (index: number, branch: Branch) => onChange(listEdit.set(branches, index, branch));
  return (
    <div className="space-y-1.5">
      {branches.map((branch, index) => {
        const n = index + 1;
        const ids = { name: `${id}-${index}-name`, weight: `${id}-${index}-weight` };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a renamed branch is still the same row
          <div key={index} className="flex items-center gap-1.5">
            <label htmlFor={ids.name} className="sr-only">
              {t('branchName', { n })}
            </label>
            <input
              id={ids.name}
              disabled={disabled}
              type="text"
              spellCheck={false}
              className={`${growInputClass} font-mono`}
              value={branch.name}
              aria-invalid={errorAt(errors, index, 'name') || undefined}
              onChange={(event) => set(index, { ...branch, name: event.target.value })}
            />
            <label htmlFor={ids.weight} className="sr-only">
              {t('branchWeight', { n })}
            </label>
            <WeightInput
              id={ids.weight}
              value={branch.weight}
              invalid={errorAt(errors, index, 'weight')}
              disabled={disabled}
              onChange={(weight) => set(index, { ...branch, weight })}
            />
            <span className="w-10 shrink-0 text-right text-xs tabular-nums text-slate-400">
              {total > 0 ? `${Math.round((branch.weight / total) * 100)}%` : '–'}
            </span>
            <ItemButtons
              item={t('item', { label, n })}
              index={index}
              count={branches.length}
              canRemove={branches.length > min}
              disabled={disabled}
              onRemove={() => onChange(listEdit.remove(branches, index))}
            />
          </div>
        );
      })}
      <div className="flex items-center justify-between">
        <AddButton
          label={t('addBranch')}
          disabled={disabled || branches.length >= max}
          onClick={() =>
            onChange([...branches, { name: freeName(branches), weight: Math.max(0, 100 - total) }])
          }
        />
        <span data-testid="branches-total" className="text-xs tabular-nums text-slate-500">
          {t('total', { total })}
        </span>
      </div>
      {total !== 100 && <p className="text-xs text-slate-400">{t('proportional')}</p>}
    </div>
  );
}
