// What a node card shows under its header: the summary its type declares (shared/flow/node-card.ts),
// drawn the same way for every type, so a new node type needs no file here. A look no part kind
// can give is a new part kind below, used by the type's summary — never a body for one type.
import { Fragment, type ReactNode } from 'react';
import {
  fillPlaceholders,
  isEmptyValue,
  partShows,
  type SummaryPart,
  type SummaryText,
  type SummaryTone,
  valueAt,
} from '../../../shared/flow/node-card.ts';
import { type AnyNodeDefinition, formFields } from '../../../shared/flow/node-definition.ts';
import type { Lang } from '../i18n.ts';
import { humanDuration } from './format.ts';
import { fieldValue, type NodeData } from './inspector/field-values.ts';
import { useNodeT } from './node-messages.ts';
import { Chip, Line, Muted, TemplateText } from './node-parts.tsx';

type Ctx = {
  lang: Lang;
  definition: AnyNodeDefinition;
  /** The editor's word for an empty value. */
  notSet: string;
  /** A path's value: of the node's data (absent fields at their schema default) or, in a list, of the item. */
  read(path: string): unknown;
  /** Whose select options `{path|option}` names: the path's own field, or in a list the list's field. */
  optionsOf(path: string): string;
};

const localized = (text: SummaryText, lang: Lang): string => (typeof text === 'string' ? text : text[lang]);

function optionLabel(ctx: Ctx, path: string, value: unknown): string {
  const key = ctx.optionsOf(path);
  const option = formFields(ctx.definition)
    .find((field) => field.key === key)
    ?.options?.find((candidate) => candidate.value === value);
  return option ? option.label[ctx.lang] : String(value);
}

function formatted(ctx: Ctx, path: string, format: string | undefined): string {
  const value = ctx.read(path);
  if (format === 'count') return String(Array.isArray(value) ? value.length : 0);
  if (isEmptyValue(value)) return '';
  if (format === 'duration') return humanDuration(String(value), ctx.lang);
  if (format === 'option') return optionLabel(ctx, path, value);
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** A text with its placeholders filled in; an empty one shows `empty`, by default "not set". */
const words = (ctx: Ctx, text: SummaryText, empty?: SummaryText): string => {
  const fallback = empty === undefined ? ctx.notSet : localized(empty, ctx.lang);
  return fillPlaceholders(
    localized(text, ctx.lang),
    (path, format) => formatted(ctx, path, format) || fallback,
  );
};

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const INLINE: Record<SummaryTone, string> = {
  plain: 'text-slate-700',
  strong: 'font-medium text-slate-700',
  muted: 'text-slate-500',
  faint: 'text-slate-400',
};

/**
 * Parts side by side. A row with words sets them in the card's small type, which its chips' line
 * height follows; a row of chips only keeps the height chips have in a list of chips.
 */
const rowClass = (parts: readonly SummaryPart[]): string =>
  `flex flex-wrap items-center gap-1${parts.some((part) => part.show === 'text' || part.show === 'template') ? ' text-xs' : ''}`;

function Chips(props: { items: string[]; tone?: 'plain' | 'code' | 'add' | 'remove' }) {
  if (props.items.length === 0) return null;
  const sign = props.tone === 'add' ? '+ ' : props.tone === 'remove' ? '− ' : '';
  return (
    <div className="flex flex-wrap gap-1">
      {props.items.map((item) => (
        <Chip key={item} tone={props.tone}>
          {sign + item}
        </Chip>
      ))}
    </div>
  );
}

/** Weighted items as bars of their share of the total. */
function Shares(props: { items: unknown; label: string; weight: string }) {
  const items = Array.isArray(props.items) ? props.items : [];
  const weights = items.map((item) => Number(valueAt(item, props.weight)) || 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  return items.map((item, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: rows of a summary, redrawn whole with the data
    <div key={i} className="flex items-center gap-2 text-xs">
      <span className="w-14 truncate font-mono text-slate-600">
        {String(valueAt(item, props.label) ?? '')}
      </span>
      <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100">
        <span
          className="block h-full rounded-full bg-violet-400"
          style={{ width: `${(weights[i]! / total) * 100}%` }}
        />
      </span>
      <span className="w-9 text-right tabular-nums text-slate-500">
        {Math.round((weights[i]! / total) * 100)}%
      </span>
    </div>
  ));
}

/** The first items of a list field as rows, then how many more there are. */
function ListRows(props: { part: Extract<SummaryPart, { show: 'list' }>; ctx: Ctx }) {
  const { part, ctx } = props;
  const value = ctx.read(part.field);
  const items: unknown[] = Array.isArray(value) ? value : [];
  return (
    <>
      {items.slice(0, part.max).map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a summary, redrawn whole with the data
        <div key={i} className={rowClass(part.item)}>
          {renderParts(
            part.item,
            { ...ctx, read: (path) => valueAt(item, path), optionsOf: () => part.field },
            true,
          )}
        </div>
      ))}
      {items.length > part.max && (
        <Muted>
          {fillPlaceholders(localized(part.more, ctx.lang), () => String(items.length - part.max))}
        </Muted>
      )}
    </>
  );
}

function renderPart(part: SummaryPart, ctx: Ctx, inline: boolean): ReactNode {
  if (!partShows(part.when, ctx.read)) return null;
  switch (part.show) {
    case 'text': {
      const text = words(ctx, part.text, part.empty);
      const tone = part.tone ?? 'plain';
      if (inline) return <span className={INLINE[tone]}>{text}</span>;
      return tone === 'muted' || tone === 'faint' ? (
        <Muted>{text}</Muted>
      ) : (
        <Line strong={tone === 'strong'}>{text}</Line>
      );
    }
    case 'template':
      return <TemplateText text={String(ctx.read(part.field) ?? '')} empty={ctx.notSet} />;
    case 'chip':
      return <Chip tone={part.tone}>{words(ctx, part.text, part.empty)}</Chip>;
    case 'chips':
      return <Chips items={texts(ctx.read(part.field))} tone={part.tone} />;
    case 'row':
      return <div className={rowClass(part.parts)}>{renderParts(part.parts, ctx, true)}</div>;
    case 'list':
      return <ListRows part={part} ctx={ctx} />;
    case 'shares':
      return <Shares items={ctx.read(part.field)} label={part.label} weight={part.weight} />;
  }
}

function renderParts(parts: readonly SummaryPart[], ctx: Ctx, inline: boolean): ReactNode {
  // biome-ignore lint/suspicious/noArrayIndexKey: a type's summary parts never move
  return parts.map((part, i) => <Fragment key={i}>{renderPart(part, ctx, inline)}</Fragment>);
}

export function NodeSummary(props: { definition: AnyNodeDefinition; data: NodeData; lang: Lang }) {
  const { definition, data, lang } = props;
  const t = useNodeT();
  const ctx: Ctx = {
    lang,
    definition,
    notSet: t('empty'),
    read: (path) => {
      const [key, ...rest] = path.split('.');
      const value = fieldValue(definition, data, key!);
      return rest.length ? valueAt(value, rest.join('.')) : value;
    },
    optionsOf: (path) => path.split('.')[0]!,
  };
  return <div className="flex flex-col gap-1.5">{renderParts(definition.summary, ctx, false)}</div>;
}
