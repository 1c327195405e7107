// The campaigns API (API.md "Segments and campaigns"): drafts made, read, edited, estimated and
// deleted; every bad input a clear 4xx with a code (never a 500), another workspace's campaign not
// found, and only a published `trigger.campaign` flow accepted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { campaignDetail, campaignEstimate } from '../shared/api/campaigns.ts';
import { flows } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph } from './support/runtime.ts';
import { addWorkspace } from './support/tenants.ts';

describeDb('campaigns API', (db) => {
  let app: App;
  let owner: Session;
  let other: Session;
  let flowId: string;
  let keywordFlowId: string;
  let draftFlowId: string;
  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    owner = await login(app);
    const workspaceId = started.workspaceId!;
    flowId = (await publishGraph(db().db, workspaceId, 'Campaign', fixtureGraph('campaign'))).flowId;
    keywordFlowId = (await publishGraph(db().db, workspaceId, 'Keyword', fixtureGraph('reply-branches')))
      .flowId;
    const [draft] = await db()
      .db.insert(flows)
      .values({ workspaceId, name: 'Draft', graph: fixtureGraph('campaign') })
      .returning();
    draftFlowId = draft!.id;
    const tenant = await addWorkspace(db().db, 'Other');
    other = await login(app, tenant.owner);
  });
  afterAll(() => app?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, who = owner) =>
    app.inject({
      method,
      url,
      ...(payload !== undefined && { payload: payload as object }),
      headers: method === 'GET' ? { cookie: who.cookie } : who.headers,
    });
  const body = (over: object = {}) => ({
    name: '月度群发',
    flowId,
    rules: { match: 'all', rules: [] },
    ...over,
  });

  it('makes, reads, lists, edits, estimates and deletes a draft', async () => {
    const created = await call(
      'POST',
      '/api/campaigns',
      body({ sendTime: 'best_hour', window: { from: '09:00', to: '21:00' } }),
    );
    expect(created.statusCode).toBe(201);
    const draft = campaignDetail.parse(created.json());
    expect(draft).toMatchObject({
      status: 'draft',
      flowName: 'Campaign',
      replyTo: 'flow',
      replyWindow: 'P3D',
    });
    expect(draft.exclusions).toMatchObject({ recentlyTalked: true, deletedUs: true });
    const read = await call('GET', `/api/campaigns/${draft.id}`);
    expect(campaignDetail.parse(read.json()).id).toBe(draft.id);
    const list = await call('GET', '/api/campaigns');
    expect(list.json().map((c: { id: string }) => c.id)).toContain(draft.id);
    const edited = await call(
      'PATCH',
      `/api/campaigns/${draft.id}`,
      body({ name: '改名', replyTo: 'inbox' }),
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: '改名', replyTo: 'inbox' });
    const estimate = await call('POST', `/api/campaigns/${draft.id}/estimate`);
    expect(estimate.statusCode).toBe(200);
    expect(campaignEstimate.parse(estimate.json())).toMatchObject({ audience: expect.any(Number) });
    const contacts = await call('GET', `/api/campaigns/${draft.id}/contacts?bucket=intent`);
    expect(contacts.json()).toEqual({ items: [], nextCursor: null });
    expect((await call('DELETE', `/api/campaigns/${draft.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/campaigns/${draft.id}`)).statusCode).toBe(404);
  });

  it('accepts only a published flow of this workspace that starts with trigger.campaign', async () => {
    for (const [id, reason] of [
      [keywordFlowId, 'not_campaign'],
      [draftFlowId, 'not_published'],
      ['00000000-0000-4000-8000-000000000000', 'not_found'],
    ] as const) {
      const res = await call('POST', '/api/campaigns', body({ flowId: id }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'campaign_flow', details: { params: { reason } } });
    }
    const segment = await call(
      'POST',
      '/api/campaigns',
      body({ rules: undefined, segmentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(segment.statusCode).toBe(404);
    // Another workspace cannot use this one's flow either.
    const foreign = await call('POST', '/api/campaigns', body(), other);
    expect(foreign.json().error.details.params.reason).toBe('not_found');
    // The wizard's list is those flows only: published, starting with the Campaign trigger, its own.
    const choices = await call('GET', '/api/campaigns/flows');
    expect(choices.statusCode).toBe(200);
    expect(choices.json()).toEqual([{ id: flowId, name: 'Campaign', sends: 2, variants: 0 }]);
    expect((await call('GET', '/api/campaigns/flows', undefined, other)).json()).toEqual([]);
  });

  it('answers bad input with a 4xx and a code', async () => {
    const bad = [
      body({ name: 'a\u0000b' }),
      body({ name: 'a\ud800b' }),
      body({ name: 'x'.repeat(1_000_000) }),
      body({ name: '' }),
      body({ flowId: 'not-a-uuid' }),
      body({ sendTime: 'whenever' }),
      body({ window: { from: '25:00', to: '09:00' } }),
      body({ replyWindow: '3 days' }),
      body({ schedule: { at: 'tomorrow' } }),
      { name: 'x', flowId },
    ];
    for (const payload of bad) {
      const res = await call('POST', '/api/campaigns', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.code).toEqual(expect.any(String));
    }
    for (const url of ['/api/campaigns/nope', '/api/campaigns/1234', `/api/campaigns/${'a'.repeat(300)}`]) {
      const res = await call('GET', url);
      expect([400, 414]).toContain(res.statusCode);
    }
    const created = (await call('POST', '/api/campaigns', body())).json();
    expect((await call('GET', `/api/campaigns/${created.id}/contacts?bucket=all`)).statusCode).toBe(400);
    expect(
      (await call('GET', `/api/campaigns/${created.id}/contacts?bucket=intent&cursor=zzz`)).statusCode,
    ).toBe(400);
    expect((await call('POST', `/api/campaigns/${created.id}/pause`)).json().error).toMatchObject({
      code: 'campaign_status',
      details: { params: { status: 'draft', action: 'pause' } },
    });
  });

  it('keeps each workspace to its own campaigns', async () => {
    const created = (await call('POST', '/api/campaigns', body())).json();
    for (const [method, url] of [
      ['GET', `/api/campaigns/${created.id}`],
      ['POST', `/api/campaigns/${created.id}/launch`],
      ['POST', `/api/campaigns/${created.id}/estimate`],
      ['DELETE', `/api/campaigns/${created.id}`],
      ['GET', `/api/campaigns/${created.id}/contacts?bucket=intent`],
    ] as const)
      expect((await call(method, url, undefined, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/campaigns', undefined, other)).json()).toEqual([]);
    const [row] = await db().db.select().from(flows).where(eq(flows.id, flowId));
    expect(row?.workspaceId).not.toBe(undefined);
  });
});
