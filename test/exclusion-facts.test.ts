// The exclusion facts on each contact's row (migrations/0015_exclusion_facts.sql): after every random
// change to memberships, groups' sets, conversations and sends (made and taken back), each contact's `left_room_keys`,
// `in_conversation` and `initiated_sends` equal what the source tables say, read here afresh.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../runtime/db/client.ts';
import { contacts, conversations, outbox, roomMembers, roomSets, rooms } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { seedWorkspace } from './support/runtime.ts';

const HOUR = 3_600_000;
const t0 = Date.parse('2026-12-01T00:00:00Z');

/** A small deterministic generator (mulberry32). */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describeDb('exclusion facts on the contact row', (handle) => {
  const db = () => handle().db;
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  const people: string[] = [];
  const groups: string[] = [];
  const sets: string[] = [];

  beforeAll(async () => {
    ({ account } = await seedWorkspace(db(), 'Facts'));
    const { workspaceId } = account;
    for (const name of ['会员群', '活动群'])
      sets.push((await db().insert(roomSets).values({ workspaceId, name }).returning())[0]!.id);
    for (let i = 0; i < 5; i++) {
      const [room] = await db()
        .insert(rooms)
        .values({
          workspaceId,
          botAccountId: account.id,
          puppetRoomId: `facts-${i}`,
          roomSetId: i < 4 ? sets[i % 2]! : null,
        })
        .returning();
      groups.push(room!.id);
    }
    for (let i = 0; i < 4; i++) {
      const [row] = await db()
        .insert(contacts)
        .values({ workspaceId, botAccountId: account.id, puppetId: randomUUID(), name: `p${i}` })
        .returning();
      people.push(row!.id);
    }
  });

  /** What the source tables say, by the definitions the triggers keep. */
  async function expected(contactId: string) {
    const [row] = rowsOf<{ keys: string[] | null; open: boolean; sends: number[] | null }>(
      await db().execute(sql`select
        (select jsonb_agg(k order by k) from (select coalesce(r.room_set_id, r.id) as k from room_members m
          join rooms r on r.id = m.room_id where m.contact_id = ${contactId}
          group by 1 having bool_and(m.left_at is not null)) x) as keys,
        exists (select 1 from conversations v where v.contact_id = ${contactId}
          and v.status in ('open', 'snoozed')) as open,
        (select jsonb_agg(extract(epoch from o.done_at) * 1000 order by o.done_at desc) from outbox o where o.contact_id = ${contactId}
          and o.initiated and o.status = 'sent' and o.done_at > (select max(done_at) from outbox p
            where p.contact_id = ${contactId} and p.initiated and p.status = 'sent') - interval '7 days') as sends`),
    );
    return {
      keys: row!.keys ?? null,
      open: row!.open,
      sends: row!.sends?.map(Number) ?? null,
    };
  }
  async function actual(contactId: string) {
    const [row] = await db().select().from(contacts).where(eq(contacts.id, contactId));
    return {
      keys: row!.leftRoomKeys ? [...row!.leftRoomKeys].sort() : null,
      open: row!.inConversation,
      sends: row!.initiatedSends?.map((t) => new Date(t).getTime()) ?? null,
    };
  }

  it('follow 300 random changes to memberships, sets, conversations and sends', async () => {
    const r = prng(20261203);
    const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
    let clock = t0;
    let sent = 0;
    const { workspaceId } = account;
    const kinds = { keys: 0, open: 0, sends: 0 };
    for (let step = 0; step < 300; step++) {
      const who = pick(people);
      const roll = r();
      clock += Math.floor(r() * 20 * HOUR);
      const at = new Date(clock);
      if (roll < 0.3) {
        // Join (again) or leave a group.
        const room = pick(groups);
        await db()
          .insert(roomMembers)
          .values({ workspaceId, roomId: room, contactId: who, joinedAt: at, leftAt: r() < 0.5 ? at : null })
          .onConflictDoUpdate({
            target: [roomMembers.roomId, roomMembers.contactId],
            set: { leftAt: r() < 0.5 ? at : null },
          });
      } else if (roll < 0.38) {
        await db()
          .delete(roomMembers)
          .where(eq(roomMembers.roomId, pick(groups)));
      } else if (roll < 0.45) {
        // A group moves to another set, or out of any.
        const set = r() < 0.3 ? null : pick(sets);
        await db()
          .update(rooms)
          .set({ roomSetId: set })
          .where(eq(rooms.id, pick(groups)));
      } else if (roll < 0.65) {
        const status = pick(['open', 'snoozed', 'closed'] as const);
        if (r() < 0.15) await db().delete(conversations).where(eq(conversations.contactId, who));
        else
          await db()
            .insert(conversations)
            .values({ workspaceId, contactId: who, botAccountId: account.id, status, lastMessageAt: at })
            .onConflictDoUpdate({ target: conversations.contactId, set: { status } });
      } else if (roll < 0.7) {
        // A sent message taken back: deleted (a sandbox reset), or no longer sent.
        const [row] = await db()
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(eq(outbox.contactId, who), eq(outbox.status, 'sent'), eq(outbox.initiated, true)))
          .limit(1);
        if (row && r() < 0.5) await db().delete(outbox).where(eq(outbox.id, row.id));
        else if (row) await db().update(outbox).set({ status: 'failed' }).where(eq(outbox.id, row.id));
      } else {
        // A message queued then sent (or sent at once); some not initiated by the bot.
        const initiated = r() < 0.8;
        const queued = r() < 0.5;
        const [row] = await db()
          .insert(outbox)
          .values({
            workspaceId,
            botAccountId: account.id,
            contactId: who,
            kind: 'message',
            payload: { text: 'hi', author: 'bot' },
            idempotencyKey: `facts-${++sent}`,
            initiated,
            status: queued ? 'queued' : 'sent',
            notBefore: at,
            doneAt: queued ? null : at,
          })
          .returning();
        if (queued && r() < 0.8)
          await db().update(outbox).set({ status: 'sent', doneAt: at }).where(eq(outbox.id, row!.id));
      }
      for (const id of people) {
        const want = await expected(id);
        expect(await actual(id), `step ${step}, contact ${people.indexOf(id)}`).toEqual(want);
        if (want.keys) kinds.keys++;
        if (want.open) kinds.open++;
        if (want.sends) kinds.sends++;
      }
    }
    // The walk reached every fact, so the comparisons above were not all of empty facts.
    expect(kinds.keys).toBeGreaterThan(50);
    expect(kinds.open).toBeGreaterThan(50);
    expect(kinds.sends).toBeGreaterThan(50);
  }, 120_000);

  it('drop with their source: deleting groups and a contact leaves no stale fact', async () => {
    await db().delete(rooms).where(inArray(rooms.id, groups));
    for (const id of people) expect((await actual(id)).keys).toBeNull();
  });
});
