// Acquisition channels of a workspace (API "Analytics"): create, edit, archive, and list them with
// their counts — new friends, goals, deletions within 7 days and cost per goal — computed for every
// channel at once in one statement over contacts.channel_id (indexed) and goals by contact.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { rowsOf } from '../../runtime/db/client.ts';
import {
  type ChannelInput,
  type ChannelItem,
  type ChannelPatch,
  channelPath,
} from '../../shared/api/channels.ts';
import { botAccounts, channels } from '../../shared/db/schema.ts';
import { schemaError, schemaIssueOf } from '../../shared/schema-issues.ts';
import { HttpError, notFound } from '../errors.ts';

type ChannelRow = typeof channels.$inferSelect;
type Stats = Pick<ChannelItem, 'newFriends' | 'goals' | 'deletedWithin7d' | 'costPerGoal'>;

const NO_STATS: Stats = { newFriends: 0, goals: 0, deletedWithin7d: 0, costPerGoal: null };

const view = (c: ChannelRow, stats: Stats = NO_STATS): ChannelItem => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  slug: c.slug,
  url: channelPath(c.slug),
  helloCode: c.helloCode,
  tags: c.tags,
  spend: c.spend,
  botAccountIds: c.botAccountIds,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt.toISOString(),
  ...stats,
});

/** Counts of each channel (of one workspace, or one channel), by channel id. */
async function statsOf(db: Db, workspaceId: string, channelId?: string): Promise<Map<string, Stats>> {
  const only = channelId ? sql`and ch.id = ${channelId}` : sql``;
  const rows = rowsOf<{ id: string; spend: number } & Omit<Stats, 'costPerGoal'>>(
    await db.execute(sql`
      select ch.id, ch.spend,
        count(c.id) filter (where c.first_added_at is not null)::int as "newFriends",
        coalesce(sum(g.n), 0)::int as goals,
        count(c.id) filter (
          where c.friend_status = 'deleted_us'
            and c.deleted_us_at < c.first_added_at + interval '7 days')::int as "deletedWithin7d"
      from channels ch
      left join contacts c on c.channel_id = ch.id
      left join lateral (
        select count(distinct g.name) as n from goals g where g.contact_id = c.id
      ) g on true
      where ch.workspace_id = ${workspaceId} ${only}
      group by ch.id`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        newFriends: r.newFriends,
        goals: r.goals,
        deletedWithin7d: r.deletedWithin7d,
        costPerGoal: r.spend > 0 && r.goals > 0 ? Math.round(r.spend / r.goals) : null,
      },
    ]),
  );
}

export async function listChannels(db: Db, workspaceId: string, archived = false): Promise<ChannelItem[]> {
  const rows = await db
    .select()
    .from(channels)
    .where(
      and(
        eq(channels.workspaceId, workspaceId),
        archived ? sql`${channels.archivedAt} is not null` : isNull(channels.archivedAt),
      ),
    )
    .orderBy(channels.createdAt, channels.id);
  const stats = rows.length ? await statsOf(db, workspaceId) : new Map<string, Stats>();
  return rows.map((c) => view(c, stats.get(c.id)));
}

/** A contact's channel as its detail shows it. */
export async function channelName(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({ id: channels.id, name: channels.name })
    .from(channels)
    .where(and(eq(channels.id, id), eq(channels.workspaceId, workspaceId)));
  return row ?? null;
}

async function findChannel(db: Db, workspaceId: string, id: string): Promise<ChannelRow> {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  return row;
}

export async function getChannel(db: Db, workspaceId: string, id: string): Promise<ChannelItem> {
  const row = await findChannel(db, workspaceId, id);
  return view(row, (await statsOf(db, workspaceId, id)).get(id));
}

const taken = (field: 'name' | 'slug' | 'helloCode', value: string) =>
  new HttpError('channel_taken', `Another channel has the ${field} ${value}`, { field, value });

