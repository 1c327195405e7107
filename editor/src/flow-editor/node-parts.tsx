// Small pieces the node bodies are made of: lines, chips, and message text with its
// `{{variables}}` shown as tokens so the marketer sees what will be filled in.

import type { ReactNode } from 'react';

export const Line = (props: { children: ReactNode; strong?: boolean }) => (
  <p className={`text-xs leading-relaxed ${props.strong ? 'font-medium text-slate-800' : 'text-slate-700'}`}>
    {props.children}
  </p>
);

export const Muted = (props: { children: ReactNode }) => (
  <p className="text-[11px] leading-snug text-slate-400">{props.children}</p>
);

const TONES = {
  plain: 'bg-slate-100 text-slate-600',
  add: 'bg-emerald-50 text-emerald-700',
  remove: 'bg-rose-50 text-rose-700',
  code: 'bg-slate-100 font-mono text-slate-600',
};

export const Chip = (props: { children: ReactNode; tone?: keyof typeof TONES }) => (
  <span
    className={`inline-flex max-w-full items-center truncate rounded-md px-1.5 py-0.5 text-[11px] ${TONES[props.tone ?? 'plain']}`}
  >
    {props.children}
  </span>
);

const VARIABLE = /(\{\{[^}]*\}\})/g;

export function TemplateText(props: { text: string; empty: string }) {
  if (!props.text.trim()) return <p className="text-xs italic text-slate-400">{props.empty}</p>;
  return (
    <p className="line-clamp-3 whitespace-pre-line break-words text-xs leading-relaxed text-slate-700">
      {props.text.split(VARIABLE).map((part, i) =>
        part.startsWith('{{') && part.endsWith('}}') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string never move
          <span key={i} className="rounded bg-emerald-50 px-1 font-mono text-[11px] text-emerald-700">
            {part.slice(2, -2).split('|')[0]}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}
