// How an issue says where it is, as the marketer sees it: the card's title and the field's label
// ("Condition › Rules #2 › Value"), never a node id or a JSON path (those stay in `nodeId` / `path`).

import type { Issue, IssueParams } from './issues.ts';
import { type AnyNodeDefinition, formFields } from './node-definition.ts';

export type Place = { text: string; params: IssueParams };

/** A card whose type the catalogue does not know has no title of its own. */
export const UNKNOWN_CARD = 'Unknown card';

/** The card `definition` (of `type`), and the field under `path` (`data.rules.1.value`) when given. */
export function placeOf(definition: AnyNodeDefinition | undefined, type: string, path?: string): Place {
  const node = definition?.label.en ?? UNKNOWN_CARD;
  const params: IssueParams = { node, nodeType: type };
  const [root, key, ...rest] = path?.split('.') ?? [];
  const field = root === 'data' && definition ? formFields(definition).find((f) => f.key === key) : undefined;
  if (!field) return { text: node, params };
  let text = `${node} › ${field.label.en}`;
  Object.assign(params, { field: field.label.en, fieldKey: field.key });
  for (const segment of rest) {
    if (/^\d+$/.test(segment) && params.item === undefined) {
      params.item = Number(segment) + 1;
      text += ` #${params.item}`;
      continue;
    }
    const part = field.parts && Object.hasOwn(field.parts, segment) ? field.parts[segment] : undefined;
    if (!part) break;
    Object.assign(params, { part: part.en, partKey: segment });
    text += ` › ${part.en}`;
    break;
  }
  return { text, params };
}

/** A node or edge of the document that is not even shaped like one, by its position in the list. */
export const listPlace = (list: 'nodes' | 'edges', index: number): Place => ({
  text: `${list === 'nodes' ? 'Card' : 'Connection'} #${index + 1}`,
  params: { list, item: index + 1 },
});

/**
 * The issue at a card the marketer named: the name goes along (`params.label`) and follows the card's
 * title in the message ("Ask “City” › Question: …"), so "which Ask?" has an answer.
 */
export function atNamedCard(issue: Issue, label: string | undefined): Issue {
  if (!label) return issue;
  const node = issue.params?.node;
  const message =
    typeof node === 'string' && issue.message.startsWith(node)
      ? `${node} “${label}”${issue.message.slice(node.length)}`
      : issue.message;
  return { ...issue, message, params: { ...issue.params, label } };
}
