// Campaigns end to end in the sandbox (DESIGN "Campaigns and budgets"): launch enrolls once, runs wait
// until each member's send time and go out when the sandbox clock gets there; sends and failures
// settle members; replies get their buckets (or go to the inbox); pause, resume, cancel; a monthly
// campaign schedules its next occurrence; a campaign finishes when every member settled.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchCampaign } from '../runtime/campaigns/launch.ts';
import { addMonth } from '../runtime/campaigns/occurrence.ts';
import { rowsOf } from '../runtime/db/client.ts';
import { forgetWorkspaceSettings } from '../runtime/workspace-settings.ts';
import type { App } from '../server/app.ts';
import {
  campaignMembers,
  campaigns,
  contactActivity,
  contacts,
  conversationCycles,
  runs,
  workspaces,
} from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph } from './support/runtime.ts';

describeDb('campaigns in the sandbox', (db) => {
  let app: App;
  let owner: Session;
  let workspaceId: string;
  let flowId: string;
  let inboxFlowId: string;
  let ids: string[] = [];
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    workspaceId = started.workspaceId!;
    owner = await login(app);
    flowId = (await publishGraph(db().db, workspaceId, 'Campaign', fixtureGraph('campaign'))).flowId;
    inboxFlowId = (await publishGraph(db().db, workspaceId, 'Campaign inbox', fixtureGraph('campaign')))
      .flowId;
    const bulk = await post('/api/sandbox/contacts/bulk', { count: 40, seed: 7 });
    // Friends only, each quiet (nobody talked with us lately), no activity history.
    const friends = await db()
      .db.select({ id: contacts.id })
      .from(contacts)
      .where(and(inArray(contacts.id, bulk.ids), eq(contacts.friendStatus, 'friend')))
      .orderBy(contacts.id);
    ids = friends.map((f) => f.id);
    await db()
      .db.update(contacts)
      .set({ lastInboundAt: null, lastOutboundAt: null, tags: [] })
      .where(inArray(contacts.id, bulk.ids));
    await db().db.delete(contactActivity).where(inArray(contactActivity.contactId, bulk.ids));
  }, 60_000);
  afterAll(() => app?.close());

  async function post(url: string, payload: object = {}) {
    const res = await app.inject({ method: 'POST', url, payload, headers: owner.headers });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }
  const get = async (url: string) => (await app.inject({ url, headers: { cookie: owner.cookie } })).json();
  const tag = (tagName: string, who: string[]) =>
    db()
      .db.update(contacts)
      .set({ tags: [tagName] })
      .where(inArray(contacts.id, who));
  const rules = (tagName: string) => ({
    match: 'all',
    rules: [{ field: 'tags', op: 'has_tag', value: tagName }],
  });
  const members = (campaignId: string) =>
    db().db.select().from(campaignMembers).where(eq(campaignMembers.campaignId, campaignId));
  const memberOf = async (campaignId: string, contactId: string) =>
    (await members(campaignId)).find((m) => m.contactId === contactId)!;
  const say = (contactId: string, text: string) =>
    post(`/api/sandbox/contacts/${contactId}/messages`, { text });
  const advance = (by: string) => post('/api/sandbox/clock/advance', { by });

  it('sends at launch, settles sends, failures and replies into buckets, and finishes', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(14);
    const who = ids.slice(0, 6);
    await tag('wave1', who);
    // They deleted us before the campaign: its send fails as not a friend (the runs are due at once).
    await post(`/api/sandbox/contacts/${who[5]}/delete-us`);
    const created = await post('/api/campaigns', {
      name: '月度群发',
      flowId,
      rules: rules('wave1'),
      replyWindow: 'P1D',
    });
    expect(created).toMatchObject({ status: 'draft', counts: { audience: 0 } });
    const launched = await app.inject({
      method: 'POST',
      url: `/api/campaigns/${created.id}/launch`,
      headers: owner.headers,
    });
    expect(launched.statusCode).toBe(202);
    expect(launched.json()).toMatchObject({ status: 'running', counts: { audience: 6, scheduled: 6 } });
    // Launching again enrolls nobody twice.
    expect(await launchCampaign(db().db, created.id, new Date())).toEqual({ members: 0, runs: 0 });
    const again = await app.inject({
      method: 'POST',
      url: `/api/campaigns/${created.id}/launch`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'campaign_status' });
    const made = await db().db.select().from(runs).where(eq(runs.flowId, flowId));
    expect(made).toHaveLength(6);
    expect(new Set(made.map((r) => r.contactId)).size).toBe(6);

    await advance('PT1M');
    const afterSend = await get(`/api/campaigns/${created.id}`);
    expect(afterSend.counts).toMatchObject({ sent: 5, failed: 1, deletedUs: 1, scheduled: 0 });
    expect((await memberOf(created.id, who[0]!)).variant).toBe(0);

    // A reply through the flow: the run's wait_reply takes it and answers.
    const simple = await say(who[0]!, '好的！');
    expect(simple.replies.map((r: { text: string }) => r.text)).toEqual(['收到，稍后发你链接。']);
    await say(who[1]!, '多少钱？');
    await say(who[2]!, '明天再说吧');
    expect(await memberOf(created.id, who[0]!)).toMatchObject({ bucket: 'simple_reply', reply: '好的！' });
    expect((await memberOf(created.id, who[1]!)).bucket).toBe('intent');
    expect((await memberOf(created.id, who[2]!)).bucket).toBe('other_reply');

    await advance('P2D');
    const done = await get(`/api/campaigns/${created.id}`);
    expect(done.status).toBe('finished');
    expect(done.counts).toMatchObject({
      simpleReply: 1,
      intent: 1,
      otherReply: 1,
      noReply: 2,
      deletedUs: 1,
      replied: 3,
    });
    const intent = await get(`/api/campaigns/${created.id}/contacts?bucket=intent`);
    expect(intent.items).toEqual([expect.objectContaining({ id: who[1], reply: '多少钱？' })]);
  }, 60_000);

  it('routes replies to the inbox when asked, and the run does not take them', async () => {
    const who = ids.slice(6, 8);
    await tag('wave2', who);
    const created = await post('/api/campaigns', {
      name: '召回',
      flowId: inboxFlowId,
      rules: rules('wave2'),
      replyTo: 'inbox',
    });
    await post(`/api/campaigns/${created.id}/launch`);
    await advance('PT1M');
    const answer = await say(who[0]!, '报名');
    expect(answer.replies).toEqual([]);
    const cycles = await db()
      .db.select()
      .from(conversationCycles)
      .where(eq(conversationCycles.openedBy, 'campaign'));
    expect(cycles.length).toBe(1);
    expect((await memberOf(created.id, who[0]!)).bucket).toBe('intent');
  }, 60_000);

  it('pauses, resumes and cancels a best-hour campaign; a cancelled one moves no more', async () => {
    const who = ids.slice(8, 11);
    await tag('wave3', who);
    // A habit far from now: they will be sent in days, not minutes.
    const { now } = await get('/api/sandbox/clock');
    const hour = (new Date(now).getUTCHours() + 8 + 12) % 24;
    const activity = new Array(168).fill(0).map((_, i) => (i % 24 === hour ? 3 : 0));
    await db()
      .db.insert(contactActivity)
      .values(who.map((contactId) => ({ contactId, counts: activity })));
    const created = await post('/api/campaigns', {
      name: '最佳时间',
      flowId: (await publishGraph(db().db, workspaceId, 'Campaign best', fixtureGraph('campaign'))).flowId,
      rules: rules('wave3'),
      sendTime: 'best_hour',
    });
    await post(`/api/campaigns/${created.id}/launch`);
    const m = await memberOf(created.id, who[0]!);
    expect(new Date(m.sendAt!.getTime() + 8 * 3_600_000).getUTCHours()).toBe(hour);
    expect(m.sendAt!.getTime()).toBeGreaterThan(Date.parse(now));
    const runOf = async () => (await db().db.select().from(runs).where(eq(runs.id, m.runId!)))[0]!;
    expect((await runOf()).wakeAt?.getTime()).toBe(m.sendAt!.getTime());

    expect((await post(`/api/campaigns/${created.id}/pause`)).status).toBe('paused');
    expect((await runOf()).wakeAt).toBeNull();
    expect((await post(`/api/campaigns/${created.id}/resume`)).status).toBe('running');
    expect((await runOf()).wakeAt?.getTime()).toBe(m.sendAt!.getTime());
    const cancelled = await post(`/api/campaigns/${created.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 'cancelled', counts: { cancelled: 3, scheduled: 0 } });
    expect((await runOf()).status).toBe('exited');
    const resumed = await app.inject({
      method: 'POST',
      url: `/api/campaigns/${created.id}/resume`,
      headers: owner.headers,
    });
    expect(resumed.statusCode).toBe(409);
    expect(resumed.json().error.details.params).toMatchObject({ status: 'cancelled', action: 'resume' });
  }, 60_000);

  it('pausing holds the later messages of a started run, resuming sends them, cancelling stops them', async () => {
    const who = ids.slice(13, 14);
    await tag('wave5', who);
    const texts = ['第一条', '第二条', '第三条'];
    const graph = {
      nodes: [
        { id: 'campaign', type: 'trigger.campaign', position: { x: 0, y: 0 }, data: {} },
        ...texts.flatMap((text, i) => [
          { id: `send${i}`, type: 'send', position: { x: 0, y: 240 * i + 120 }, data: { text } },
          { id: `wait${i}`, type: 'wait', position: { x: 0, y: 240 * i + 240 }, data: { duration: 'P1D' } },
        ]),
      ],
      edges: [
        { id: 'e', source: 'campaign', sourceHandle: 'next', target: 'send0' },
        ...texts.flatMap((_, i) => [
          { id: `s${i}`, source: `send${i}`, sourceHandle: 'next', target: `wait${i}` },
          ...(i < texts.length - 1
            ? [{ id: `w${i}`, source: `wait${i}`, sourceHandle: 'next', target: `send${i + 1}` }]
            : []),
        ]),
      ],
    };
    const created = await post('/api/campaigns', {
      name: '三步',
      flowId: (await publishGraph(db().db, workspaceId, 'Campaign three steps', graph)).flowId,
      rules: rules('wave5'),
    });
    await post(`/api/campaigns/${created.id}/launch`);
    await advance('PT1M');
    const { runId } = await memberOf(created.id, who[0]!);
    const sent = async () =>
      rowsOf<{ text: string }>(
        await db().db.execute(sql`select payload->>'text' as text from outbox
          where run_id = ${runId} and status = 'sent' order by created_at`),
      ).map((r) => r.text);
    const run = async () => (await db().db.select().from(runs).where(eq(runs.id, runId!)))[0]!;
    expect(await sent()).toEqual(['第一条']);
    expect(await run()).toMatchObject({ status: 'waiting', currentNodeId: 'wait0' });
    // Paused for two days: the follow-up due after one is held.
    expect((await post(`/api/campaigns/${created.id}/pause`)).status).toBe('paused');
    await advance('P2D');
    expect(await sent()).toEqual(['第一条']);
    expect((await post(`/api/campaigns/${created.id}/resume`)).status).toBe('running');
    await advance('PT1M');
    expect(await sent()).toEqual(['第一条', '第二条']);
    // Cancelled while waiting for the third: it never goes out; the sent stay counted.
    const cancelled = await post(`/api/campaigns/${created.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 'cancelled', counts: { sent: 1 } });
    await advance('P2D');
    expect(await sent()).toEqual(['第一条', '第二条']);
    expect((await run()).status).toBe('exited');
  }, 60_000);

  it('a message put off by the budget of its contact goes out at its own time while the clock moves on', async () => {
    const who = ids.slice(14, 15);
    await tag('wave6', who);
    await db()
      .db.update(workspaces)
      .set({ messageBudget: { perDay: 1, perWeek: 3 } })
      .where(eq(workspaces.id, workspaceId));
    forgetWorkspaceSettings(workspaceId);
    try {
      const launch = async (name: string) => {
        const created = await post('/api/campaigns', {
          name,
          flowId: (await publishGraph(db().db, workspaceId, name, fixtureGraph('campaign'))).flowId,
          rules: rules('wave6'),
          // A sweeper may send the first campaign's message before the second launches: then the
          // second would leave the contact out (over budget, talked with just now). Both keep it in.
          exclusions: { recentlyTalked: false, overBudget: false },
        });
        await post(`/api/campaigns/${created.id}/launch`);
      };
      await launch('预算一');
      await launch('预算二');
      await advance('PT1M');
      await advance('P3D');
      const sent = rowsOf<{ done_at: string | Date }>(
        await db().db.execute(sql`select done_at from outbox
          where contact_id = ${who[0]} and initiated and status = 'sent' order by done_at`),
      ).map((r) => new Date(r.done_at).getTime());
      expect(sent).toHaveLength(2);
      // The second waited out the day of the first, and went then — not at the end of the advance.
      expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(86_400_000);
      expect(sent[1]! - sent[0]!).toBeLessThan(86_400_000 + 3_600_000);
    } finally {
      await db()
        .db.update(workspaces)
        .set({ messageBudget: { perDay: 2, perWeek: 5 } })
        .where(eq(workspaces.id, workspaceId));
      forgetWorkspaceSettings(workspaceId);
    }
  }, 60_000);

  it('estimates the days to finish as the span to the last send: a best-hour week, or the budgets alone', async () => {
    const who = ids.slice(15, 17);
    await tag('wave7', who);
    const days = async (extra: object) => {
      const created = await post('/api/campaigns', { name: '估算', flowId, rules: rules('wave7'), ...extra });
      const estimate = await post(`/api/campaigns/${created.id}/estimate`);
      const { now } = await get('/api/sandbox/clock');
      const [row] = estimate.perAccount;
      expect(row).toMatchObject({ messages: 2, risk: 'ok' });
      // The finish time and the days agree, counted from the account's clock.
      expect(row.days).toBeCloseTo((Date.parse(row.finishesAt) - Date.parse(now)) / 86_400_000, 1);
      return row.days as number;
    };
    // Each contact's best hour inside 09:00–21:00 may fall on any day of the coming week.
    expect(await days({ sendTime: 'best_hour', window: { from: '09:00', to: '21:00' } })).toBeGreaterThan(5);
    // Sent at once: two messages take no time of the account's daily budget.
    expect(await days({ sendTime: 'fixed' })).toBeLessThan(0.01);
  });

  it('launches a scheduled monthly campaign on the sandbox clock and schedules the next month', async () => {
    const who = ids.slice(11, 13);
    await tag('wave4', who);
    const { now } = await get('/api/sandbox/clock');
    const at = new Date(Date.parse(now) + 3_600_000).toISOString();
    const created = await post('/api/campaigns', {
      name: '每月',
      flowId: (await publishGraph(db().db, workspaceId, 'Campaign monthly', fixtureGraph('campaign'))).flowId,
      rules: rules('wave4'),
      schedule: { at, repeat: 'monthly' },
    });
    const scheduled = await app.inject({
      method: 'POST',
      url: `/api/campaigns/${created.id}/launch`,
      headers: owner.headers,
    });
    expect(scheduled.statusCode).toBe(202);
    expect(scheduled.json().status).toBe('scheduled');
    await advance('PT2H');
    const launched = await get(`/api/campaigns/${created.id}`);
    expect(launched.status).toBe('running');
    expect(launched.counts.sent).toBe(2);
    const next = await db().db.select().from(campaigns).where(eq(campaigns.parentId, created.id));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ status: 'scheduled', schedule: { repeat: 'monthly' } });
    expect(next[0]!.schedule.at).toBe(addMonth(new Date(at)).toISOString());
  }, 60_000);
});
