// What a turn may ask about the contact beyond what the run holds (`condition` on facts.ts fields):
// the room sets of the groups they are in and have left, their activity grade, friend status and
// times, the goals they reached, the flows they are in or finished and their campaign buckets — read
// fresh at every turn (a run that waited for days sees today), and only the parts the machine reads.
import { type SQL, sql } from 'drizzle-orm';
import type { FlowFacts } from '../../shared/flow/index.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { type Db, rowsOf } from '../db/client.ts';
import type { WorkspaceSettings } from '../workspace-settings.ts';

/** Which parts of the facts a machine reads (the contact's own row is always read: it is one lookup). */
export type FactNeeds = { rooms: boolean; goals: boolean; flows: boolean; campaigns: boolean };
export const ALL_FACTS: FactNeeds = { rooms: true, goals: true, flows: true, campaigns: true };
const NONE: FactNeeds = { rooms: false, goals: false, flows: false, campaigns: false };

const FIELD =
  /"(room\.member_of|room\.left|contact\.(?:activity|friendStatus|firstAddedAt|lastInboundAt|lastOutboundAt)|goal\.[^"]+|flow\.(?:in|finished)|campaign\.[0-9a-fA-F-]{36})"/g;
const needs = new WeakMap<object, FactNeeds | null>();

/** The facts a compiled machine reads, or null when it reads none (most: they pay nothing). */
export function factNeeds(machine: object): FactNeeds | null {
  let known = needs.get(machine);
  if (known === undefined) {
    const config = JSON.stringify((machine as { config?: unknown }).config ?? machine);
    const fields = [...config.matchAll(FIELD)].map((m) => m[1]!);
    known = fields.length === 0 ? null : { ...NONE };
    for (const field of fields) {
      if (!known) break;
      if (field.startsWith('room.') || field === 'contact.activity') known.rooms = true;
      if (field.startsWith('goal.')) known.goals = true;
      if (field.startsWith('flow.')) known.flows = true;
      if (field.startsWith('campaign.')) known.campaigns = true;
    }
    needs.set(machine, known);
  }
  return known;
}

/** Whether a compiled machine reads facts at all. */
export const usesFacts = (machine: object): boolean => factNeeds(machine) !== null;

type FactsRow = {
  friend_status: string;
  first_added_at: string | Date | null;
  last_inbound_at: string | Date | null;
  last_outbound_at: string | Date | null;
  sets?: string[] | null;
  left?: string[] | null;
  groups?: number;
  said?: number;
  goals?: string[] | null;
  open_flows?: string[] | null;
  finished_flows?: string[] | null;
  campaigns?: Record<string, string | null> | string | null;
};

function parts(contactId: string, since: string, want: FactNeeds): SQL[] {
  const list: SQL[] = [];
  if (want.rooms)
    list.push(sql`
      (select array_agg(distinct s.name) from room_members m join rooms r on r.id = m.room_id
         join room_sets s on s.id = r.room_set_id where m.contact_id = ${contactId} and m.left_at is null) as sets,
      (select array_agg(distinct s.name) from room_members m join rooms r on r.id = m.room_id
         join room_sets s on s.id = r.room_set_id where m.contact_id = ${contactId} and m.left_at is not null) as left,
      (select count(*)::int from room_members m where m.contact_id = ${contactId} and m.left_at is null) as groups,
      (select coalesce(sum(d.count), 0)::int from room_member_days d
         where d.contact_id = ${contactId} and d.day >= ${since}::date) as said`);
  if (want.goals)
    list.push(
      sql`(select array_agg(distinct g.name) from goals g where g.contact_id = ${contactId}) as goals`,
    );
  if (want.flows)
    list.push(sql`
      (select array_agg(distinct r.flow_id::text) from runs r
         where r.contact_id = ${contactId} and r.status in ('active', 'waiting')) as open_flows,
      (select array_agg(distinct r.flow_id::text) from runs r
         where r.contact_id = ${contactId} and r.status = 'completed') as finished_flows`);
  if (want.campaigns)
    list.push(sql`(select jsonb_object_agg(m.campaign_id::text, m.bucket) from campaign_members m
         where m.contact_id = ${contactId}) as campaigns`);
  return list;
}

const epoch = (at: string | Date | null): number | null => (at == null ? null : new Date(at).getTime());

export async function factsFor(
  tx: Db,
  contactId: string,
  workspace: Pick<WorkspaceSettings, 'timeZone' | 'activityGrades'>,
  now: Date,
  want: FactNeeds = ALL_FACTS,
): Promise<FlowFacts> {
  const { days, active, lurker } = workspace.activityGrades;
  const since = localDay(now.getTime() - (days - 1) * 86_400_000, workspace.timeZone);
  const extra = parts(contactId, since, want);
  const [row] = rowsOf<FactsRow>(
    await tx.execute(sql`
      select c.friend_status, c.first_added_at, c.last_inbound_at, c.last_outbound_at
        ${extra.length ? sql`, ${sql.join(extra, sql`, `)}` : sql``}
      from contacts c where c.id = ${contactId}`),
  );
  const said = Number(row?.said ?? 0);
  const activity =
    Number(row?.groups ?? 0) === 0 ? null : said >= active ? 'active' : said <= lurker ? 'lurker' : 'normal';
  const campaigns = typeof row?.campaigns === 'string' ? JSON.parse(row.campaigns) : row?.campaigns;
  return {
    roomSets: row?.sets ?? [],
    leftRoomSets: row?.left ?? [],
    activity,
    now: now.getTime(),
    timeZone: workspace.timeZone,
    friendStatus: row?.friend_status ?? 'stranger',
    firstAddedAt: epoch(row?.first_added_at ?? null),
    lastInboundAt: epoch(row?.last_inbound_at ?? null),
    lastOutboundAt: epoch(row?.last_outbound_at ?? null),
    ...(want.goals ? { goals: row?.goals ?? [] } : {}),
    ...(want.flows ? { openFlows: row?.open_flows ?? [], finishedFlows: row?.finished_flows ?? [] } : {}),
    ...(want.campaigns ? { campaigns: campaigns ?? {} } : {}),
  };
}
