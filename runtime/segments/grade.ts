// The activity grade in SQL, exactly as runtime/executor/facts.ts `factsFor` grades a contact: the
// messages said in groups over the workspace's last `days` local days (counted back from the
// contact's own clock), graded only while in some group.
import { type SQL, sql } from 'drizzle-orm';
import { contactNow, type SegmentContext } from './sql-text.ts';

export function activityGrade(ctx: SegmentContext): SQL {
  const { days, active, lurker } = ctx.activityGrades;
  const since = sql`((${contactNow(ctx)} - ${(days - 1) * 86_400}::bigint * interval '1 second') at time zone ${ctx.timeZone})::date`;
  return sql`(case when exists (select 1 from room_members m where m.contact_id = c.id and m.left_at is null)
    then (select case when x.said >= ${active} then 'active' when x.said <= ${lurker} then 'lurker' else 'normal' end
      from (select coalesce(sum(d.count), 0) as said from room_member_days d
        where d.contact_id = c.id and d.day >= ${since}) x) end)`;
}
