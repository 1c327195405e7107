// Message templates: `{{contact.name|朋友}}` prints a variable, or the fallback after `|` when the
// variable is empty.

import type { FlowContext } from './context.ts';
import { readVariable } from './variables.ts';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export type TemplateVariable = { name: string; fallback: string | null };

export function templateVariables(text: string): TemplateVariable[] {
  return Array.from(text.matchAll(PLACEHOLDER), (match) => splitPlaceholder(match[1] ?? ''));
}

function splitPlaceholder(inner: string): TemplateVariable {
  const bar = inner.indexOf('|');
  if (bar < 0) return { name: inner.trim(), fallback: null };
  return { name: inner.slice(0, bar).trim(), fallback: inner.slice(bar + 1) };
}

/** Renders a template against a run; an empty or unset variable prints its fallback (or nothing). */
export function renderTemplate(text: string, context: FlowContext): string {
  return text.replace(PLACEHOLDER, (_, inner: string) => {
    const { name, fallback } = splitPlaceholder(inner);
    const value = readVariable(context, name);
    const printed = Array.isArray(value) ? value.join('、') : value === undefined ? '' : String(value);
    return printed === '' ? (fallback ?? '') : printed;
  });
}
