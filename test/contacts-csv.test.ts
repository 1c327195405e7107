// Contacts as CSV: an export imported into a new workspace gives the same contacts (tags, attributes,
// the awkward text a spreadsheet mangles), filters and segments choose the rows, roles and tenants
// are kept apart.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { exportContacts } from '../server/contacts/export.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, roomMembers, rooms, segments } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace, waitingFlow } from './support/tenants.ts';

const AWKWARD = [
  '张三',
  'a, "quoted" name',
  'two\nlines',
  '=HYPERLINK("http://evil")',
  '-cmd|calc',
  '@SUM(1)',
  "'=already guarded",
  ' padded ',
  '😀 emoji',
];

describeDb('contacts CSV', (db) => {
  let app: App;
  let owner: Session;
  let other: Session;
  let otherAccount: string;
  let workspaceId: string;
  let accountId: string;

  const get = (url: string, s: Session = owner) => app.inject({ method: 'GET', url, headers: s.headers });
  const post = (url: string, csv: string | Buffer, s: Session = owner, type = 'text/csv') =>
    app.inject({ method: 'POST', url, headers: { ...s.headers, 'content-type': type }, payload: csv });
  const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  const snapshot = async (ws: string) =>
    (
      await db()
        .db.select()
        .from(contacts)
        .where(eq(contacts.workspaceId, ws))
        .orderBy(asc(contacts.puppetId))
    ).map((c) => ({
      puppetId: c.puppetId,
      weixin: c.weixin,
      name: c.name,
      alias: c.alias,
      friendStatus: c.friendStatus,
      firstAddedAt: c.firstAddedAt,
      lastInboundAt: c.lastInboundAt,
      tags: c.tags,
      attributes: c.attributes,
    }));

  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    workspaceId = started.workspaceId!;
    owner = await login(app);
    const tenant = await addWorkspace(db().db, 'Import target');
    other = await login(app, tenant.owner);
    otherAccount = tenant.sandboxId;
    const d = db().db;
    const [account] = await d
      .insert(botAccounts)
      .values({ workspaceId, name: '客服一号', puppet: 'sandbox', limits: SANDBOX_LIMITS })
      .returning();
    accountId = account!.id;
    const [room] = await d
      .insert(rooms)
      .values({ workspaceId, botAccountId: accountId, puppetRoomId: 'r1', topic: '会员群' })
      .returning();
    const people = AWKWARD.map((name, i) => ({
      workspaceId,
      botAccountId: accountId,
      puppetId: `wxid_${i}`,
      weixin: i % 2 ? `wx${i}` : null,
      name,
      alias: i === 0 ? '老张' : null,
      friendStatus: i === 3 ? ('deleted_us' as const) : ('friend' as const),
      firstAddedAt: new Date(Date.UTC(2024, 0, i + 1, 8, 30)),
      lastInboundAt: i % 3 ? new Date(Date.UTC(2024, 4, 1, 12, 0, 0, 123)) : null,
      tags: i % 2 ? ['vip', '新客'] : ['+86'],
      attributes: {
        city: i % 2 ? '上海' : name,
        score: i * 1.5,
        phone: '+8613800000000',
        member: i % 2 === 0,
        ...(i === 1 ? { note: '=1+1' } : {}),
      },
    }));
    const inserted = await d.insert(contacts).values(people).returning();
    await d.insert(roomMembers).values({
      workspaceId,
      roomId: room!.id,
      contactId: inserted[0]!.id,
      joinedAt: new Date(),
    });
  });
  afterAll(() => app?.close());

  it('exports with a BOM, CRLF, every column, groups, and formula-looking cells guarded', async () => {
    const res = await get('/api/contacts/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="contacts-\d{4}-\d\d-\d\d\.csv"/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.split('\r\n')[0]).toBe(
      '\uFEFFid,name,alias,weixin,puppet_id,account,friend_status,first_added_at,last_inbound_at,' +
        'last_outbound_at,tags,goals,groups,attr.city,attr.member,attr.note,attr.phone,attr.score',
    );
    const rows = rowsOf(res.body);
    expect(rows).toHaveLength(AWKWARD.length);
    const byPuppet = Object.fromEntries(rows.map((r) => [r.puppet_id, r]));
    expect(byPuppet.wxid_0).toMatchObject({
      name: '张三',
      alias: '老张',
      groups: '会员群',
      account: '客服一号',
    });
    expect(byPuppet.wxid_1).toMatchObject({ tags: 'vip;新客', 'attr.note': "'=1+1", 'attr.score': '1.5' });
    expect(byPuppet.wxid_3!.name).toBe(`'=HYPERLINK("http://evil")`);
    expect(byPuppet.wxid_4!.name).toBe("'-cmd|calc");
    expect(byPuppet.wxid_5!.name).toBe("'@SUM(1)");
    expect(byPuppet.wxid_6!.name).toBe("''=already guarded");
    // Plain numbers (a phone number, a tag "+86") are left as they are.
    expect(byPuppet.wxid_0).toMatchObject({ 'attr.phone': '+8613800000000', tags: '+86' });
    expect(byPuppet.wxid_2!.first_added_at).toBe('2024-01-03T08:30:00.000Z');
  });

  it('round trip: the export imported into another workspace gives the same contacts', async () => {
    const csv = (await get('/api/contacts/export.csv')).body;
    const preview = await post(`/api/contacts/import?accountId=${otherAccount}&dryRun=1`, csv, other);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, imported: AWKWARD.length, updated: 0, errors: [] });
    expect(
      await snapshot(
        (await db().db.select().from(botAccounts).where(eq(botAccounts.id, otherAccount)))[0]!.workspaceId,
      ),
    ).toEqual([]);

    const res = await post(`/api/contacts/import?accountId=${otherAccount}`, csv, other);
    expect(res.json()).toMatchObject({ imported: AWKWARD.length, updated: 0, errors: [], errorCount: 0 });
    const [target] = await db().db.select().from(botAccounts).where(eq(botAccounts.id, otherAccount));
    expect(await snapshot(target!.workspaceId)).toEqual(await snapshot(workspaceId));

    // The same file again updates them all and changes nothing.
    const again = await post(`/api/contacts/import?accountId=${otherAccount}`, csv, other);
    expect(again.json()).toMatchObject({ imported: 0, updated: AWKWARD.length, errorCount: 0 });
    expect(await snapshot(target!.workspaceId)).toEqual(await snapshot(workspaceId));
  });

  it('filters by the list search, a tag, or a saved segment', async () => {
    const names = async (url: string) => rowsOf((await get(url)).body).map((r) => r.puppet_id);
    expect(await names('/api/contacts/export.csv?q=%E5%BC%A0')).toEqual(['wxid_0']);
    expect(await names('/api/contacts/export.csv?q=wx7')).toEqual(['wxid_7']);
    expect((await names('/api/contacts/export.csv?tag=vip')).sort()).toEqual([
      'wxid_1',
      'wxid_3',
      'wxid_5',
      'wxid_7',
    ]);
    const [segment] = await db()
      .db.insert(segments)
      .values({
        workspaceId,
        name: 'deleted',
        rules: { match: 'all', rules: [{ field: 'contact.friendStatus', op: 'eq', value: 'deleted_us' }] },
      })
      .returning();
    expect(await names(`/api/contacts/export.csv?segmentId=${segment!.id}`)).toEqual(['wxid_3']);
    // Another workspace's segment is not found, and neither is a made-up one.
    expect((await get(`/api/contacts/export.csv?segmentId=${segment!.id}`, other)).statusCode).toBe(404);
    expect((await get(`/api/contacts/export.csv?segmentId=${randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/contacts/export.csv?segmentId=nope')).statusCode).toBe(400);
  });

  it('a viewer exports but cannot import; another workspace’s account is not found', async () => {
    const viewer = { email: 'csv-viewer@example.com', password: 'viewer-password-1', role: 'viewer' };
    const made = await app.inject({
      method: 'POST',
      url: '/api/members',
      headers: owner.headers,
      payload: viewer,
    });
    expect(made.statusCode).toBe(201);
    const session = await login(app, viewer);
    expect((await get('/api/contacts/export.csv', session)).statusCode).toBe(200);
    const csv = 'puppet_id,name\nx1,X\n';
    const refused = await post(`/api/contacts/import?accountId=${accountId}`, csv, session);
    expect(refused.statusCode).toBe(403);
    const cross = await post(`/api/contacts/import?accountId=${accountId}`, csv, other);
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.details.params.what).toBe('bot_account');
    // An id of another workspace's contact finds nothing here: the row is new (by its puppet id).
    const [theirs] = await db()
      .db.select()
      .from(contacts)
      .where(eq(contacts.botAccountId, otherAccount))
      .limit(1);
    const res = await post(
      `/api/contacts/import?accountId=${accountId}&dryRun=1`,
      `id,name\n${theirs!.id},Y\n`,
    );
    expect(res.json().errors).toEqual([expect.objectContaining({ line: 2, code: 'unknown_id' })]);
  });

  it('stops reading pages when the reader goes away', async () => {
    let pages = 0;
    const stream = await exportContacts(db().db, workspaceId, {}, { pageSize: 2, onPage: () => pages++ });
    for await (const _chunk of stream) break; // the header; then the client is gone
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.destroyed).toBe(true);
    expect(pages).toBeLessThanOrEqual(2);
    expect(pages).toBeLessThan(AWKWARD.length / 2);
  });

  it('downloads stats tables: flow node stats, campaign buckets, inbox KPIs', async () => {
    const flow = await app.inject({
      method: 'POST',
      url: '/api/flows',
      headers: owner.headers,
      payload: { name: 'csv', graph: waitingFlow('hi') },
    });
    const id = flow.json().id;
    expect(
      (await app.inject({ method: 'POST', url: `/api/flows/${id}/publish`, headers: owner.headers }))
        .statusCode,
    ).toBe(201);
    const stats = await get(`/api/flows/${id}/stats.csv`);
    expect(stats.statusCode).toBe(200);
    const rows = rowsOf(stats.body);
    expect(rows.map((r) => r.node_id).sort()).toEqual(['hello', 'kw', 'later', 'ok', 'wait']);
    expect(rows.find((r) => r.node_id === 'kw')).toMatchObject({
      version: '1',
      type: 'trigger.keyword',
      entered: '0',
    });
    expect((await get(`/api/flows/${id}/stats.csv`, other)).statusCode).toBe(404);
    expect((await get(`/api/campaigns/${randomUUID()}/contacts.csv`)).statusCode).toBe(404);
    const kpis = await get('/api/inbox/kpis.csv?from=2024-05-01&to=2024-05-02');
    expect(kpis.statusCode).toBe(200);
    expect(
      rowsOf(kpis.body)
        .filter((r) => r.who === 'team')
        .map((r) => r.day),
    ).toEqual(['2024-05-01', '2024-05-02']);
    expect((await get('/api/inbox/kpis.csv?from=2024-05-03&to=2024-05-02')).statusCode).toBe(400);
  });
});
