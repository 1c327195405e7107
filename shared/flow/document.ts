// The flow document: React Flow's own `{nodes, edges}` shape, so the editor saves it untranslated.
// UI keys (position, selected, measured, width…) are kept but mean nothing to the flow.

import { z } from 'zod';

/** The longest name a card may be given. */
export const NODE_LABEL_MAX = 40;

/**
 * A card's own name ("问城市"), shown instead of its id wherever a person reads about the node.
 * Trimmed; empty means none. Control characters (newlines, tabs…) are refused: it is one line.
 */
export const nodeLabelSchema = z
  .string()
  .trim()
  .max(NODE_LABEL_MAX)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'a card name is one line of text, without control characters');

export const flowNodeSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  /** The version of the type's data `data` was written at (node-versions.ts); absent: 1. */
  version: z.number().int().min(1).optional(),
  /** The card's name (optional, added in #17): display only, the flow never reads it. */
  label: nodeLabelSchema.optional(),
  /** Checked against the node type's own schema (after migration to its current version) by `validate`. */
  data: z.unknown().optional(),
});

export const flowEdgeSchema = z.looseObject({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  /** The source node's port; null/absent means the node's only port. */
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
});

export const flowDocumentSchema = z.looseObject({
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default([]),
});

export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
