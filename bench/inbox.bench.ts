// `npm run bench:inbox` (DATABASE_URL = a PostgreSQL database it may fill; PGlite without it, slowly):
// 100,000 conversations and 2,000,000 messages in one workspace, then through the real HTTP API
// (app.inject: auth, query, serialization): (1) the list page of every inbox tab, first page and the
// next by cursor, p50 / p95 of 30 runs (target p95 < 30 ms); (2) search for a 2-character Chinese
// substring (common, and one nobody wrote) across every message, p50 / p95 of 20 runs (target p95 < 300 ms); (3) an agent reply in
// the sandbox from POST to `sent` at idle, p50 / p95 of 20 (target < 200 ms).
// Knobs: BENCH_CONVERSATIONS, BENCH_MESSAGES_PER (messages per conversation).
import { sql } from 'drizzle-orm';
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { login, type Session, testApp } from '../test/support/app.ts';
import { percentile } from './support.ts';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const PER = Number(process.env.BENCH_MESSAGES_PER ?? 20);
const url = process.env.DATABASE_URL;
const handle = await openDb(url ? { kind: 'postgres', url, poolSize: 10 } : { kind: 'pglite' });
await runMigrations(handle);
const { db } = handle;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const started = await testApp(handle, { runtime: true });
const { app } = started;
if (!started.workspaceId) throw new Error('bench:inbox needs a fresh database (DATABASE_URL)');
const workspaceId = started.workspaceId;
const owner = await login(app);
const [sandbox] = await rows<{ id: string }>(
  sql`select id from bot_accounts where workspace_id = ${workspaceId} and puppet = 'sandbox'`,
);
const [me] = await rows<{ id: string }>(
  sql`select user_id as id from members where workspace_id = ${workspaceId}`,
);
await db.execute(sql`update members set agent = true where workspace_id = ${workspaceId}`);

// Everyday phrases of a WeChat shop's customers, so substrings repeat as in real chat.
const PHRASES = [
  '你好，请问还有优惠吗',
  '我在上海，周末可以到店吗',
  '这个多少钱？',
  '怎么报名瑜伽体验课',
  '好的谢谢',
  '发货了吗，快递单号多少',
  '北京有门店吗',
  '可以开发票吗',
  '收到，明天联系你',
  '价格能便宜点吗',
  '孩子几岁可以上课',
  '我想退款',
];
const t = performance.now();
await db.execute(sql`
  insert into contacts (workspace_id, bot_account_id, puppet_id, name, friend_status, last_inbound_at)
  select ${workspaceId}, ${sandbox!.id}, 'bench-' || g, '客户' || g, 'friend', now() - (g % 9000) * interval '1 minute'
  from generate_series(1, ${CONVERSATIONS}) g`);
await db.execute(sql`
  insert into conversations (workspace_id, contact_id, bot_account_id, status, assignee_id, unread, waiting_since,
                             snoozed_until, last_message_at, last_message_text, last_message_direction)
  select c.workspace_id, c.id, c.bot_account_id,
         (array['closed','closed','closed','open','open','snoozed'])[1 + (abs(hashtext(c.id::text)) % 6)],
         case when abs(hashtext(c.puppet_id)) % 3 = 0 then ${me!.id}::uuid end,
         abs(hashtext(c.puppet_id)) % 4, c.last_inbound_at,
         now() + interval '1 day', c.last_inbound_at, '好的谢谢', 'in'
  from contacts c where c.workspace_id = ${workspaceId} and c.puppet_id like 'bench-%'`);
await db.execute(sql`update conversations set snoozed_until = null where status <> 'snoozed'`);
await db.execute(sql`
  insert into messages (workspace_id, bot_account_id, contact_id, direction, wechat_message_id, text, author, at)
  select c.workspace_id, c.bot_account_id, c.id, case when i % 2 = 0 then 'in' else 'out' end,
         'bench-' || c.puppet_id || '-' || i,
         (${JSON.stringify(PHRASES)}::jsonb ->> ((abs(hashtext(c.puppet_id)) + i * 7) % ${PHRASES.length})) || ' ' || i,
         case when i % 2 = 0 then 'contact' else 'bot' end,
         c.last_inbound_at - (${PER} - i) * interval '1 minute'
  from contacts c, generate_series(1, ${PER}) i
  where c.workspace_id = ${workspaceId} and c.puppet_id like 'bench-%'`);
await db.execute(sql`analyze`);
const seeded = (performance.now() - t) / 1000;

