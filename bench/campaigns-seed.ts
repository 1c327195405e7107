// bench:campaigns' world, made in SQL (generate_series, never a JS loop per contact): one workspace,
// 10 sandbox bot accounts, `count` contacts with attributes (city, age), tags, friend statuses,
// activity histories, first-added / last-inbound / last-outbound times, goals (~10%, each on a
// finished run), room memberships (~20%, a quarter of them left), open conversations (~1%) and
// bot-initiated messages sent in the last days (~3%, so the budget exclusion has someone to take).
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../runtime/db/client.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { fixtureGraph, publishGraph } from '../test/support/runtime.ts';

export const ACCOUNTS = 10;
export const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '南京', '武汉'];
/** Contacts the spread test's campaigns reach, tagged so: ~1,000 whatever the size. */
export const SPREAD_TAG = 'spread';

export interface World {
  workspaceId: string;
  /** The seed's clock: its times are relative to it, so a reused world is measured at it too. */
  now: Date;
  accountIds: string[];
  /** Published `trigger.campaign` flows (each campaign needs its own: one open run per contact and flow). */
  campaignFlow: (name: string) => Promise<string>;
}

const one = <T>(result: unknown) => rowsOf<T>(result)[0]!;
const PREFIX = 'bench-campaigns-';
/** Contact `g`'s last message from the bot, as seeded (the reuse puts back what the spread moved). */
const seededOutbound = (g: SQL, now: Date) =>
  sql`case when ${g} % 3 = 0 then null else ${now}::timestamptz - ((${g} * 17) % (90 * 24)) * interval '1 hour' end`;

export async function seedWorld(db: Db, count: number, now: Date): Promise<World> {
  const tag = now.getTime().toString(36);
  const { id: workspaceId } = one<{ id: string }>(
    await db.execute(sql`insert into workspaces (name, time_zone, message_budget)
      values (${PREFIX + tag}, 'Asia/Shanghai', '{"perDay": 1, "perWeek": 3}') returning id`),
  );
  const accountIds = rowsOf<{ id: string }>(
    await db.execute(sql`insert into bot_accounts (workspace_id, name, puppet, limits, lease_owner, lease_until, fencing_token)
      select ${workspaceId}, 'bench ' || g, 'sandbox', ${JSON.stringify(SANDBOX_LIMITS)}::jsonb, 'bench',
             now() + interval '1 day', 1
      from generate_series(1, ${ACCOUNTS}) g returning id`),
  ).map((r) => r.id);
  const accounts = sql`(select array_agg(id order by id) from bot_accounts where workspace_id = ${workspaceId})`;
  await db.execute(
    sql`insert into room_sets (workspace_id, name) values (${workspaceId}, '会员群'), (${workspaceId}, '活动群')`,
  );
  await db.execute(sql`insert into rooms (workspace_id, bot_account_id, puppet_room_id, topic, room_set_id)
    select ${workspaceId}, a.id, ${tag} || '-' || a.id || '-' || s.name, s.name, s.id
    from bot_accounts a, room_sets s where a.workspace_id = ${workspaceId} and s.workspace_id = ${workspaceId}`);

  const spreadEvery = Math.max(1, Math.floor(count / 1000));
  await db.execute(sql`
    with acc as (select ${accounts} as ids)
    insert into contacts (workspace_id, bot_account_id, puppet_id, name, friend_status, attributes, tags,
                          first_added_at, last_inbound_at, last_outbound_at)
    select ${workspaceId}, acc.ids[1 + g % ${ACCOUNTS}], ${tag} || '-' || g, '用户' || g,
      case when g % 20 = 0 then 'deleted_us' when g % 20 = 1 then 'stranger' else 'friend' end,
      jsonb_build_object('city', (${`{${CITIES.join(',')}}`}::text[])[1 + (g / 10) % 8], 'age', 18 + (g * 7) % 50),
      array_remove(array[
        case when g % 5 = 0 then 'vip' end, case when g % 3 = 0 then '新客' end,
        case when g % 7 = 0 then '老客' end, case when (g / 10) % ${spreadEvery} = 0 then ${SPREAD_TAG} end], null),
      ${now}::timestamptz - ((g * 37) % 365) * interval '1 day',
      case when g % 4 = 0 then null else ${now}::timestamptz - ((g * 13) % (60 * 24)) * interval '1 hour' end,
      ${seededOutbound(sql`g`, now)}
    from generate_series(1, ${count}) g, acc`);
  // 64 activity histories (168 hourly counts each), one per contact by its number.
  await db.execute(sql`
    with patterns as (
      select p, array(select ((h * 7 + p * 13) % 11 = 0)::int * (1 + (h + p) % 4)
                      from generate_series(0, 167) h) as activity
      from generate_series(0, 63) p
    )
    insert into contact_activity (contact_id, counts)
    select c.id, patterns.activity from contacts c, patterns
    where c.workspace_id = ${workspaceId} and patterns.p = split_part(c.puppet_id, '-', 2)::int % 64`);

  // Goals: a finished run of a flow, every tenth contact.
  const goalFlow = await publishGraph(db, workspaceId, `bench-goal-${tag}`, fixtureGraph('campaign'));
  await db.execute(sql`
    with r as (
      insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, current_node_id, started_at, updated_at)
      select ${workspaceId}, ${goalFlow.flowId}, ${goalFlow.flowVersionId}, c.id, 'completed', 'hello', ${now}, ${now}
      from contacts c where c.workspace_id = ${workspaceId} and hashtext(c.puppet_id) % 10 = 0
      returning id, contact_id
    )
    insert into goals (workspace_id, flow_version_id, run_id, contact_id, name, created_at)
    select ${workspaceId}, ${goalFlow.flowVersionId}, r.id, r.contact_id,
      case when hashtext(r.contact_id::text) % 2 = 0 then '购买' else '报名' end, ${now}
    from r`);
  // Room memberships: a fifth of the contacts in a group of their account; a quarter of them left.
  await db.execute(sql`
    insert into room_members (workspace_id, room_id, contact_id, joined_at, left_at)
    select ${workspaceId}, r.id, c.id, ${now}::timestamptz - interval '30 days',
      case when hashtext(c.puppet_id) % 20 = 0 then ${now}::timestamptz - interval '5 days' end
    from contacts c join rooms r on r.bot_account_id = c.bot_account_id
      and r.topic = case when hashtext(c.puppet_id || 's') % 2 = 0 then '会员群' else '活动群' end
    where c.workspace_id = ${workspaceId} and hashtext(c.puppet_id) % 5 = 0`);
  await db.execute(sql`
    insert into conversations (workspace_id, contact_id, bot_account_id, last_message_at)
    select ${workspaceId}, c.id, c.bot_account_id, ${now}
    from contacts c where c.workspace_id = ${workspaceId} and hashtext(c.puppet_id || 'v') % 100 = 0`);
  await db.execute(sql`
    insert into outbox (workspace_id, bot_account_id, contact_id, kind, payload, idempotency_key, status,
                        not_before, done_at, initiated)
    select ${workspaceId}, c.bot_account_id, c.id, 'message', '{"text": "hi"}', ${tag} || '-seed-' || c.id, 'sent',
      ${now}::timestamptz - interval '10 hours', ${now}::timestamptz - interval '10 hours', true
    from contacts c where c.workspace_id = ${workspaceId} and hashtext(c.puppet_id || 'o') % 33 = 0
      and not (c.tags @> array[${SPREAD_TAG}])`);
  for (const table of [
    'contacts',
    'contact_activity',
    'runs',
    'goals',
    'room_members',
    'conversations',
    'outbox',
  ])
    await db.execute(sql.raw(`analyze ${table}`));
  return world(db, workspaceId, accountIds, now);
}

