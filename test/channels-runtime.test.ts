// Acquisition channels through the real runtime in the sandbox (API "Analytics"): a contact whose
// friend request carries a channel's hello code, or who adds the account a channel's page showed
// them within the scan window, is the channel's and gets its tags (flows and segments see them);
// the channel counts its new friends, goals, cost per goal and deletions within 7 days; and the
// page moves on to the next account once one has accepted its friend requests for the day.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { App } from '../server/app.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, channelScans, contacts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';

describeDb('channels in the sandbox', (db) => {
  let app: App;
  let owner: Session;
  let workspaceId: string;
  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    workspaceId = started.workspaceId!;
    owner = await login(app);
    await publishGraph(db().db, workspaceId, 'Welcome', {
      nodes: [
        { id: 'hi', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'check',
          type: 'condition',
          position: { x: 0, y: 100 },
          data: { rules: [{ field: 'tags', op: 'has_tag', value: '小红书' }] },
        },
        { id: 'xhs', type: 'send', position: { x: 0, y: 200 }, data: { text: '小红书的朋友你好' } },
        { id: 'plain', type: 'send', position: { x: 300, y: 200 }, data: { text: '你好' } },
        { id: 'won', type: 'goal', position: { x: 0, y: 300 }, data: { name: '加好友' } },
        { id: 'kw', type: 'trigger.keyword', position: { x: 600, y: 0 }, data: { keywords: ['再见'] } },
        { id: 'bye', type: 'send', position: { x: 600, y: 100 }, data: { text: '再见' } },
      ],
      edges: [
        { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'check' },
        { id: 'e2', source: 'check', sourceHandle: 'true', target: 'xhs' },
        { id: 'e3', source: 'check', sourceHandle: 'false', target: 'plain' },
        { id: 'e4', source: 'xhs', sourceHandle: 'next', target: 'won' },
        { id: 'e5', source: 'kw', sourceHandle: 'next', target: 'bye' },
      ],
    });
  });
  afterAll(() => app?.close());

  async function post(url: string, payload: object = {}) {
    const res = await app.inject({ method: 'POST', url, payload, headers: owner.headers });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }
  const get = async (url: string) => (await app.inject({ url, headers: { cookie: owner.cookie } })).json();
  /** A new sandbox contact sends a friend request; the bot's replies. */
  async function adds(name: string, hello: string) {
    const contact = await post('/api/sandbox/contacts', { name });
    const { replies } = await post(`/api/sandbox/contacts/${contact.id}/friend-request`, { hello });
    return { id: contact.id as string, said: replies.map((r: { text: string }) => r.text) };
  }
  const contactRow = async (id: string) =>
    (await db().db.select().from(contacts).where(eq(contacts.id, id)))[0]!;
  const channelNamed = async (name: string) =>
    (await get('/api/channels')).find((c: { name: string }) => c.name === name);
  /** Opens the channel's page as a visitor would; the account it showed. */
  async function visit(slug: string) {
    const page = await app.inject({ url: `/c/${slug}` });
    expect(page.statusCode).toBe(200);
    const scan = /\?s=(\d+)/.exec(page.body)?.[1];
    if (!scan) return null;
    const [row] = await db()
      .db.select()
      .from(channelScans)
      .where(eq(channelScans.id, Number(scan)));
    return row!.botAccountId;
  }

  it('attributes and tags a contact whose hello carries the channel code, and counts its goal', async () => {
    const channel = await post('/api/channels', {
      name: '小红书',
      kind: 'hello',
      helloCode: 'XHS5',
      tags: ['小红书', '5月'],
      spend: 9_000,
    });
    const friend = await adds('小美', '你好，我从小红书来的 xhs5');
    // The flow's first turn already sees the channel's tag.
    expect(friend.said).toEqual(['小红书的朋友你好']);
    expect(await contactRow(friend.id)).toMatchObject({
      channelId: channel.id,
      friendStatus: 'friend',
      tags: ['5月', '小红书'],
    });
    const detail = await get(`/api/contacts/${friend.id}`);
    expect(detail.channel).toMatchObject({ id: channel.id, name: '小红书' });
    const other = await adds('小王', '你好');
    expect(other.said).toEqual(['你好']);
    expect((await contactRow(other.id)).channelId).toBeNull();
    // Segments see the tag too.
    const seg = await post('/api/segments/preview', {
      rules: { match: 'all', rules: [{ field: 'tags', op: 'has_tag', value: '5月' }] },
      exclusions: { recentlyTalked: false, overBudget: false },
    });
    expect(seg.count).toBe(1);
    expect(await channelNamed('小红书')).toMatchObject({
      newFriends: 1,
      goals: 1,
      deletedWithin7d: 0,
      costPerGoal: 9_000,
    });
  });

  it('attributes a contact who adds the account the page showed, within the scan window', async () => {
    const channel = await post('/api/channels', { name: '海报', kind: 'qr', slug: 'poster', tags: ['海报'] });
    expect(await visit('poster')).toBeTruthy();
    const scanned = await adds('阿强', '');
    expect(await contactRow(scanned.id)).toMatchObject({ channelId: channel.id, tags: ['海报'] });
    // The view was claimed once: the next contact without one is nobody's.
    const next = await adds('阿珍', '');
    expect((await contactRow(next.id)).channelId).toBeNull();
    // A view older than the window explains nothing.
    await visit('poster');
    await post('/api/sandbox/clock/advance', { by: 'PT31M' });
    const late = await adds('阿龙', '');
    expect((await contactRow(late.id)).channelId).toBeNull();
    // A hello code beats a view: the stronger signal wins.
    await visit('poster');
    const coded = await adds('阿美', 'XHS5');
    expect((await contactRow(coded.id)).channelId).toBe((await channelNamed('小红书')).id);
  });

  it('counts a new friend who deleted us within 7 days', async () => {
    await visit('poster');
    const gone = await adds('阿飞', '');
    await post(`/api/sandbox/contacts/${gone.id}/delete-us`);
    await post(`/api/sandbox/contacts/${gone.id}/messages`, { text: '再见' });
    await vi.waitFor(async () => expect((await contactRow(gone.id)).friendStatus).toBe('deleted_us'), {
      timeout: 15_000,
    });
    expect(await channelNamed('海报')).toMatchObject({ newFriends: 2, deletedWithin7d: 1, goals: 0 });
  });

  it('rotates to the next account once one has accepted its friend requests for the day', async () => {
    const [first] = await db().db.select().from(botAccounts).where(eq(botAccounts.workspaceId, workspaceId));
    // Two more accepts today than the sandbox made for the contacts above.
    const acceptedToday = (first!.pacing as { today: Record<string, number> }).today.friend_accept!;
    expect(acceptedToday).toBeGreaterThan(0);
    await db()
      .db.update(botAccounts)
      .set({ limits: { ...SANDBOX_LIMITS, acceptsPerDay: acceptedToday + 2 } })
      .where(eq(botAccounts.id, first!.id));
    const [second] = await db()
      .db.insert(botAccounts)
      .values({
        workspaceId,
        name: 'Sandbox 2',
        puppet: 'sandbox',
        limits: { ...SANDBOX_LIMITS, acceptsPerDay: 1 },
      })
      .returning();
    await post('/api/channels', {
      name: '地推',
      kind: 'qr',
      slug: 'street',
      botAccountIds: [first!.id, second!.id],
    });
    // 2 places left today against 1: the first account until it has accepted both.
    for (const name of ['路人甲', '路人乙']) {
      expect(await visit('street')).toBe(first!.id);
      await adds(name, '');
    }
    expect(await visit('street')).toBe(second!.id);
    const accounts = await get('/api/channels/accounts');
    expect(accounts.find((a: { botAccountId: string }) => a.botAccountId === first!.id)).toMatchObject({
      acceptsLeftToday: 0,
      room: 0,
    });
  });

  it('skips an account at its friend cap (5,000 for a personal account)', async () => {
    const [first] = await db().db.select().from(botAccounts).where(eq(botAccounts.name, 'Sandbox'));
    await db()
      .db.update(botAccounts)
      .set({ limits: { ...SANDBOX_LIMITS, acceptsPerDay: 10_000 } })
      .where(eq(botAccounts.id, first!.id));
    expect(await visit('street')).toBe(first!.id);
    await db().db.execute(sql`
      insert into contacts (workspace_id, bot_account_id, puppet_id, friend_status, first_added_at)
      select ${workspaceId}, ${first!.id}, 'cap-' || n, 'friend', now() from generate_series(1, 5000) n`);
    const [second] = await db().db.select().from(botAccounts).where(eq(botAccounts.name, 'Sandbox 2'));
    expect(await visit('street')).toBe(second!.id);
    const accounts = await get('/api/channels/accounts');
    expect(accounts.find((a: { botAccountId: string }) => a.botAccountId === first!.id)).toMatchObject({
      friendCap: 5000,
      room: 0,
    });
    await db().db.execute(sql`delete from contacts where puppet_id like 'cap-%'`);
  });

  it("attributes the contact of a lead left on a lead channel's page once they accept", async () => {
    const channel = await post('/api/channels', {
      name: '官网表单',
      kind: 'lead',
      slug: 'signup',
      tags: ['官网'],
    });
    const form = (body: string) =>
      app.inject({
        method: 'POST',
        url: '/c/signup',
        payload: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      });
    const bad = await form('name=Lin&phone=12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a mainland-China mobile number');
    expect(bad.body).toContain('value="Lin"');
    const sent = await form(`name=${encodeURIComponent('林女士')}&phone=13900139000`);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Thank you');
    const [lead] = (await get('/api/leads')).items;
    expect(lead).toMatchObject({ phone: '13900139000', name: '林女士' });
    await vi.waitFor(async () => expect((await get('/api/leads')).items[0].status).toBe('requested'), {
      timeout: 15_000,
    });
    await post(`/api/sandbox/leads/${lead.id}/accept`);
    const contactId = (await get('/api/leads')).items[0].contactId;
    expect(await contactRow(contactId)).toMatchObject({ channelId: channel.id, tags: ['官网'] });
    // A page that is not a lead form takes no posts.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/c/street',
          payload: 'name=a&phone=13900139001',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(404);
  });
});
