// Chat commands for members, through the HTTP API and the sandbox: a member gets a one-time code on
// their profile, sends it to the bot from their WeChat and is bound (welcomed with the commands);
// then #统计, #群 and #潜水 answer from the live tables. Unbound senders, wrong, expired, guessed or
// other workspaces' codes, and unbound members get the normal flows.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CODE_TRIES } from '../runtime/commands/chat-binding.ts';
import type { App } from '../server/app.ts';
import { contacts, memberWechat, roomMemberDays, roomMembers, rooms } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { login, OWNER, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';
import { addWorkspace } from './support/tenants.ts';

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

/** A friend request is accepted and welcomed, which is a goal. */
const onboarding = {
  nodes: [
    { id: 'in', type: 'trigger.friend_request', data: {} },
    { id: 'hi', type: 'send', data: { text: '欢迎' } },
    { id: 'done', type: 'goal', data: { name: 'welcomed' } },
  ],
  edges: [
    { id: 'e1', source: 'in', sourceHandle: 'next', target: 'hi' },
    { id: 'e2', source: 'hi', sourceHandle: 'next', target: 'done' },
  ],
};

describeDb('chat commands', (db) => {
  let app: App;
  let owner: Session;
  let viewer: Session;
  let other: Session;
  let workspaceId: string;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    const started = await testApp(db(), { runtime: true });
    app = started.app;
    workspaceId = started.workspaceId!;
    owner = await login(app, OWNER);
    await publishGraph(db().db, workspaceId, 'Onboarding', onboarding);
    const viewerLogin = { email: 'viewer@example.com', password: 'viewer-password-1' };
    await ok(owner, 'POST', '/api/members', { ...viewerLogin, role: 'viewer', name: '小周' });
    viewer = await login(app, viewerLogin);
    const second = await addWorkspace(db().db, 'Tenant B');
    otherWorkspaceId = second.workspaceId;
    await publishGraph(db().db, otherWorkspaceId, 'B onboarding', onboarding);
    other = await login(app, second.owner);
    // The flows' answer to what no flow takes: an auto-reply for anything saying 统计.
    await ok(owner, 'PATCH', '/api/workspace', {
      fallback: {
        autoReplies: [{ keywords: ['统计'], reply: '自动回复' }],
        handoff: false,
        handoffReply: '',
      },
    });
  });
  afterAll(() => app?.close());

  const call = async (who: Session, method: string, url: string, payload?: object) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      payload,
      headers: method === 'GET' ? { cookie: who.cookie } : who.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const ok = async (who: Session, method: string, url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A sandbox contact who is our friend (WeChat lets only friends talk in private). */
  const friend = async (who: Session, name: string): Promise<string> => {
    const { id } = await ok(who, 'POST', '/api/sandbox/contacts', { name });
    expect(await say(who, id, { hello: '' }, 'friend-request')).toEqual(['欢迎']);
    return id;
  };
  const say = async (
    who: Session,
    id: string,
    body: object,
    what: 'messages' | 'friend-request' = 'messages',
  ): Promise<string[]> =>
    (await ok(who, 'POST', `/api/sandbox/contacts/${id}/${what}`, body)).replies.map(
      (r: { text: string }) => r.text,
    );
  const text = (who: Session, id: string, said: string) => say(who, id, { text: said });
  const newCode = async (who: Session): Promise<string> => {
    const res = await call(who, 'POST', '/api/me/wechat/code');
    expect(res.status).toBe(201);
    return res.body.code;
  };
  const bindingOf = async (who: Session) => ok(who, 'GET', '/api/me/wechat');

  let admin: string;
  let customers: string[];

  it('binds a member who sends the code from their profile to the bot, and welcomes them', async () => {
    const before = await bindingOf(owner);
    expect(before).toMatchObject({ bound: false });
    expect(before.code).toBeUndefined();
    expect(before.commands.map((c: { names: string[] }) => c.names)).toEqual([
      ['帮助', 'help'],
      ['统计', 'stats'],
      ['群', 'group'],
      ['潜水', 'lurkers'],
    ]);

    const first = await newCode(owner);
    const code = await newCode(owner);
    expect(code).toMatch(/^\d{6}$/);
    const pending = await bindingOf(owner);
    expect(pending.code).toBe(code);
    expect(Date.parse(pending.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(pending.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    admin = await friend(owner, '老板');
    customers = [await friend(owner, '小美'), await friend(owner, '老王')];
    // A new code replaced the first one.
    if (first !== code) expect(await text(owner, admin, first)).toEqual([]);
    const [welcome] = await text(owner, admin, ` ${code} `);
    expect(welcome).toMatch(/^绑定成功：Owner（Default）/);
    expect(welcome).toContain('#统计 7天 —— 新好友');
    expect(await bindingOf(owner)).toMatchObject({ bound: true, contact: { id: admin, name: '老板' } });
    expect((await bindingOf(owner)).code).toBeUndefined();
    // The code is used up.
    expect(await text(owner, customers[0]!, code)).toEqual([]);
  });

  it('answers #统计 with today’s new friends, runs started and goals per flow', async () => {
    const today = localDay(Date.now(), ZONE);
    const [, month, day] = today.split('-').map(Number);
    expect(await text(owner, admin, '#统计')).toEqual([
      [`今天（${month}月${day}日）`, '新好友：3', '流程（开始 / 目标）：', '· Onboarding：3 / 3'].join('\n'),
    ]);
    expect((await text(owner, admin, '＃stats 7d'))[0]).toMatch(/^近 7 天（.+）\n新好友：3\n/);
    // Anything else a bound member says goes to the flows.
    expect(await text(owner, admin, '统计一下')).toEqual(['自动回复']);
  });

  it('answers #群 and #潜水 about the workspace’s groups by topic', async () => {
    const [row] = await db().db.select().from(contacts).where(eq(contacts.id, admin));
    const now = Date.now();
    const daysAgo = (n: number) => localDay(now - n * DAY, ZONE);
    const person = async (name: string) =>
      (
        await db()
          .db.insert(contacts)
          .values({ workspaceId, botAccountId: row!.botAccountId, puppetId: `member-${name}`, name })
          .returning()
      )[0]!.id;
    const [club, club2] = await db()
      .db.insert(rooms)
      .values([
        { workspaceId, botAccountId: row!.botAccountId, puppetRoomId: 'r1', topic: '读书会', memberCount: 4 },
        {
          workspaceId,
          botAccountId: row!.botAccountId,
          puppetRoomId: 'r2',
          topic: '读书会二群',
          memberCount: 1,
        },
      ])
      .returning();
    const [a, b, c, d, e, f] = [
      await person('阿强'),
      await person('小红'),
      await person('静静'),
      await person('离开的人'),
      await person('老潜水'),
      await person('二群的人'),
    ];
    const joined = (n: number) => new Date(now - n * DAY);
    await db()
      .db.insert(roomMembers)
      .values([
        { workspaceId, roomId: club!.id, contactId: a!, joinedAt: joined(10) },
        { workspaceId, roomId: club!.id, contactId: b!, joinedAt: joined(0) },
        { workspaceId, roomId: club!.id, contactId: c!, joinedAt: joined(0) },
        { workspaceId, roomId: club!.id, contactId: d!, joinedAt: joined(20), leftAt: joined(0) },
        { workspaceId, roomId: club!.id, contactId: e!, joinedAt: joined(60) },
        { workspaceId, roomId: club2!.id, contactId: f!, joinedAt: joined(5) },
      ]);
    await db()
      .db.insert(roomMemberDays)
      .values([
        { roomId: club!.id, contactId: a!, day: daysAgo(0), count: 5 },
        { roomId: club!.id, contactId: a!, day: daysAgo(3), count: 7 },
        { roomId: club!.id, contactId: b!, day: daysAgo(0), count: 3 },
        { roomId: club!.id, contactId: d!, day: daysAgo(1), count: 40 },
        { roomId: club!.id, contactId: e!, day: daysAgo(40), count: 9 },
      ]);
    // Another workspace's group by the same name is none of ours.
    const [otherAccount] = await db()
      .db.select({ id: contacts.botAccountId })
      .from(contacts)
      .where(eq(contacts.id, await friend(other, 'B 的客户')));
    await db().db.insert(rooms).values({
      workspaceId: otherWorkspaceId,
      botAccountId: otherAccount!.id,
      puppetRoomId: 'r3',
      topic: '读书会三群',
    });

    expect(await text(owner, admin, '#群 读书会')).toEqual([
      [
        '群「读书会」',
        '成员 4 人，今天加入 2、退出 1，潜水 2',
        '近 30 天最活跃：',
        '1. 阿强 12 条',
        '2. 小红 3 条',
      ].join('\n'),
    ]);
    expect(await text(owner, admin, '#群二群')).toEqual([
      ['群「读书会二群」', '成员 1 人，今天加入 0、退出 0，潜水 1', '近 30 天没有人发言。'].join('\n'),
    ]);
    expect(await text(owner, admin, '#群 读')).toEqual([
      ['找到 2 个群：', '· 读书会：4 人，今天 +2 / -1', '· 读书会二群：1 人，今天 +0 / -0'].join('\n'),
    ]);
    expect(await text(owner, admin, '#潜水 读书会')).toEqual([
      ['潜水（近 30 天发言不超过 0 条）：', '· 读书会：2 / 4 人', '· 读书会二群：1 / 1 人'].join('\n'),
    ]);
    expect(await text(owner, admin, '#group 三群')).toEqual(['没有群名包含「三群」的群。']);
  });

  it('gives an unbound contact’s #统计 to the flows', async () => {
    expect(await text(owner, customers[0]!, '#统计')).toEqual(['自动回复']);
  });

  it('binds nothing for a wrong, an expired, another workspace’s or a guessed code', async () => {
    const code = await newCode(viewer);
    const stranger = await friend(owner, '路人');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await text(owner, stranger, wrong)).toEqual([]);
    const elsewhere = await friend(other, 'B 的人');
    expect(await text(other, elsewhere, code)).toEqual([]);
    expect(await bindingOf(viewer)).toMatchObject({ bound: false, code });

    // Guessing: a contact's code-like messages past the budget bind nothing, even the right one.
    const guesser = await friend(owner, '猜码的人');
    for (let i = 0; i < CODE_TRIES; i++) expect(await text(owner, guesser, `99999${i}`)).toEqual([]);
    expect(await text(owner, guesser, code)).toEqual([]);
    expect(await bindingOf(viewer)).toMatchObject({ bound: false, code });

    await db()
      .db.update(memberWechat)
      .set({ codeExpiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(memberWechat.workspaceId, workspaceId), eq(memberWechat.code, code)));
    expect(await text(owner, stranger, code)).toEqual([]);
    expect(await bindingOf(viewer)).toMatchObject({ bound: false });
    expect((await bindingOf(viewer)).code).toBeUndefined();
    expect(await text(owner, stranger, '#统计')).toEqual(['自动回复']);
  });

  it('lets any member bind; one WeChat answers for one member; unbound or removed members get the flows', async () => {
    const mine = await friend(owner, '小周的微信');
    expect((await text(owner, mine, await newCode(viewer)))[0]).toMatch(/^绑定成功：小周（Default）/);
    expect(await text(owner, mine, '#潜水')).toEqual([
      ['潜水（近 30 天发言不超过 0 条）：', '· 读书会：2 / 4 人', '· 读书会二群：1 / 1 人'].join('\n'),
    ]);
    // The owner binds the same WeChat: it moves to them, and the owner's old one lets go.
    expect((await text(owner, mine, await newCode(owner)))[0]).toMatch(/^绑定成功：Owner（Default）/);
    expect(await bindingOf(viewer)).toMatchObject({ bound: false });
    expect(await bindingOf(owner)).toMatchObject({ bound: true, contact: { id: mine, name: '小周的微信' } });
    expect(await text(owner, admin, '#统计')).toEqual(['自动回复']);

    expect((await call(owner, 'DELETE', '/api/me/wechat')).status).toBe(204);
    expect(await bindingOf(owner)).toMatchObject({ bound: false });
    expect(await text(owner, mine, '#统计')).toEqual(['自动回复']);

    // A member removed from the workspace is nobody the bot answers.
    expect((await text(owner, admin, await newCode(viewer)))[0]).toMatch(/^绑定成功：小周/);
    const members = await ok(owner, 'GET', '/api/members');
    const member = members.find((m: { email: string }) => m.email === 'viewer@example.com');
    expect((await call(owner, 'DELETE', `/api/members/${member.id}`)).status).toBe(204);
    expect(await text(owner, admin, '#统计')).toEqual(['自动回复']);
  });
});
