// What the runtime knows of the contact today that a `condition` may ask about (NODES.md second wave):
// the room sets of the groups they are in or left, and their activity grade. The turn driver writes
// them into the run at the start of every turn (`TurnEnv.facts`), so a run waiting for days reads
// today's facts, never the ones of the day it started.

export const ACTIVITY_GRADES = ['active', 'normal', 'lurker'] as const;
export type ActivityGrade = (typeof ACTIVITY_GRADES)[number];

export type FlowFacts = {
  /** Names of the room sets of the groups the contact is in now. */
  roomSets: string[];
  /** Names of the room sets of the groups the contact has left (and is not back in). */
  leftRoomSets: string[];
  /** The contact's activity grade in the groups (workspace thresholds); null: not graded. */
  activity: ActivityGrade | null;
};

/** A run that was never told any facts: in no group, not graded. */
export const NO_FACTS: FlowFacts = { roomSets: [], leftRoomSets: [], activity: null };

/** Condition fields read from the facts: readable by `condition` rules only, never printed. */
export const FACT_FIELDS = ['room.member_of', 'room.left', 'contact.activity'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const isFactField = (name: string): name is FactField =>
  (FACT_FIELDS as readonly string[]).includes(name);

/** What a rule's value names for each fact field: a room set, or an activity grade. */
export const FACT_VALUES: Record<FactField, 'roomSet' | 'grade'> = {
  'room.member_of': 'roomSet',
  'room.left': 'roomSet',
  'contact.activity': 'grade',
};

/** The room set a condition rule names, or null when its field is not about room sets or names none. */
export function ruleRoomSet(rule: { field: string; value?: unknown }): string | null {
  if (!isFactField(rule.field) || FACT_VALUES[rule.field] !== 'roomSet' || rule.value === undefined)
    return null;
  return String(rule.value).trim() || null;
}

/**
 * The comparisons a fact field takes: `eq` / `neq` (a room field: is / is not in a group of the
 * set named; `contact.activity`: has / has not that grade) and `exists` / `not_exists` (in a group
 * of any set, or graded at all — and not).
 */
export const FACT_OPS = ['eq', 'neq', 'exists', 'not_exists'] as const;

const READERS: Record<FactField, (facts: FlowFacts) => string[] | string | undefined> = {
  'room.member_of': (facts) => facts.roomSets,
  'room.left': (facts) => facts.leftRoomSets,
  'contact.activity': (facts) => facts.activity ?? undefined,
};

/** The value of a fact field: a list of set names, or the grade (undefined: not graded). */
export const factValue = (facts: FlowFacts | undefined, field: FactField): string[] | string | undefined =>
  READERS[field](facts ?? NO_FACTS);
