// POST /api/segments/preview and saved segments: every exclusion takes out its contact, the sample
// stays at ten, hostile input is a 400 with a code (never a 500), another workspace's segment is 404.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { previewSegment } from '../runtime/segments/preview.ts';
import type { App } from '../server/app.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import {
  botAccounts,
  contacts,
  conversations,
  outbox,
  roomMembers,
  roomSets,
  rooms,
} from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace } from './support/tenants.ts';

const HOUR = 3_600_000;

describeDb('segments API', (db) => {
  let app: App;
  let owner: Session;
  let other: Session;
  let workspaceId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    owner = await login(app);
    workspaceId = started.workspaceId!;
    other = await login(app, (await addWorkspace(db().db, 'Other')).owner);
    const d = db().db;
    const [account] = await d
      .insert(botAccounts)
      .values({ workspaceId, name: 'Seg', puppet: 'sandbox', limits: SANDBOX_LIMITS })
      .returning();
    const now = Date.now();
    const person = async (name: string, values: Partial<typeof contacts.$inferInsert> = {}) => {
      const [row] = await d
        .insert(contacts)
        .values({
          workspaceId,
          botAccountId: account!.id,
          puppetId: randomUUID(),
          name,
          friendStatus: 'friend',
          tags: ['seg'],
          ...values,
        })
        .returning();
      ids[name] = row!.id;
      return row!.id;
    };
    await person('plain');
    await person('talked', { lastInboundAt: new Date(now - 24 * HOUR) });
    await person('deleted', { friendStatus: 'deleted_us' });
    const left = await person('left');
    const [set] = await d.insert(roomSets).values({ workspaceId, name: 'vip' }).returning();
    const [room] = await d
      .insert(rooms)
      .values({ workspaceId, botAccountId: account!.id, puppetRoomId: 'r-vip', roomSetId: set!.id })
      .returning();
    await d.insert(roomMembers).values({
      workspaceId,
      roomId: room!.id,
      contactId: left,
      joinedAt: new Date(now - 100 * HOUR),
      leftAt: new Date(now - 50 * HOUR),
    });
    const talking = await person('conversation');
    await d.insert(conversations).values({
      workspaceId,
      contactId: talking,
      botAccountId: account!.id,
      status: 'snoozed',
      lastMessageAt: new Date(now - 200 * HOUR),
    });
    const busy = await person('budget');
    await d.insert(outbox).values(
      [1, 2].map((h) => ({
        workspaceId,
        botAccountId: account!.id,
        contactId: busy,
        kind: 'message' as const,
        payload: { text: 'hi', author: 'bot' as const },
        idempotencyKey: `seg-${h}-${randomUUID()}`,
        initiated: true,
        status: 'sent' as const,
        notBefore: new Date(now - h * HOUR),
        doneAt: new Date(now - h * HOUR),
      })),
    );
    for (let i = 0; i < 15; i++) await person(`many ${i}`, { tags: ['many'] });
  });
  afterAll(() => app?.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, who = owner) =>
    app.inject({
      method,
      url,
      ...(payload !== undefined && { payload: payload as object }),
      headers: method === 'GET' ? { cookie: who.cookie } : who.headers,
    });
  const seg = { match: 'all', rules: [{ field: 'tags', op: 'has_tag', value: 'SEG' }] };

  it('takes each excluded contact out, and counts each exclusion among the matches', async () => {
    const res = await call('POST', '/api/segments/preview', { rules: seg });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.count).toBe(1);
    expect(preview.sample.map((c: { id: string }) => c.id)).toEqual([ids.plain]);
    expect(preview.excluded).toEqual({
      recentlyTalked: 1,
      leftGroup: 1,
      deletedUs: 1,
      inConversation: 1,
      overBudget: 1,
    });
    const off = {
      recentlyTalked: false,
      leftGroup: false,
      deletedUs: false,
      inConversation: false,
      overBudget: false,
    };
    const all = (await call('POST', '/api/segments/preview', { rules: seg, exclusions: off })).json();
    expect(all.count).toBe(6);
    for (const [kind, name] of [
      ['recentlyTalked', 'talked'],
      ['leftGroup', 'left'],
      ['deletedUs', 'deleted'],
      ['inConversation', 'conversation'],
      ['overBudget', 'budget'],
    ] as const) {
      const one = (
        await call('POST', '/api/segments/preview', { rules: seg, exclusions: { ...off, [kind]: true } })
      ).json();
      expect(one.count, kind).toBe(5);
      expect(
        one.sample.map((c: { id: string }) => c.id),
        kind,
      ).not.toContain(ids[name]);
    }
    // A shorter window lets the contact who talked a day ago back in; a named set that is not theirs too.
    const short = await call('POST', '/api/segments/preview', {
      rules: seg,
      exclusions: { ...off, recentlyTalked: true, recentlyTalkedWithin: 'PT12H' },
    });
    expect(short.json().count).toBe(6);
    const city = {
      match: 'all',
      rules: [...seg.rules, { field: 'room.member_of', op: 'neq', value: 'city' }],
    };
    const named = await call('POST', '/api/segments/preview', {
      rules: city,
      exclusions: { ...off, leftGroup: true },
    });
    expect(named.json().count).toBe(6);
  });

  it('samples ten and counts them all', async () => {
    const many = { match: 'any', rules: [{ field: 'tags', op: 'has_tag', value: 'many' }] };
    const preview = (await call('POST', '/api/segments/preview', { rules: many })).json();
    expect(preview.count).toBe(15);
    expect(preview.sample).toHaveLength(10);
    const everyone = (await call('POST', '/api/segments/preview', { rules: { rules: [] } })).json();
    expect(everyone.count).toBe(16);
  });

  it('saves, lists and deletes segments; a name is the workspace’s once; another workspace sees none', async () => {
    const made = await call('POST', '/api/segments', { name: '老客户', rules: seg });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const again = await call('POST', '/api/segments', { name: '老客户', rules: seg });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('segment_name_taken');
    expect((await call('GET', '/api/segments')).json().map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await call('GET', '/api/segments', undefined, other)).json()).toEqual([]);
    expect((await call('DELETE', `/api/segments/${id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/segments/${id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/segments/${id}`)).statusCode).toBe(404);
  });

  it('answers bad input with a 400 and a code, never a 500', async () => {
    const rule = (r: object) => ({ rules: { match: 'all', rules: [r] } });
    const bad: [string, unknown, string?][] = [
      ['nul', rule({ field: 'contact.name', op: 'eq', value: 'a\u0000b' }), 'nul_character'],
      ['surrogate', rule({ field: 'contact.name', op: 'eq', value: 'a\ud800' }), 'lone_surrogate'],
      ['huge', rule({ field: 'contact.name', op: 'eq', value: 'x'.repeat(1_000_000) })],
      ['60 rules', { rules: { rules: Array.from({ length: 60 }, () => ({ field: 'tags', op: 'exists' })) } }],
      ['unknown field', rule({ field: 'contact.age', op: 'eq', value: 1 }), 'condition_field'],
      ['reply.text', rule({ field: 'reply.text', op: 'eq', value: 'hi' }), 'segment_field'],
      ['hostile regex', rule({ field: 'contact.name', op: 'matches', value: '(a+)+$' }), 'segment_regex'],
      ['lookahead', rule({ field: 'contact.name', op: 'matches', value: 'a(?=b)' }), 'segment_regex'],
      ['word boundary', rule({ field: 'contact.name', op: 'matches', value: '\\bab' }), 'segment_regex'],
      ['bad uuid', rule({ field: 'campaign.1234-not-a-uuid', op: 'exists' }), 'condition_field'],
      ['bucket', rule({ field: `campaign.${randomUUID()}`, op: 'eq', value: 'rich' }), 'campaign_bucket'],
      ['number', rule({ field: 'attributes.age', op: 'gt', value: 1e300 })],
      ['time op on text', rule({ field: 'contact.name', op: 'within', value: 'P3D' }), 'field_op'],
      [
        'time value',
        rule({ field: 'contact.lastInboundAt', op: 'before', value: 'yesterday' }),
        'time_value',
      ],
      [
        'within a date',
        rule({ field: 'contact.lastInboundAt', op: 'within', value: '2025-01-01' }),
        'time_duration',
      ],
      ['flow id', rule({ field: 'flow.in', op: 'eq', value: 'x' }), 'flow_id'],
      ['friend status', rule({ field: 'contact.friendStatus', op: 'eq', value: 'enemy' }), 'friend_status'],
      ['exclusion window', { rules: { rules: [] }, exclusions: { recentlyTalkedWithin: 'P9999D' } }],
    ];
    for (const [what, payload, code] of bad) {
      const res = await call('POST', '/api/segments/preview', payload);
      expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBe(400);
      if (code) expect(res.body, what).toContain(code);
      if (what === 'exclusion window') continue; // a saved segment has rules only
      const saved = await call('POST', '/api/segments', { name: what, ...(payload as object) });
      expect(saved.statusCode, what).toBe(400);
    }
  });

  it('previews 10k contacts', { timeout: 120_000 }, async () => {
    const [ws] = [workspaceId];
    const [account] = await db().db.select().from(botAccounts).limit(1);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      workspaceId: ws,
      botAccountId: account!.id,
      puppetId: `bulk-${i}`,
      name: `客户 ${i}`,
      tags: i % 3 ? ['bulk'] : ['bulk', 'vip'],
      attributes: { score: i % 100 },
      lastInboundAt: new Date(Date.now() - (i % 10) * 86_400_000),
    }));
    for (let i = 0; i < rows.length; i += 2000)
      await db()
        .db.insert(contacts)
        .values(rows.slice(i, i + 2000));
    const rules = {
      match: 'all' as const,
      rules: [
        { field: 'tags', op: 'has_tag' as const, value: 'bulk' },
        { field: 'attributes.score', op: 'gte' as const, value: 50 },
        { field: 'contact.lastInboundAt', op: 'not_within' as const, value: 'P3D' },
      ],
    };
    const started = performance.now();
    const preview = await previewSegment(db().db, ws, { rules }, new Date());
    const ms = performance.now() - started;
    expect(preview.count).toBeGreaterThan(2000);
    expect(preview.sample).toHaveLength(10);
    console.log(`segment preview over 10k contacts: ${ms.toFixed(0)} ms`);
  });
});
