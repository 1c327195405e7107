// The documented split deployment, as processes on one PostgreSQL: `npm run server` (the API, no
// runtime) and `npm run worker`s. The sandbox API reaches the simulated WeChat through bot commands
// to whichever worker holds the sandbox account; when that worker is killed mid-load, another takes
// the account over and 200 concurrent sandbox contacts still get every reply — nothing lost, nothing
// sent twice (a send cut off by the kill is shown as `unknown`, as on real WeChat).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAccounts } from '../shared/db/schema.ts';
import {
  exited,
  freshPostgres,
  httpClient,
  type Server,
  startServer,
  startWorker,
  stopWorker,
  until,
  type Worker,
} from './support/processes.ts';

const postgres = Boolean(process.env.DATABASE_URL);
const ADMIN = { email: 'admin@localhost', password: 'split-test-password' };

describe.skipIf(!postgres)('server and workers as separate processes [postgres]', () => {
  let pg: Awaited<ReturnType<typeof freshPostgres>>;
  let server: Server;
  const workers: Worker[] = [];
  beforeAll(async () => {
    pg = await freshPostgres();
    server = await startServer(pg.url, ADMIN.password);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w)));
    if (server) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    await pg?.drop();
  });

  it('answers the sandbox API from a worker, clock included', async () => {
    workers.push(await startWorker(pg.url));
    const api = await httpClient(server.base, ADMIN);
    const contact = (await api('POST', '/api/sandbox/contacts', { name: '小美' })).body;
    const greeted = await api('POST', `/api/sandbox/contacts/${contact.id}/friend-request`, {
      hello: '你好',
    });
    expect(greeted.status).toBe(200);
    expect(greeted.body.replies.map((r: { text: string }) => r.text)).toEqual([
      '你好 小美，欢迎！先认识一下～',
      '你在哪个城市？',
    ]);
    // The city question times out after an hour on the sandbox clock.
    const advanced = await api('POST', '/api/sandbox/clock/advance', { by: 'PT2H' });
    expect(advanced.status).toBe(200);
    expect(advanced.body.fired).toBeGreaterThanOrEqual(1);
    const clock = await api('GET', '/api/sandbox/clock');
    expect(Date.parse(clock.body.now)).toBeGreaterThan(Date.now() + 3_600_000);
  });

  it('gives 200 concurrent contacts every reply while the worker holding the sandbox is killed', async () => {
    workers.push(await startWorker(pg.url));
    const api = await httpClient(server.base, ADMIN);
    const N = 200;
    const names = Array.from({ length: N }, (_, i) => `客户${i}`);
    const ids: string[] = [];
    for (const name of names) ids.push((await api('POST', '/api/sandbox/contacts', { name })).body.id);

    const { db } = pg.handle;
    const holder = async () =>
      (await db.select().from(botAccounts).where(sql`${botAccounts.puppet} = 'sandbox'`))[0]!.leaseOwner;
    let answered = 0;
    let killed: string | null = null;
    const killHolder = async () => {
      const owner = await holder();
      const victim = workers.find((w) => w.owner === owner)!;
      killed = victim.owner;
      victim.child.kill('SIGKILL');
      await exited(victim.child);
    };
    const conversation = async (id: string, i: number) => {
      const greeting = await api('POST', `/api/sandbox/contacts/${id}/friend-request`, { hello: '你好' });
      if (++answered === 40) await killHolder();
      const answer = await api('POST', `/api/sandbox/contacts/${id}/messages`, { text: '上海' });
      return { i, id, greeting, answer };
    };
    const results = await Promise.all(ids.map((id, i) => conversation(id, i)));
    expect(killed).not.toBeNull();
    expect(await holder()).not.toBe(killed);

    // Every call answered; every reply is there, or — for a send the kill cut off — shown as unknown
    // (an accept the kill cut off is unknown too, and the friendship is finished before the message).
    const unknownTexts = async (id: string) =>
      (
        (await db.execute(
          sql`select payload->>'text' as text from outbox
            where contact_id = ${id} and kind = 'message' and status = 'unknown'`,
        )) as unknown as { rows: { text: string }[] }
      ).rows.map((r) => r.text);
    let cutOff = 0;
    for (const { i, id, greeting, answer } of results) {
      expect(greeting.status, JSON.stringify(greeting.body)).toBe(200);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const transcript = (await api('GET', `/api/sandbox/contacts/${id}/transcript`)).body as {
        direction: string;
        text: string;
      }[];
      const sent = transcript.filter((m) => m.direction === 'out').map((m) => m.text);
      const unknown = await unknownTexts(id);
      cutOff += unknown.length;
      if (sent.length + unknown.length !== 3) {
        const q = async (text: ReturnType<typeof sql>) =>
          JSON.stringify(((await db.execute(text)) as unknown as { rows: unknown[] }).rows);
        console.log(
          'DIAG',
          names[i],
          JSON.stringify(greeting.body),
          JSON.stringify(answer.body),
          await q(sql`select friend_status, handoff, puppet_id from contacts where id = ${id}`),
          await q(
            sql`select id, kind, status, idempotency_key, error, attempts from outbox where contact_id = ${id}`,
          ),
          await q(
            sql`select direction, text, author, wechat_message_id from messages where contact_id = ${id}`,
          ),
          await q(
            sql`select id, op, status, error, created_at, done_at from bot_commands where args->>'contactId' = ${id}`,
          ),
          await q(sql`select status, current_node_id, error from runs where contact_id = ${id}`),
        );
      }
      expect([...sent, ...unknown].sort(), names[i]).toEqual(
        [`你好 ${names[i]}，欢迎！先认识一下～`, '你在哪个城市？', '上海的朋友你好！你今年多大？'].sort(),
      );
      expect(transcript.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['上海']);
    }
    // One send at a time per account is in flight: a kill can cut off at most that one.
    expect(cutOff).toBeLessThanOrEqual(1);
    const handedOver = (await db.execute(
      sql`select count(*)::int as n from contacts where handoff`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(handedOver.rows[0]!.n).toBe(0);
    await until('no command is left behind', async () => {
      const left = (await db.execute(
        sql`select count(*)::int as n from bot_commands where status in ('queued', 'running')`,
      )) as unknown as { rows: { n: number }[] };
      return left.rows[0]!.n === 0;
    });
  }, 180_000);
});
