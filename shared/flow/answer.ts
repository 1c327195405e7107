// Reading a contact's reply to an `ask`: what counts as a valid answer and the value saved for it.

import type { Scalar } from './context.ts';
import { regexMatches } from './regex.ts';

export const ANSWER_KINDS = ['text', 'number', 'phone', 'email', 'choice', 'regex'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export type AnswerSpec = {
  expect: AnswerKind;
  choices?: string[];
  pattern?: string;
  min?: number;
  max?: number;
};

export type Answer = { ok: true; value: Scalar } | { ok: false };

const INVALID: Answer = { ok: false };

/** Chat input comes from phone keyboards: NFKC folds full-width digits, letters and signs to ASCII. */
const fold = (text: string): string => text.normalize('NFKC').trim();

export function parseAnswer(text: string, spec: AnswerSpec): Answer {
  const folded = fold(text);
  if (folded === '') return INVALID;
  switch (spec.expect) {
    case 'text':
      return { ok: true, value: text.trim() };
    case 'number':
      return parseNumber(folded, spec);
    case 'phone': {
      const phone = normalizeChinaMobile(folded);
      return phone ? { ok: true, value: phone } : INVALID;
    }
    case 'email':
      return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(folded) ? { ok: true, value: folded } : INVALID;
    case 'choice':
      return parseChoice(folded, spec.choices ?? []);
    case 'regex':
      return regexMatches(spec.pattern ?? '', folded) ? { ok: true, value: folded } : INVALID;
  }
}

function parseNumber(folded: string, spec: AnswerSpec): Answer {
  const compact = folded.replace(/\s+/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return INVALID;
  const value = Number(compact);
  if (spec.min !== undefined && value < spec.min) return INVALID;
  if (spec.max !== undefined && value > spec.max) return INVALID;
  return { ok: true, value };
}

/** A mainland-China mobile number as its 11 digits, accepting +86/0086/86, spaces, dashes, brackets. */
export function normalizeChinaMobile(text: string): string | null {
  const compact = fold(text).replace(/[\s\-()（）]/g, '');
  const match = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  return match?.[1] ?? null;
}

/** The option's own text, matched case-insensitively, or by its 1-based number. */
function parseChoice(folded: string, choices: string[]): Answer {
  const wanted = folded.toLowerCase();
  const byText = choices.find((choice) => fold(choice).toLowerCase() === wanted);
  if (byText !== undefined) return { ok: true, value: byText };
  const index = /^\d+$/.test(folded) ? Number(folded) - 1 : -1;
  const byIndex = choices[index];
  return byIndex === undefined ? INVALID : { ok: true, value: byIndex };
}
