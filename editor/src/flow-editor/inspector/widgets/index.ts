// Which widget draws each input kind of the catalogue's form meta.
import type { ComponentType } from 'react';
import { createElement } from 'react';
import type { InputKind } from '../../../../../shared/flow/node-definition.ts';
import { AttributeInput } from './AttributeInput.tsx';
import { BooleanToggle } from './BooleanToggle.tsx';
import { BranchesInput } from './BranchesInput.tsx';
import { CouponPoolInput } from './CouponPoolInput.tsx';
import { DurationInput } from './DurationInput.tsx';
import { MediaInput } from './MediaInput.tsx';
import { NumberInput } from './NumberInput.tsx';
import { RulesInput } from './RulesInput.tsx';
import { SelectInput } from './SelectInput.tsx';
import { StringListInput } from './StringListInput.tsx';
import { TemplateField } from './TemplateField.tsx';
import { TemplateListInput } from './TemplateListInput.tsx';
import { TextInput } from './TextInput.tsx';
import type { WidgetProps } from './types.ts';
import { WindowInput } from './WindowInput.tsx';

export const WIDGETS: Record<InputKind, ComponentType<WidgetProps>> = {
  text: TextInput,
  textarea: (props) => createElement(TextInput, { ...props, multiline: true }),
  template: TemplateField,
  templateList: TemplateListInput,
  number: NumberInput,
  boolean: BooleanToggle,
  select: SelectInput,
  duration: DurationInput,
  stringList: StringListInput,
  attribute: AttributeInput,
  couponPool: CouponPoolInput,
  rules: RulesInput,
  branches: BranchesInput,
  window: WindowInput,
  media: MediaInput,
};

/** Kinds drawn as several controls: the field label names the group, each control has its own label. */
export const GROUP_KINDS: ReadonlySet<InputKind> = new Set([
  'stringList',
  'templateList',
  'rules',
  'branches',
]);
