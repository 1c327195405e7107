// A lint issue in the marketer's language, from its code and params only: where it is (the card's
// title and the field's label from the node registry, in the page language), then what is wrong.
// An issue whose code this editor does not know yet (a newer server) shows its English message.
import type { Issue } from '../../../shared/flow/issues.ts';
import { type AnyNodeDefinition, formFields } from '../../../shared/flow/node-definition.ts';
import { PORTS } from '../../../shared/flow/ports.ts';
import type { Localized, Params } from '../../../shared/i18n.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import type { SchemaIssue } from '../../../shared/schema-issues.ts';
import type { Lang } from '../i18n.ts';
import { CATALOGUES, type Catalogue, own } from './catalogue.ts';
import { formatMessage } from './format.ts';
import { schemaText } from './schema-text.ts';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The ports a type has in its initial data: their labels, for an issue that names a port by id. */
const typePorts = new Map<AnyNodeDefinition, Map<string, Localized>>();
function portsOf(definition: AnyNodeDefinition): Map<string, Localized> {
  let ports = typePorts.get(definition);
  if (!ports) {
    const data = definition.data.safeParse(definition.initial);
    const list = data.success ? definition.ports(data.data) : [];
    ports = new Map(list.map((port) => [port.id, port.label]));
    typePorts.set(definition, ports);
  }
  return ports;
}

/** A port's label in `lang`; a port the type does not name itself (a split's branch) by its own label. */
function portName(nodeType: unknown, port: string, fallback: string | undefined, lang: Lang): string {
  const definition = nodeRegistry.get(text(nodeType) ?? '');
  const label = (definition && portsOf(definition).get(port)) ?? own(PORTS, port)?.label;
  return label?.[lang] ?? fallback ?? port;
}

const cardName = (type: string, words: Catalogue['words'], lang: Lang): string =>
  nodeRegistry.get(type)?.label[lang] ?? words.unknownCard;

/** "Condition › Rules #2 › Value" in `lang`, or null when the issue is not at a card or list entry. */
function placeText(params: Params, lang: Lang): string | null {
  const { words } = CATALOGUES[lang];
  const list = text(params.list);
  if (list) return formatMessage(list === 'nodes' ? words.card : words.connection, params);
  const nodeType = text(params.node) !== undefined ? text(params.nodeType) : undefined;
  if (nodeType === undefined) return null;
  const definition = nodeRegistry.get(nodeType);
  const card = cardName(nodeType, words, lang);
  const name = text(params.label);
  const segments = [name ? formatMessage(words.named, { card, name }) : card];
  const field = definition && formFields(definition).find((candidate) => candidate.key === params.fieldKey);
  const fieldLabel = field?.label[lang] ?? text(params.field);
  if (fieldLabel === undefined) return segments.join(' › ');
  segments.push(`${fieldLabel}${typeof params.item === 'number' ? ` #${params.item}` : ''}`);
  const partKey = text(params.partKey);
  const part = (partKey && field?.parts && own(field.parts, partKey)?.[lang]) || text(params.part);
  if (part) segments.push(part);
  return segments.join(' › ');
}

/** The values the issue's sentence reads beyond its params, said in `lang`. */
function sentenceValues(issue: Issue, lang: Lang): Params {
  const { words, variable } = CATALOGUES[lang];
  const params = issue.params ?? {};
  const quote = (label: string) => formatMessage(words.quote, { text: label });
  const port = text(params.port) ?? '';
  const ports = texts(params.ports);
  const portLabels = texts(params.portLabels);
  const schemaIssue = params.issue as SchemaIssue | undefined;
  const problem = own(variable, params.reason);
  return {
    ...params,
    exit: quote(portName(params.nodeType, port, text(params.portLabel), lang)),
    exits: ports
      .map((id, i) => quote(portName(params.nodeType, id, portLabels[i], lang)))
      .join(words.listSeparator),
    exitCount: ports.length,
    cycle: texts(params.cycleTypes)
      .map((type) => cardName(type, words, lang))
      .join(' → '),
    waiting: texts(params.waitingTypes)
      .map((type) => cardName(type, words, lang))
      .join(words.listSeparator),
    variableText: `{{${text(params.variable) ?? ''}}}`,
    problem: problem ? formatMessage(problem, params) : '',
    detail: schemaIssue?.code ? schemaText(schemaIssue, lang) : issue.message,
  };
}

/** What is wrong, without where; the English message for a code this editor does not know. */
function detailText(issue: Issue, lang: Lang): string {
  const template = own(CATALOGUES[lang].lint, issue.code);
  return template ? formatMessage(template, sentenceValues(issue, lang)) : issue.message;
}

export const lintTitle = (code: string, lang: Lang): string => own(CATALOGUES[lang].lintTitle, code) ?? code;

/** The issue with its place: "Condition › Rules #3 › Value: Not a valid regular expression". */
export function issueText(issue: Issue, lang: Lang): string {
  const detail = detailText(issue, lang);
  const place = own(CATALOGUES[lang].lint, issue.code) ? placeText(issue.params ?? {}, lang) : null;
  return place ? formatMessage(CATALOGUES[lang].words.at, { place, detail }) : detail;
}

/** The issue without its place, for where the card and field are already in view (the inspector). */
export function issueDetail(issue: Issue, lang: Lang): string {
  const detail = detailText(issue, lang);
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}
