// The live numbers the chat commands answer from, read from one workspace's tables: new friends,
// runs started and goals per flow, and groups by topic with their joins, leaves, lurkers and most
// active members. Commands see only the `ChatData` interface, so their texts are tested without SQL.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';

export interface FlowCounts {
  flow: string;
  started: number;
  goals: number;
}

export interface RoomFacts {
  id: string;
  topic: string;
  members: number;
  joinedToday: number;
  leftToday: number;
  /** Current members with at most `lurkerMax` messages since the grading window's first day. */
  lurkers: number;
}

export interface RoomQuery {
  /** A part of the topic (any case); '' matches every group. */
  topic: string;
  /** The first instant of today (joins and leaves count from it). */
  today: Date;
  /** The grading window's first local day (YYYY-MM-DD). */
  sinceDay: string;
  lurkerMax: number;
  limit: number;
}

export interface ChatData {
  /** Contacts who became friends since `since`. */
  newFriends(since: Date): Promise<number>;
  /** Flows that started runs or reached goals since `since` (previews of drafts left out), busiest first. */
  flows(since: Date, limit: number): Promise<FlowCounts[]>;
  /** Groups whose topic contains `query.topic`: the exact topic first, then the biggest; `total` counts all. */
  rooms(query: RoomQuery): Promise<{ rooms: RoomFacts[]; total: number }>;
  /** A group's current members who spoke most since `sinceDay`. */
  topMembers(roomId: string, sinceDay: string, limit: number): Promise<{ name: string; messages: number }[]>;
}

export function chatData(tx: Db, workspaceId: string): ChatData {
  return {
    async newFriends(since) {
      const [row] = rowsOf<{ n: number }>(
        await tx.execute(sql`
          select count(*)::int as n from contacts
          where workspace_id = ${workspaceId} and first_added_at >= ${since}`),
      );
      return row?.n ?? 0;
    },

    async flows(since, limit) {
      return rowsOf<FlowCounts>(
        await tx.execute(sql`
          with s as (
            select r.flow_id, count(*)::int as n from runs r
            join flow_versions v on v.id = r.flow_version_id and not v.preview
            where r.workspace_id = ${workspaceId} and r.started_at >= ${since}
            group by r.flow_id
          ),
          g as (
            select v.flow_id, count(*)::int as n from goals g
            join flow_versions v on v.id = g.flow_version_id and not v.preview
            where g.workspace_id = ${workspaceId} and g.created_at >= ${since}
            group by v.flow_id
          )
          select f.name as flow, coalesce(s.n, 0) as started, coalesce(g.n, 0) as goals
          from flows f left join s on s.flow_id = f.id left join g on g.flow_id = f.id
          where f.workspace_id = ${workspaceId} and (s.n is not null or g.n is not null)
          order by started desc, goals desc, f.name
          limit ${limit}`),
      );
    },

    async rooms(q) {
      const rows = rowsOf<RoomFacts & { total: number }>(
        await tx.execute(sql`
          select r.id, r.topic, r.member_count as members,
            (select count(*)::int from room_members m
             where m.room_id = r.id and m.joined_at >= ${q.today}) as "joinedToday",
            (select count(*)::int from room_members m
             where m.room_id = r.id and m.left_at >= ${q.today}) as "leftToday",
            (select count(*)::int from room_members m
             left join (
               select d.contact_id, sum(d.count) as n from room_member_days d
               where d.room_id = r.id and d.day >= ${q.sinceDay}::date group by d.contact_id
             ) a on a.contact_id = m.contact_id
             where m.room_id = r.id and m.left_at is null and coalesce(a.n, 0) <= ${q.lurkerMax}) as lurkers,
            (count(*) over ())::int as total
          from rooms r
          where r.workspace_id = ${workspaceId} and strpos(lower(r.topic), lower(${q.topic})) > 0
          order by lower(r.topic) = lower(${q.topic}) desc, r.member_count desc, r.topic
          limit ${q.limit}`),
      );
      return { rooms: rows.map(({ total: _, ...room }) => room), total: rows[0]?.total ?? 0 };
    },

    async topMembers(roomId, sinceDay, limit) {
      return rowsOf<{ name: string; messages: number }>(
        await tx.execute(sql`
          select c.name, sum(d.count)::int as messages
          from room_member_days d
          join room_members m on m.room_id = d.room_id and m.contact_id = d.contact_id and m.left_at is null
          join contacts c on c.id = d.contact_id
          where d.room_id = ${roomId} and d.day >= ${sinceDay}::date
          group by c.id, c.name
          having sum(d.count) > 0
          order by messages desc, c.name
          limit ${limit}`),
      );
    },
  };
}
