// Through the sandbox and the real runtime: with handoff off, a message nothing answers is marked
// `unanswered` — the bot KPIs count it as fallback, and the phrase becomes an insight until an
// auto-reply answers it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { messages } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('insights on the runtime', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    ({ app } = await testApp(db(), { runtime: true }));
    owner = await login(app);
  });
  afterAll(() => app?.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: method === 'GET' ? { cookie: owner.cookie } : owner.headers,
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const fallback = (autoReplies: object[]) =>
    call('PATCH', '/api/workspace', { fallback: { autoReplies, handoff: false } });
  const phrases = async () =>
    (await call('GET', '/api/insights')).items
      .filter((i: { kind: string }) => i.kind === 'unanswered_phrase')
      .map((i: { params: { phrase: string }; count: number }) => [i.params.phrase, i.count]);

  it('marks what nothing answered, counts it as fallback and lists it as a phrase', async () => {
    await fallback([]);
    const ids: string[] = [];
    for (const name of ['甲', '乙']) {
      const { id } = await call('POST', '/api/sandbox/contacts', { name });
      const sent = await call('POST', `/api/sandbox/contacts/${id}/messages`, { text: '营业时间' });
      expect(sent.replies).toEqual([]);
      ids.push(id);
    }
    const routes = await db()
      .db.select({ route: messages.route })
      .from(messages)
      .where(and(eq(messages.contactId, ids[0]!), eq(messages.direction, 'in')));
    expect(routes).toEqual([{ route: 'unanswered' }]);
    const today = localDay(Date.now(), 'Asia/Shanghai');
    const kpis = await call('GET', `/api/inbox/kpis?from=${today}&to=${today}`);
    expect(kpis.bot.fallbackRate).toBe(1);
    expect(await phrases()).toEqual([['营业时间', 2]]);

    await fallback([{ keywords: ['营业'], reply: '9:00–18:00' }]);
    expect(await phrases()).toEqual([]);
  });
});
