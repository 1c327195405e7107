// The workspace fallback through the HTTP API in the sandbox: keyword auto-replies with the bot
// signature, handing unmatched messages to a human, handing back, and the operator taking over.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handleInbound } from '../runtime/router/inbound.ts';
import type { App } from '../server/app.ts';
import { botAccounts, contacts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('workspace fallback', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    ({ app } = await testApp(db(), { runtime: true }));
    owner = await login(app);
    // A flow that only accepts friend requests: the sandbox sends only to friends.
    const accept = { nodes: [{ id: 'in', type: 'trigger.friend_request', data: {} }], edges: [] };
    const flow = (await call('POST', '/api/flows', { name: 'Accept friends', graph: accept })).body;
    await call('POST', `/api/flows/${flow.id}/publish`);
  });
  afterAll(() => app?.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: owner.cookie } : owner.headers,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const friend = async (name: string): Promise<string> => {
    const { id } = (await call('POST', '/api/sandbox/contacts', { name })).body;
    await call('POST', `/api/sandbox/contacts/${id}/friend-request`, { hello: '' });
    return id;
  };
  const say = async (id: string, text: string) =>
    (await call('POST', `/api/sandbox/contacts/${id}/messages`, { text })).body.replies.map(
      (r: { text: string }) => r.text,
    );

  it('answers keywords, hands the rest to a human, and hands back', async () => {
    const settings = await call('PATCH', '/api/workspace', {
      botSignature: '—— 机器人助理',
      fallback: {
        autoReplies: [{ keywords: ['价格', 'Price'], reply: '价格请看官网' }],
        handoff: true,
        handoffReply: '已为你转接人工客服',
      },
    });
    expect(settings.status).toBe(200);
    expect((await call('GET', '/api/workspace')).body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      botSignature: '—— 机器人助理',
    });
    expect((await call('PATCH', '/api/workspace', { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect(
      (await call('PATCH', '/api/workspace', { fallback: { autoReplies: [{ keywords: [] }] } })).status,
    ).toBe(400);

    const id = await friend('老王');
    expect(await say(id, '请问PRICE多少')).toEqual(['价格请看官网\n—— 机器人助理']);
    expect(await say(id, '你们几点下班')).toEqual(['已为你转接人工客服\n—— 机器人助理']);
    expect((await call('GET', `/api/contacts/${id}`)).body.handoff).toBe(true);
    expect(await say(id, '价格呢')).toEqual([]);
    const messages = (await call('GET', `/api/contacts/${id}/messages`)).body;
    expect(messages).toContainEqual(expect.objectContaining({ direction: 'in', text: '价格呢' }));

    expect((await call('PATCH', `/api/contacts/${id}`, { handoff: false })).body.handoff).toBe(false);
    expect(await say(id, '价格呢')).toEqual(['价格请看官网\n—— 机器人助理']);
  });

  it('pauses the bot for a contact when the operator types on the phone', async () => {
    const id = await friend('小李');
    const [contact] = await db().db.select().from(contacts).where(eq(contacts.id, id));
    const [account] = await db()
      .db.select()
      .from(botAccounts)
      .where(eq(botAccounts.id, contact!.botAccountId));
    const ref = { id: account!.id, workspaceId: account!.workspaceId, timeZone: 'Asia/Shanghai' };
    const now = new Date();
    const operator = {
      kind: 'message' as const,
      messageId: `op-${id}`,
      text: '我来回答你',
      self: true,
      at: now,
    };
    await handleInbound(
      db().db,
      ref,
      { ...operator, contact: { puppetId: contact!.puppetId, name: '小李' } },
      now,
    );
    expect((await call('GET', `/api/contacts/${id}`)).body.handoff).toBe(true);
    expect(await say(id, '价格')).toEqual([]);
  });
});