function world(db: Db, workspaceId: string, accountIds: string[], now: Date): World {
  let flows = 0;
  const run = Date.now().toString(36);
  const campaignFlow = async (name: string) =>
    (await publishGraph(db, workspaceId, `${name}-${run}-${flows++}`, fixtureGraph('campaign'))).flowId;
  return { workspaceId, now, accountIds, campaignFlow };
}

/**
 * `--reuse`: the latest world seeded with `count` contacts, as it was seeded — the campaigns, runs,
 * sends and archive of earlier benches removed, the spread contacts' last sends put back — or null.
 */
export async function reuseWorld(db: Db, count: number): Promise<World | null> {
  const [found] = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select w.id, w.name from workspaces w where w.name like ${`${PREFIX}%`}
        and (select count(*) from contacts c where c.workspace_id = w.id) = ${count}
      order by w.created_at desc limit 1`),
  );
  if (!found) return null;
  const tag = found.name.slice(PREFIX.length);
  const now = new Date(Number.parseInt(tag, 36));
  const ws = found.id;
  await db.execute(sql`delete from flows where workspace_id = ${ws} and name not like 'bench-goal-%'`);
  await db.execute(
    sql`delete from outbox where workspace_id = ${ws} and idempotency_key not like ${`${tag}-seed-%`}`,
  );
  await db.execute(sql`delete from messages where workspace_id = ${ws}`);
  await db.execute(sql`update contacts set last_outbound_at = ${seededOutbound(sql`split_part(puppet_id, '-', 2)::int`, now)}
    where workspace_id = ${ws} and last_outbound_at > ${now}`);
  const accountIds = rowsOf<{ id: string }>(
    await db.execute(sql`select id from bot_accounts where workspace_id = ${ws} order by id`),
  ).map((r) => r.id);
  return world(db, ws, accountIds, now);
}