/** Which unique field another channel already holds (slugs are global: the page is public). */
async function conflictOf(db: Db, workspaceId: string, c: Partial<ChannelRow>, self?: string) {
  const other = (where: SQL) =>
    db
      .select({ id: channels.id })
      .from(channels)
      .where(self ? and(where, ne(channels.id, self)) : where)
      .limit(1);
  if (c.slug && (await other(eq(channels.slug, c.slug))).length) return taken('slug', c.slug);
  const inWorkspace = (where: SQL) => other(and(eq(channels.workspaceId, workspaceId), where)!);
  if (c.name && (await inWorkspace(eq(channels.name, c.name))).length) return taken('name', c.name);
  if (c.helloCode && (await inWorkspace(sql`lower(${channels.helloCode}) = lower(${c.helloCode})`)).length)
    return taken('helloCode', c.helloCode);
  return null;
}

/** Writes a channel; a unique field another channel holds (checked, or lost in a race) is a 409. */
async function write<T>(
  db: Db,
  workspaceId: string,
  c: Partial<ChannelRow>,
  self: string | undefined,
  run: () => Promise<T>,
) {
  const conflict = await conflictOf(db, workspaceId, c, self);
  if (conflict) throw conflict;
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } } | null;
    if (e?.code !== '23505' && e?.cause?.code !== '23505') throw err;
    throw (await conflictOf(db, workspaceId, c, self)) ?? err;
  }
}

/** The accounts named must be the workspace's own: another workspace's id is not found. */
async function checkAccounts(db: Db, workspaceId: string, ids: string[] | undefined) {
  if (!ids?.length) return;
  const rows = await db
    .select({ id: botAccounts.id })
    .from(botAccounts)
    .where(
      and(eq(botAccounts.workspaceId, workspaceId), sql`${botAccounts.id} = any(${sql.param(ids)}::uuid[])`),
    );
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw notFound('bot_account', { id: missing });
}

const randomSlug = () => `c-${randomBytes(5).toString('hex')}`;

export async function createChannel(db: Db, workspaceId: string, input: ChannelInput): Promise<ChannelItem> {
  await checkAccounts(db, workspaceId, input.botAccountIds);
  const values = {
    workspaceId,
    name: input.name,
    kind: input.kind,
    slug: input.slug ?? randomSlug(),
    helloCode: input.helloCode ?? null,
    tags: [...new Set(input.tags)],
    spend: input.spend,
    botAccountIds: [...new Set(input.botAccountIds)],
  };
  const [row] = await write(db, workspaceId, values, undefined, () =>
    db.insert(channels).values(values).returning(),
  );
  return view(row!);
}

export async function patchChannel(
  db: Db,
  workspaceId: string,
  id: string,
  patch: ChannelPatch,
): Promise<ChannelItem> {
  const current = await findChannel(db, workspaceId, id);
  await checkAccounts(db, workspaceId, patch.botAccountIds);
  const { archived, tags, botAccountIds, ...rest } = patch;
  const values: Partial<ChannelRow> = {
    ...rest,
    ...(tags && { tags: [...new Set(tags)] }),
    ...(botAccountIds && { botAccountIds: [...new Set(botAccountIds)] }),
    ...(archived !== undefined && { archivedAt: archived ? (current.archivedAt ?? new Date()) : null }),
  };
  const kind = patch.kind ?? current.kind;
  const helloCode = patch.helloCode === undefined ? current.helloCode : patch.helloCode;
  if (kind === 'hello' && !helloCode) {
    const issue = { code: 'custom', path: ['helloCode'], ...schemaError('hello_code_required') };
    throw new HttpError('invalid_request', issue.message, undefined, [
      { path: 'body.helloCode', message: issue.message, ...schemaIssueOf(issue, patch) },
    ]);
  }
  if (Object.keys(values).length > 0)
    await write(db, workspaceId, values, id, () =>
      db.update(channels).set(values).where(eq(channels.id, id)),
    );
  return getChannel(db, workspaceId, id);
}
