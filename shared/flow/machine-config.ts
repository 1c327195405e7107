// The JSON shape of a compiled flow machine: the subset of XState v5 config the compiler emits.

import type { FlowEvent, StateMeta } from './context.ts';
import type { ActionRef, GuardRef } from './refs.ts';

/** `reenter` is set when a port leads back to its own node, so the arrival counts as a new visit. */
export type TransitionConfig = {
  target?: string;
  reenter?: boolean;
  guard?: GuardRef;
  actions?: ActionRef[];
};

export type StateConfig = {
  id?: string;
  type?: 'final';
  initial?: string;
  entry?: ActionRef[];
  always?: TransitionConfig[];
  on?: Partial<Record<FlowEvent['type'], TransitionConfig[]>>;
  states?: Record<string, StateConfig>;
  meta?: Omit<StateMeta, 'nodeId'> & { nodeId?: string };
};

export type MachineConfig = {
  id: string;
  initial: 'idle';
  /**
   * The version of the actions, guards and state meta the machine names (machine.ts, VOCABULARY);
   * absent in machines compiled before it was recorded, which speak vocabulary 1.
   */
  vocabulary?: number;
  states: Record<string, StateConfig>;
};

/** Root states a run ends in; their ids are what `kit.port` targets for an unconnected port. */
export const COMPLETED = 'completed';
export const EXITED = 'exited';
export const IDLE = 'idle';
