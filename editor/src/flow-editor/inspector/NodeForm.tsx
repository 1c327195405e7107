// The generated settings form of one node: a field per schema entry with UI meta, in schema order.
import { useId, useMemo } from 'react';
import type { FlowDocument } from '../../../../shared/flow/document.ts';
import type { Issue } from '../../../../shared/flow/issues.ts';
import { type AnyNodeDefinition, formFields } from '../../../../shared/flow/node-definition.ts';
import { useLang, useLocalize } from '../../i18n.ts';
import { FieldShell } from './FieldShell.tsx';
import { nodeErrors } from './field-errors.ts';
import { fieldSchema, fieldValue, isVisible, type NodeData, withField } from './field-values.ts';
import { InspectorHeader } from './InspectorHeader.tsx';
import { NameField } from './NameField.tsx';
import { availableVariables, conditionFields, writtenAttributes } from './variables.ts';
import { GROUP_KINDS, WIDGETS } from './widgets/index.ts';
import type { Vocabulary } from './widgets/types.ts';

export function NodeForm(props: {
  nodeId: string;
  definition: AnyNodeDefinition;
  data: NodeData;
  document: FlowDocument;
  issues: Issue[];
  readOnly: boolean;
  onChange: (data: NodeData) => void;
  /** The card's name and where it goes; without a place to go, no name field. */
  label?: string;
  onLabelChange?: (label: string) => void;
}) {
  const { nodeId, definition, data, document, issues, readOnly, onChange, onLabelChange } = props;
  const idPrefix = useId();
  const localize = useLocalize();
  const { lang } = useLang();
  const vocabulary = useMemo<Vocabulary>(
    () => ({
      variables: availableVariables(document),
      attributes: writtenAttributes(document),
      conditionFields: conditionFields(document),
    }),
    [document],
  );
  const errors = useMemo(
    () =>
      nodeErrors(
        definition,
        data,
        issues.filter((issue) => issue.nodeId === nodeId),
        lang,
      ),
    [definition, data, issues, nodeId, lang],
  );
  return (
    <>
      <InspectorHeader nodeId={nodeId} definition={definition} issues={errors.node} />
      <div className="space-y-4 px-4 py-4">
        {onLabelChange && (
          <NameField
            id={`${idPrefix}-label`}
            value={props.label ?? ''}
            placeholder={localize(definition.label)}
            disabled={readOnly}
            onChange={onLabelChange}
          />
        )}
        {formFields(definition)
          .filter((field) => isVisible(definition, data, field))
          .map((field) => {
            const Widget = WIDGETS[field.input];
            const id = `${idPrefix}-${field.key}`;
            const label = localize(field.label);
            const fieldErrors = errors.byField.get(field.key) ?? [];
            return (
              <FieldShell
                key={field.key}
                fieldKey={field.key}
                id={id}
                label={label}
                help={field.help && localize(field.help)}
                errors={fieldErrors}
                group={GROUP_KINDS.has(field.input)}
                inline={field.input === 'boolean'}
              >
                <Widget
                  id={id}
                  label={label}
                  field={field}
                  schema={fieldSchema(definition, field.key)}
                  value={fieldValue(definition, data, field.key)}
                  errors={fieldErrors}
                  vocabulary={vocabulary}
                  disabled={readOnly}
                  onChange={(value) => onChange(withField(data, field.key, value))}
                />
              </FieldShell>
            );
          })}
      </div>
    </>
  );
}
