// What the runtime knows of the contact today that a `condition` may ask about (NODES.md "condition
// (added fields)"): the room sets of the groups they are in or left, their activity grade, their
// friend status and times, the goals they reached, the flows they are in or finished and their
// campaign buckets. The turn driver writes them into the run at the start of every turn
// (`TurnEnv.facts`), so a run waiting for days reads today's facts, never the ones of the day it started.
import { fieldRef } from './rule-fields.ts';

export const ACTIVITY_GRADES = ['active', 'normal', 'lurker'] as const;
export type ActivityGrade = (typeof ACTIVITY_GRADES)[number];

export type FlowFacts = {
  /** Names of the room sets of the groups the contact is in now. */
  roomSets: string[];
  /** Names of the room sets of the groups the contact has left (and is not back in). */
  leftRoomSets: string[];
  /** The contact's activity grade in the groups (workspace thresholds); null: not graded. */
  activity: ActivityGrade | null;
  /** The turn's clock (epoch ms, the account's): what `within` / `before P3D` count back from. */
  now?: number;
  /** The workspace's time zone: a date-only value (`2025-06-01`) is its local midnight. */
  timeZone?: string;
  friendStatus?: string;
  /** Epoch ms, null when never. */
  firstAddedAt?: number | null;
  lastInboundAt?: number | null;
  lastOutboundAt?: number | null;
  /** Names of the goals the contact reached, in any flow. */
  goals?: string[];
  /** Ids of the flows the contact has an open (active / waiting) run of. */
  openFlows?: string[];
  /** Ids of the flows the contact has a completed run of. */
  finishedFlows?: string[];
  /** Campaign id → the bucket the contact ended in there (null: a member without a bucket yet). */
  campaigns?: Record<string, string | null>;
};

/** A run that was never told any facts: in no group, not graded. */
export const NO_FACTS: FlowFacts = { roomSets: [], leftRoomSets: [], activity: null };

/** The fixed-name condition fields read from the facts (goal.<name> and campaign.<id> are facts too). */
export const FACT_FIELDS = [
  'room.member_of',
  'room.left',
  'contact.activity',
  'contact.friendStatus',
  'contact.firstAddedAt',
  'contact.lastInboundAt',
  'contact.lastOutboundAt',
  'flow.in',
  'flow.finished',
] as const;
export type FactField = string;

const FACT_KINDS = new Set(['roomSet', 'grade', 'friendStatus', 'time', 'goal', 'flow', 'campaign']);

/** Whether a condition field reads the facts: readable by `condition` rules only, never printed. */
export const isFactField = (name: string): boolean => {
  const ref = fieldRef(name);
  return ref !== null && FACT_KINDS.has(ref.kind);
};

/** The room set a condition rule names, or null when its field is not about room sets or names none. */
export function ruleRoomSet(rule: { field: string; value?: unknown }): string | null {
  if (fieldRef(rule.field)?.kind !== 'roomSet' || rule.value === undefined) return null;
  return String(rule.value).trim() || null;
}

/**
 * The comparisons the room and grade fields take: `eq` / `neq` (a room field: is / is not in a
 * group of the set named; `contact.activity`: has / has not that grade) and `exists` / `not_exists`
 * (in a group of any set, or graded at all — and not).
 */
export const FACT_OPS = ['eq', 'neq', 'exists', 'not_exists'] as const;

/** The value of a room or grade field: a list of set names, or the grade (undefined: not graded). */
export function factValue(facts: FlowFacts | undefined, field: string): string[] | string | undefined {
  const known = facts ?? NO_FACTS;
  if (field === 'room.member_of') return known.roomSets;
  if (field === 'room.left') return known.leftRoomSets;
  if (field === 'contact.activity') return known.activity ?? undefined;
  return undefined;
}
