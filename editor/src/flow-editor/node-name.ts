// What a person calls a node: the name the marketer gave the card, else its type's label — never its
// id, which stays for tools (URLs, data-testid, the inspector's header).
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import type { Lang } from '../i18n.ts';
import type { FlowState } from './store.ts';

export type NamedNode = { id: string; type?: string; label?: string };

/** The type's label in `lang`; a type this build does not know, by the type itself. */
export const typeName = (type: string | undefined, lang: Lang): string =>
  nodeRegistry.get(type ?? '')?.label[lang] ?? type ?? '';

export const nodeName = (node: NamedNode, lang: Lang): string =>
  node.label?.trim() || typeName(node.type, lang);

/** The name of the node `id` of the shown graph; the id itself when no such node is shown. */
export const nodeNameOf =
  (id: string, lang: Lang) =>
  (state: FlowState): string => {
    const node = state.nodes.find((candidate) => candidate.id === id);
    return node ? nodeName(node, lang) : id;
  };
