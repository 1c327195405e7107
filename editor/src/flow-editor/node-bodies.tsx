// What a node card shows under its header: the content a marketer wrote (texts, question, rules,
// weights…), one renderer per first-wave type; any other type lists its filled-in fields.
import type { ReactNode } from 'react';
import { type AnyNodeDefinition, formFields } from '../../../shared/flow/node-definition.ts';
import type { Localized } from '../../../shared/i18n.ts';
import type { Lang } from '../i18n.ts';
import { humanDuration } from './format.ts';
import type { NodeT } from './node-messages.ts';
import { Chip, Line, Muted, TemplateText } from './node-parts.tsx';

type Data = Record<string, unknown>;
type Ctx = { t: NodeT; lang: Lang; definition: AnyNodeDefinition };

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The localized label of a `select` option (or of a rule op), else the raw value. */
function optionLabel(ctx: Ctx, key: string, value: unknown): string {
  const option = formFields(ctx.definition)
    .find((field) => field.key === key)
    ?.options?.find((o) => o.value === value);
  return option ? (option.label as Localized)[ctx.lang] : String(value ?? '');
}

const Chips = (props: { items: string[]; tone?: 'add' | 'remove' }) => (
  <div className="flex flex-wrap gap-1">
    {props.items.map((item) => (
      <Chip key={item} tone={props.tone}>
        {props.tone === 'remove' ? `− ${item}` : props.tone === 'add' ? `+ ${item}` : item}
      </Chip>
    ))}
  </div>
);

const BODIES: Record<string, (data: Data, ctx: Ctx) => ReactNode> = {
  'trigger.friend_request': (data, { t }) => (
    <>
      <Line>{data.autoAccept === false ? t('manualAccept') : t('autoAccept')}</Line>
      {list(data.helloKeywords).length ? (
        <>
          <Muted>{t('helloContains')}</Muted>
          <Chips items={list(data.helloKeywords)} />
        </>
      ) : (
        <Muted>{t('anyHello')}</Muted>
      )}
    </>
  ),
  'trigger.keyword': (data, ctx) => (
    <>
      <Chips items={list(data.keywords)} />
      <Muted>
        {ctx.t('keywordMatch', {
          match: optionLabel(ctx, 'match', data.match ?? 'contains'),
          scope: optionLabel(ctx, 'scope', data.scope ?? 'private'),
        })}
      </Muted>
    </>
  ),
  send: (data, { t }) => (
    <>
      <TemplateText text={text(data.text)} empty={t('empty')} />
      {list(data.variants).length > 0 && <Chip>{t('variants', { count: list(data.variants).length })}</Chip>}
    </>
  ),
  ask: (data, ctx) => (
    <>
      <TemplateText text={text(data.question)} empty={ctx.t('empty')} />
      <div className="flex flex-wrap items-center gap-1">
        <Chip>{optionLabel(ctx, 'expect', data.expect ?? 'text')}</Chip>
        {data.expect === 'choice' && <Chips items={list(data.choices)} />}
        {text(data.saveAs) && <Chip tone="code">{`→ ${text(data.saveAs)}`}</Chip>}
      </div>
    </>
  ),
  wait_reply: (data, { t, lang }) => (
    <Line>{t('waitsUp', { duration: humanDuration(text(data.timeout), lang) })}</Line>
  ),
  wait: (data, { t, lang }) => {
    const window = data.window as { from?: string; to?: string } | null | undefined;
    return (
      <>
        <Line strong>{t('waitFor', { duration: humanDuration(text(data.duration), lang) })}</Line>
        {window?.from && <Muted>{t('window', { from: window.from, to: window.to ?? '' })}</Muted>}
        {data.bestTime === true && <Chip>{t('bestTime')}</Chip>}
      </>
    );
  },
  condition: (data, ctx) => {
    const rules = Array.isArray(data.rules) ? (data.rules as Data[]) : [];
    return (
      <>
        <Muted>{data.match === 'any' ? ctx.t('matchAny') : ctx.t('matchAll')}</Muted>
        {rules.slice(0, 3).map((rule, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a summary, redrawn whole with the data
          <div key={i} className="flex flex-wrap items-center gap-1 text-xs">
            <Chip tone="code">{String(rule.field ?? '')}</Chip>
            <span className="text-slate-500">{optionLabel(ctx, 'rules', rule.op)}</span>
            {rule.value !== undefined && (
              <span className="font-medium text-slate-700">{String(rule.value)}</span>
            )}
          </div>
        ))}
        {rules.length > 3 && <Muted>{ctx.t('moreRules', { count: rules.length - 3 })}</Muted>}
      </>
    );
  },
  split: (data) => {
    const branches = Array.isArray(data.branches)
      ? (data.branches as { name?: string; weight?: number }[])
      : [];
    const total = branches.reduce((sum, b) => sum + (Number(b.weight) || 0), 0) || 1;
    return branches.map((branch, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: rows of a summary, redrawn whole with the data
      <div key={i} className="flex items-center gap-2 text-xs">
        <span className="w-14 truncate font-mono text-slate-600">{branch.name}</span>
        <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100">
          <span
            className="block h-full rounded-full bg-violet-400"
            style={{ width: `${((Number(branch.weight) || 0) / total) * 100}%` }}
          />
        </span>
        <span className="w-9 text-right tabular-nums text-slate-500">
          {Math.round(((Number(branch.weight) || 0) / total) * 100)}%
        </span>
      </div>
    ));
  },
  goal: (data, { t }) => (
    <Line strong>
      {t('goal')}: {text(data.name) || t('empty')}
    </Line>
  ),
  end: (_data, { t }) => <Muted>{t('endsRun')}</Muted>,
  tag: (data) => (
    <>
      {list(data.add).length > 0 && <Chips items={list(data.add)} tone="add" />}
      {list(data.remove).length > 0 && <Chips items={list(data.remove)} tone="remove" />}
    </>
  ),
  set_attribute: (data, { t }) => (
    <div className="flex flex-wrap items-center gap-1 text-xs">
      <Chip tone="code">{text(data.key) || '?'}</Chip>
      <span className="text-slate-400">=</span>
      <TemplateText text={text(data.value)} empty={t('empty')} />
    </div>
  ),
  coupon: (data, { t }) => (
    <>
      <div className="flex items-center gap-1 text-xs text-slate-500">
        {t('pool')} <Chip tone="code">{text(data.pool) || '?'}</Chip>
      </div>
      <TemplateText text={text(data.text)} empty={t('empty')} />
    </>
  ),
};

/** Types without their own body: each filled-in field as "label: value". */
function genericBody(data: Data, ctx: Ctx): ReactNode {
  return formFields(ctx.definition)
    .filter((field) => data[field.key] !== undefined && data[field.key] !== '')
    .slice(0, 4)
    .map((field) => (
      <Line key={field.key}>
        <span className="text-slate-500">{field.label[ctx.lang]}: </span>
        {typeof data[field.key] === 'object' ? JSON.stringify(data[field.key]) : String(data[field.key])}
      </Line>
    ));
}

export function NodeBody(props: { data: Data; ctx: Ctx }) {
  const render = BODIES[props.ctx.definition.type] ?? genericBody;
  return <div className="flex flex-col gap-1.5">{render(props.data, props.ctx)}</div>;
}
