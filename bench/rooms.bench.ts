// `npm run bench:rooms` (DATABASE_URL = a PostgreSQL database it may fill; PGlite without it):
// (a) the database's single-row insert transactions/s; (b) group messages ingested through the
// runtime's batcher — many speakers in 500-member groups, each message archived with its member's
// last-message time, total and per-day counts kept in its transaction — as messages/s and a ratio to
// (a); (c) over a 500-member group with 1,000,000 group messages of history: the member ranking by
// messages in the grading window and the lurker list, p50 / max of 20 runs (target < 50 ms each).
// Knobs: BENCH_GROUPS, BENCH_MESSAGES, BENCH_TALKING (messages in flight at once), BENCH_HISTORY.
import { sql } from 'drizzle-orm';
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { InboundBatcher } from '../runtime/router/batcher.ts';
import { handleInbound } from '../runtime/router/inbound.ts';
import { lurkersOf, rankedMembers } from '../server/rooms/members.ts';
import { seedWorkspace } from '../test/support/runtime.ts';
import { insertBaseline, percentile, pool } from './support.ts';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 4);
const MEMBERS = 500;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const TALKING = Number(process.env.BENCH_TALKING ?? 64);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 1_000_000);
const url = process.env.DATABASE_URL;
const handle = await openDb(url ? { kind: 'postgres', url, poolSize: 18 } : { kind: 'pglite' });
await runMigrations(handle);
const { db } = handle;
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await db.execute(query)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);

// (a)
const baseline = await insertBaseline(db, 16);

// (b) every group's member list arrives (as after a login), then its members talk
const tag = Date.now().toString(36);
const { account } = await seedWorkspace(db, `rooms-bench-${tag}`);
const groups = Array.from({ length: GROUPS }, (_, g) => ({ id: `${tag}-room-${g}`, topic: `群 ${g}` }));
const member = (g: number, m: number) => ({ puppetId: `${tag}-g${g}-m${m}`, name: `成员${m}` });
const now = new Date();
for (const [g, room] of groups.entries())
  await handleInbound(
    db,
    account,
    {
      kind: 'room_sync',
      room,
      members: Array.from({ length: MEMBERS }, (_, m) => member(g, m)),
      at: now,
    },
    now,
  );
const batcher = new InboundBatcher(db, () => now);
let seq = 0;
const spoken = Array.from({ length: MESSAGES }, (_, i) => i);
let t = performance.now();
await pool(spoken, TALKING, async (i) => {
  const g = i % GROUPS;
  // Many speakers: a power law, as in a real group (a few talk a lot, most rarely).
  const m = Math.floor(MEMBERS * Math.random() ** 3);
  await batcher.submit(account, {
    kind: 'message',
    messageId: `${tag}-${++seq}`,
    contact: member(g, m),
    room: groups[g],
    text: `消息 ${i}`,
    self: false,
    at: now,
  });
});
const perSecond = MESSAGES / ((performance.now() - t) / 1000);
const counted = await count(sql`
  select coalesce(sum(d.count), 0) as n from room_member_days d join rooms r on r.id = d.room_id
  where r.bot_account_id = ${account.id}`);
if (counted !== MESSAGES) throw new Error(`counts kept ${counted} of ${MESSAGES} messages`);

// (c) one 500-member group with a long history: ranking and lurkers
const [history] = (
  (await db.execute(
    sql`select id from rooms where bot_account_id = ${account.id} and puppet_room_id = ${groups[0]!.id}`,
  )) as unknown as { rows: { id: string }[] }
).rows;
const roomId = history!.id;
t = performance.now();
await db.execute(sql`
  insert into messages (workspace_id, bot_account_id, contact_id, direction, wechat_message_id, text, author, room_id, at)
  select ${account.workspaceId}, ${account.id}, ms.a[1 + floor(${MEMBERS} * power(random(), 3))::int],
         'in', ${`${tag}-h-`} || g, '历史消息', 'contact', ${roomId}, now() - (g % 120) * interval '1 day'
  from generate_series(1, ${HISTORY}) g,
       (select array_agg(contact_id order by contact_id) as a from room_members where room_id = ${roomId}) ms`);
await db.execute(sql`
  insert into room_member_days (room_id, contact_id, day, count)
  select room_id, contact_id, (at at time zone 'Asia/Shanghai')::date, count(*) from messages
  where room_id = ${roomId} and wechat_message_id like ${`${tag}-h-%`}
  group by room_id, contact_id, (at at time zone 'Asia/Shanghai')::date
  on conflict (room_id, day, contact_id) do update set count = room_member_days.count + excluded.count`);
const seeded = (performance.now() - t) / 1000;
await db.execute(sql`analyze`);
const time = async (fn: () => Promise<unknown>) => {
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await fn();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  return `p50 ${percentile(runs, 0.5).toFixed(1)} ms, max ${runs.at(-1)!.toFixed(1)} ms`;
};
const ranking = await time(() =>
  rankedMembers(db, account.workspaceId, roomId, { sort: 'messages30d', limit: 100, offset: 0 }),
);
const lurkers = await time(() => lurkersOf(db, account.workspaceId, roomId, 'P14D'));

console.log(
  `\ndatabase: ${handle.kind}, ${GROUPS} groups × ${MEMBERS} members, ${TALKING} messages in flight`,
);
console.log(`(a) single-row insert transactions: ${baseline.toFixed(0)}/s`);
console.log(
  `(b) group messages: ${perSecond.toFixed(0)}/s over ${MESSAGES} (counts kept for all), (b)/(a) = ${(perSecond / baseline).toFixed(2)}`,
);
console.log(
  `(c) a ${MEMBERS}-member group with ${HISTORY.toLocaleString('en')} messages (seeded in ${seeded.toFixed(0)} s):`,
);
console.log(`    ranking by messages in the window: ${ranking}`);
console.log(`    lurkers silent 14 days: ${lurkers}`);
await handle.close();
