// What a turn may ask about the contact beyond its own row (`condition` on `room.member_of`,
// `room.left`, `contact.activity`): the room sets of the groups they are in and have left, and their
// activity grade in groups — read fresh at every turn, so a run that waited for days sees today.
import { sql } from 'drizzle-orm';
import type { FlowFacts } from '../../shared/flow/index.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { type Db, rowsOf } from '../db/client.ts';
import type { WorkspaceSettings } from '../workspace-settings.ts';

const READS_FACTS = /"(?:room\.member_of|room\.left|contact\.activity)"/;
const uses = new WeakMap<object, boolean>();

/** Whether a compiled machine reads facts at all (most do not: they pay nothing). */
export function usesFacts(machine: object): boolean {
  let known = uses.get(machine);
  if (known === undefined) {
    known = READS_FACTS.test(JSON.stringify((machine as { config?: unknown }).config ?? machine));
    uses.set(machine, known);
  }
  return known;
}

export async function factsFor(
  tx: Db,
  contactId: string,
  workspace: Pick<WorkspaceSettings, 'timeZone' | 'activityGrades'>,
  now: Date,
): Promise<FlowFacts> {
  const { days, active, lurker } = workspace.activityGrades;
  const since = localDay(now.getTime() - (days - 1) * 86_400_000, workspace.timeZone);
  const [row] = rowsOf<{ sets: string[] | null; left: string[] | null; groups: number; said: number }>(
    await tx.execute(sql`
      select
        (select array_agg(distinct s.name) from room_members m join rooms r on r.id = m.room_id
           join room_sets s on s.id = r.room_set_id where m.contact_id = ${contactId} and m.left_at is null) as sets,
        (select array_agg(distinct s.name) from room_members m join rooms r on r.id = m.room_id
           join room_sets s on s.id = r.room_set_id where m.contact_id = ${contactId} and m.left_at is not null) as left,
        (select count(*)::int from room_members m where m.contact_id = ${contactId} and m.left_at is null) as groups,
        (select coalesce(sum(d.count), 0)::int from room_member_days d
           where d.contact_id = ${contactId} and d.day >= ${since}::date) as said`),
  );
  const said = Number(row?.said ?? 0);
  const activity =
    Number(row?.groups ?? 0) === 0 ? null : said >= active ? 'active' : said <= lurker ? 'lurker' : 'normal';
  return { roomSets: row?.sets ?? [], leftRoomSets: row?.left ?? [], activity };
}
