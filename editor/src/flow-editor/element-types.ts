// React Flow's `nodeTypes` and `edgeTypes`, built once at module level from the catalogue: every
// node type is drawn by the same card, and `default` catches types the catalogue does not know.
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { NODE_TYPES } from '../../../shared/nodes/index.ts';
import { FlowEdge } from './FlowEdge.tsx';
import { FlowNodeCard } from './FlowNodeCard.tsx';

export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(NODE_TYPES.map((definition) => [definition.type, FlowNodeCard])),
  default: FlowNodeCard,
};

export const edgeTypes: EdgeTypes = { flow: FlowEdge };
