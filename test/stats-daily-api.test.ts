// GET /api/flows/:id/stats/daily (API.md "Analytics"): the exact body the editor's charts read, its
// defaults (published version, the last 30 local days on the workspace's furthest clock), 400s for
// bad dates and ranges, 404 for other workspaces' flows, and no 500 whatever the query says.
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { daysBetween } from '../server/flows/stats-daily.ts';
import { dailyStatsBody } from '../shared/api/flows.ts';
import { botAccounts, flowVersions, nodeStatsDaily } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace } from './support/tenants.ts';

const DAY = 86_400_000;
const graph = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['hi'] } },
    { id: 'hello', type: 'send', position: { x: 0, y: 100 }, data: { text: 'hello' } },
    { id: 'wait', type: 'wait_reply', position: { x: 0, y: 200 }, data: { timeout: 'P1D' } },
  ],
  edges: [
    { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'wait' },
  ],
};

describeDb('daily stats API', (db) => {
  let app: App;
  let owner: Session;
  let flowId: string;
  let draftId: string;
  let workspaceId: string;
  /** Today in the default workspace (Asia/Shanghai) on the wall clock. */
  const today = () => localDay(Date.now(), 'Asia/Shanghai');
  const daysAgo = (n: number) => new Date(Date.parse(today()) - n * DAY).toISOString().slice(0, 10);

  beforeAll(async () => {
    ({ app, workspaceId } = (await testApp(db())) as { app: App; workspaceId: string });
    owner = await login(app);
    flowId = (await call(`/api/flows`, 'POST', { name: 'Daily', graph })).body.id;
    await call(`/api/flows/${flowId}/publish`, 'POST');
    await call(`/api/flows/${flowId}/publish`, 'POST');
    draftId = (await call(`/api/flows`, 'POST', { name: 'Draft', graph })).body.id;
    const versions = await db()
      .db.select({ id: flowVersions.id, version: flowVersions.version })
      .from(flowVersions)
      .where(eq(flowVersions.flowId, flowId));
    const v = (n: number) => versions.find((r) => r.version === n)!.id;
    // Shards of one counter add up; a day outside the default 30 is left out.
    const row = (
      version: number,
      day: string,
      nodeId: string,
      port: string,
      shard: number,
      count: number,
    ) => ({
      flowVersionId: v(version),
      day,
      nodeId,
      port,
      shard,
      count,
    });
    await db()
      .db.insert(nodeStatsDaily)
      .values([
        row(2, today(), 'kw', '', 0, 3),
        row(2, today(), 'kw', '', 7, 2),
        row(2, today(), 'kw', 'next', 7, 5),
        row(2, daysAgo(5), 'hello', '', 1, 4),
        row(2, daysAgo(5), 'hello', 'next', 1, 4),
        row(2, daysAgo(29), 'kw', '', 3, 1),
        row(2, daysAgo(30), 'kw', '', 3, 100),
        row(1, daysAgo(1), 'kw', '', 0, 9),
      ]);
  });
  afterAll(() => app?.close());

  async function call(url: string, method: 'GET' | 'POST' = 'GET', payload?: object, session = owner) {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: session.cookie } : session.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  }

  it('answers the published version over the last 30 local days, every node, zeros filled', async () => {
    const { status, body } = await call(`/api/flows/${flowId}/stats/daily`);
    expect(status).toBe(200);
    expect(dailyStatsBody.parse(body)).toEqual(body);
    expect(body).toMatchObject({ version: 2, timeZone: 'Asia/Shanghai', from: daysAgo(29), to: today() });
    expect(body.days).toEqual(daysBetween(daysAgo(29), today()));
    expect(body.days).toHaveLength(30);
    const at = (day: string) => body.days.indexOf(day);
    const kwEntered = Array(30).fill(0);
    kwEntered[at(today())] = 5;
    kwEntered[at(daysAgo(29))] = 1;
    expect(body.nodes.kw.entered).toEqual(kwEntered);
    expect(body.nodes.kw.exits.next[at(today())]).toBe(5);
    expect(body.nodes.hello.entered[at(daysAgo(5))]).toBe(4);
    expect(body.nodes.wait).toEqual({ entered: Array(30).fill(0), exits: {} });
    expect(body.totals).toEqual({
      kw: { entered: 6, exits: { next: 5 } },
      hello: { entered: 4, exits: { next: 4 } },
      wait: { entered: 0, exits: {} },
    });
  });

  it('answers an older version and an explicit range, one day or 366', async () => {
    const one = await call(`/api/flows/${flowId}/stats/daily?version=1&from=${daysAgo(1)}&to=${daysAgo(1)}`);
    expect(one.body).toMatchObject({ version: 1, days: [daysAgo(1)], totals: { kw: { entered: 9 } } });
    const year = await call(`/api/flows/${flowId}/stats/daily?from=2024-01-01&to=2024-12-31`);
    expect(year.status).toBe(200);
    expect(year.body.days).toHaveLength(366);
    expect(year.body.days.at(-1)).toBe('2024-12-31');
    expect(year.body.totals.kw).toEqual({ entered: 0, exits: {} });
    const empty = await call(`/api/flows/${flowId}/stats/daily?version=&from=&to=`);
    expect(empty.body.to).toBe(today());
  });

  it("counts today on the workspace's sandbox clock when it runs ahead", async () => {
    const [sandbox] = await db()
      .db.select()
      .from(botAccounts)
      .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')));
    await db()
      .db.update(botAccounts)
      .set({ clockOffsetMs: 3 * DAY })
      .where(eq(botAccounts.id, sandbox!.id));
    try {
      const { body } = await call(`/api/flows/${flowId}/stats/daily`);
      expect(body.to).toBe(localDay(Date.now() + 3 * DAY, 'Asia/Shanghai'));
      const from = await call(`/api/flows/${flowId}/stats/daily?from=${today()}`);
      expect(from.body.days).toHaveLength(4);
    } finally {
      await db().db.update(botAccounts).set({ clockOffsetMs: 0 }).where(eq(botAccounts.id, sandbox!.id));
    }
  });

  it('refuses bad dates and ranges with a 400 that names them', async () => {
    const get = (query: string) => call(`/api/flows/${flowId}/stats/daily?${query}`);
    const reversed = await get('from=2026-03-02&to=2026-03-01');
    expect(reversed).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_range', details: { params: { reason: 'reversed', maxDays: 366 } } } },
    });
    const long = await get('from=2025-01-01&to=2026-01-02');
    expect(long.body.error).toMatchObject({
      code: 'invalid_range',
      details: { params: { reason: 'too_long' } },
    });
    expect((await get(`from=${daysAgo(400)}`)).body.error.code).toBe('invalid_range');
    for (const query of [
      'from=2026-02-30',
      'to=2026-1-1',
      'from=yesterday',
      'to=2026-03-01T00:00:00Z',
      'version=0',
      'version=1.5',
      'version=abc',
      'from=2026-01-01&from=2026-01-02',
    ]) {
      const res = await get(query);
      expect([res.status, res.body.error.code], query).toEqual([400, 'invalid_request']);
    }
  });

  it("answers 404 for an unknown flow or version, a draft, and another workspace's flow", async () => {
    expect((await call(`/api/flows/${flowId}/stats/daily?version=3`)).status).toBe(404);
    expect((await call(`/api/flows/00000000-0000-4000-8000-000000000000/stats/daily`)).status).toBe(404);
    const draft = await call(`/api/flows/${draftId}/stats/daily`);
    expect(draft).toMatchObject({
      status: 404,
      body: { error: { details: { params: { what: 'published_version' } } } },
    });
    const other = await addWorkspace(db().db, 'Other');
    const stranger = await login(app, other.owner);
    expect((await call(`/api/flows/${flowId}/stats/daily`, 'GET', undefined, stranger)).status).toBe(404);
    expect(
      (await call(`/api/flows/${flowId}/stats/daily?version=1`, 'GET', undefined, stranger)).status,
    ).toBe(404);
  });

  it('never answers 500, and every 200 is a full range of aligned arrays', async () => {
    const part = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -5, max: 5 }).map(String),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
    await fc.assert(
      fc.asyncProperty(fc.option(part), fc.option(part), fc.option(part), async (version, from, to) => {
        const query = new URLSearchParams();
        if (version !== null) query.set('version', version);
        if (from !== null) query.set('from', from);
        if (to !== null) query.set('to', to);
        const res = await call(`/api/flows/${flowId}/stats/daily?${query}`);
        expect([200, 400, 404]).toContain(res.status);
        if (res.status !== 200) return;
        expect(res.body.days).toEqual(daysBetween(res.body.from, res.body.to));
        for (const node of Object.values(res.body.nodes) as { entered: number[] }[])
          expect(node.entered).toHaveLength(res.body.days.length);
      }),
      { numRuns: 150 },
    );
  });
});
