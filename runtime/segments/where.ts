// A segment's rules as one SQL boolean over `c` (contacts) joined to `b` (its bot account): the
// twin of `evaluateConditions` (shared/flow/condition.ts), field by field (fields.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { SegmentRules } from '../../shared/segments/rules.ts';
import { ruleSql } from './fields.ts';
import type { SegmentContext } from './sql-text.ts';

export { SegmentFieldError } from './fields.ts';
export type { SegmentContext } from './sql-text.ts';

/** No rules: every contact (a segment of the whole workspace), whether matched all or any. */
export function segmentWhere(rules: SegmentRules, ctx: SegmentContext): SQL {
  if (rules.rules.length === 0) return sql`true`;
  const parts = rules.rules.map((rule) => ruleSql(rule, ctx));
  return sql`(${sql.join(parts, rules.match === 'any' ? sql` or ` : sql` and `)})`;
}
