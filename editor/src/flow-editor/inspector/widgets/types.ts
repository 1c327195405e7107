// The props every inspector widget gets from the generated form.
import type { z } from 'zod';
import type { FormField } from '../../../../../shared/flow/node-definition.ts';
import type { FieldError } from '../field-errors.ts';

/** Names the flow offers: template variables, known attribute keys, condition fields. */
export type Vocabulary = { variables: string[]; attributes: string[]; conditionFields: string[] };

export type WidgetProps = {
  /** Id of the widget's main control; the field label points at it. */
  id: string;
  /** The field's label in the current language, to name list items. */
  label: string;
  field: FormField;
  schema: z.ZodType;
  value: unknown;
  errors: FieldError[];
  /** The field's new value; undefined removes the key (optional field, or back to its default). */
  onChange: (value: unknown) => void;
  vocabulary: Vocabulary;
  /** Read-only flow: every control is disabled. */
  disabled: boolean;
};

export const hasError = (errors: readonly { level: string }[]): boolean =>
  errors.some((error) => error.level === 'error');
