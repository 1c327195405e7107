// `rules` fields (condition): rows of field, operator and value; valueless operators hide the value.
import { type ConditionOp, VALUELESS_OPS } from '../../../../../shared/flow/condition.ts';
import { Select } from '../../../app/ui.tsx';
import { useLocalize } from '../../../i18n.ts';
import { errorAt } from '../field-errors.ts';
import { listBounds } from '../field-values.ts';
import { useInspectorT } from '../messages.ts';
import { growInputClass } from '../styles.ts';
import { AddButton, ItemButtons, listEdit } from './ListControls.tsx';
import type { WidgetProps } from './types.ts';

type Rule = { field: string; op: string; value?: string | number | boolean };

const NEW_RULE: Rule = { field: 'contact.name', op: 'eq', value: '' };

const isValueless = (op: string): boolean => VALUELESS_OPS.includes(op as ConditionOp);

const asRules = (value: unknown): Rule[] =>
  Array.isArray(value) ? value.map((rule) => ({ field: '', op: 'eq', ...(rule as Partial<Rule>) })) : [];

/** A rule under a new operator: valueless operators drop the value, the others need one. */
function withOp(rule: Rule, op: string): Rule {
  const { value, ...rest } = rule;
  if (isValueless(op)) return { ...rest, op };
  return { ...rest, op, value: value ?? '' };
}

export function RulesInput(props: WidgetProps) {
  const { id, field, schema, value, errors, onChange, vocabulary, disabled } = props;
  const t = useInspectorT();
  const localize = useLocalize();
  const rules = asRules(value);
  const { min } = listBounds(schema);
  const set = (index: number, rule: Rule) => onChange(listEdit.set(rules, index, rule));
  return (
    <div className="space-y-2">
      <datalist id={`${id}-fields`}>
        {vocabulary.conditionFields.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {rules.map((rule, index) => {
        const n = index + 1;
        const ids = { field: `${id}-${index}-field`, op: `${id}-${index}-op`, value: `${id}-${index}-value` };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their identity
          <div key={index} className="space-y-1.5 rounded-md border border-slate-200 bg-slate-50/60 p-2">
            <div className="flex items-center gap-1">
              <label htmlFor={ids.field} className="sr-only">
                {t('ruleField', { n })}
              </label>
              <input
                id={ids.field}
                disabled={disabled}
                type="text"
                list={`${id}-fields`}
                autoComplete="off"
                spellCheck={false}
                className={`${growInputClass} font-mono`}
                value={rule.field}
                aria-invalid={errorAt(errors, index, 'field') || undefined}
                onChange={(event) => set(index, { ...rule, field: event.target.value })}
              />
              <ItemButtons
                item={t('item', { label: props.label, n })}
                index={index}
                count={rules.length}
                canRemove={rules.length > min}
                disabled={disabled}
                onRemove={() => onChange(listEdit.remove(rules, index))}
              />
            </div>
            <div className="flex gap-1.5">
              <label htmlFor={ids.op} className="sr-only">
                {t('ruleOp', { n })}
              </label>
              <Select
                id={ids.op}
                size="compact"
                disabled={disabled}
                className={isValueless(rule.op) ? 'min-w-0 flex-1' : 'w-32 shrink-0'}
                value={rule.op}
                onChange={(event) => set(index, withOp(rule, event.target.value))}
              >
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {localize(option.label)}
                  </option>
                ))}
              </Select>
              {!isValueless(rule.op) && (
                <>
                  <label htmlFor={ids.value} className="sr-only">
                    {t('ruleValue', { n })}
                  </label>
                  <input
                    id={ids.value}
                    disabled={disabled}
                    type="text"
                    className={growInputClass}
                    value={String(rule.value ?? '')}
                    aria-invalid={errorAt(errors, index, 'value') || undefined}
                    onChange={(event) => set(index, { ...rule, value: event.target.value })}
                  />
                </>
              )}
            </div>
          </div>
        );
      })}
      <AddButton label={t('addRule')} disabled={disabled} onClick={() => onChange([...rules, NEW_RULE])} />
    </div>
  );
}