async function time(runs: number, fn: () => Promise<void>) {
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    took.push(performance.now() - s);
  }
  took.sort((a, b) => a - b);
  return { p50: percentile(took, 0.5), p95: percentile(took, 0.95) };
}
const get = async (who: Session, path: string) => {
  const res = await app.inject({ method: 'GET', url: path, headers: { cookie: who.cookie } });
  if (res.statusCode !== 200) throw new Error(`${path} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as { items: unknown[]; nextCursor: string | null };
};
const fmt = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;

// (1) every tab, first page and the next one
const TABS: [string, string][] = [
  ['Mine', 'status=open&assignee=me'],
  ['Unassigned', 'status=open&assignee=none'],
  ['All open', 'status=open'],
  ['Snoozed', 'status=snoozed'],
  ['Closed', 'status=closed'],
  ['Bot handling', 'bot=true'],
];
const lists: string[] = [];
for (const [name, query] of TABS) {
  const first = await get(owner, `/api/conversations?${query}&limit=30`);
  const page1 = await time(30, async () => void (await get(owner, `/api/conversations?${query}&limit=30`)));
  const cursor = first.nextCursor;
  const page2 = cursor
    ? await time(
        30,
        async () =>
          void (await get(
            owner,
            `/api/conversations?${query}&limit=30&cursor=${encodeURIComponent(cursor)}`,
          )),
      )
    : null;
  lists.push(
    `    ${name.padEnd(13)} (${first.items.length} items): page 1 ${fmt(page1)}${page2 ? `; page 2 ${fmt(page2)}` : ''}`,
  );
}

// (2) substrings across all messages
const search: string[] = [];
// Two common 2-character terms, one nobody wrote (the worst case: every message read), a rare long one.
for (const q of ['上海', '退款', '火星', '快递单号多少 13']) {
  const found = await get(owner, `/api/conversations?q=${encodeURIComponent(q)}&limit=30`);
  // (30 runs would take long for the worst case; 20 give a p95.)
  const r = await time(
    20,
    async () => void (await get(owner, `/api/conversations?q=${encodeURIComponent(q)}&limit=30`)),
  );
  search.push(`    "${q}" (${found.items.length} on the first page): ${fmt(r)}`);
}

// (3) an agent's reply in the sandbox, POST → sent
const call = async (method: 'POST', path: string, payload: object) => {
  const res = await app.inject({ method, url: path, payload, headers: owner.headers });
  if (res.statusCode >= 300) throw new Error(`${path} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as Record<string, unknown>;
};
// A friend request is accepted by a flow (the sandbox sends nothing to a stranger).
const hello = (await call('POST', '/api/flows', {
  name: 'Hello',
  graph: {
    nodes: [
      { id: 'friend', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
      { id: 'hi', type: 'send', position: { x: 0, y: 160 }, data: { text: '你好' } },
    ],
    edges: [{ id: 'e1', source: 'friend', sourceHandle: 'next', target: 'hi' }],
  },
})) as { id: string };
await call('POST', `/api/flows/${hello.id}/publish`, {});
const contact = (await call('POST', '/api/sandbox/contacts', { name: '测速' })) as { id: string };
await call('POST', `/api/sandbox/contacts/${contact.id}/friend-request`, { hello: '你好' });
const conversation = (await call('POST', `/api/contacts/${contact.id}/conversation`, {})) as { id: string };
const replies: number[] = [];
for (let i = 0; i < 20; i++) {
  await new Promise((r) => setTimeout(r, 300)); // idle between replies
  const s = performance.now();
  const { outboxId } = (await call('POST', `/api/conversations/${conversation.id}/messages`, {
    text: `稍等，我帮你查一下 ${i}`,
  })) as { outboxId: number };
  for (;;) {
    const [row] = await rows<{ status: string }>(sql`select status from outbox where id = ${outboxId}`);
    if (row?.status === 'sent') break;
    if (row?.status === 'failed' || row?.status === 'unknown') throw new Error(`reply ${row.status}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  replies.push(performance.now() - s);
}
replies.sort((a, b) => a - b);

console.log(
  `\ndatabase: ${handle.kind}, ${CONVERSATIONS.toLocaleString('en')} conversations, ${(CONVERSATIONS * PER).toLocaleString('en')} messages (seeded in ${seeded.toFixed(0)} s)`,
);
console.log('(1) list page (30 items), target p95 < 30 ms:');
for (const line of lists) console.log(line);
console.log('(2) message search, target p95 < 300 ms:');
for (const line of search) console.log(line);
console.log(
  `(3) agent reply POST → sent in the sandbox at idle, target < 200 ms: p50 ${percentile(replies, 0.5).toFixed(0)} ms, p95 ${percentile(replies, 0.95).toFixed(0)} ms`,
);
await app.close();
await handle.close();
