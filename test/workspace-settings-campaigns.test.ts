// The workspace's campaign settings (API "Segments and campaigns"): the per-contact message budget,
// simple replies and intent keywords — read, patched (the runtime's cached settings follow at once),
// and hostile input refused with a 400 naming the field.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { workspaceSettings } from '../runtime/workspace-settings.ts';
import type { App } from '../server/app.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

describeDb('workspace campaign settings', (handle) => {
  let app: App;
  let owner: Session;
  let workspaceId: string;
  beforeAll(async () => {
    ({ app, workspaceId } = (await testApp(handle())) as { app: App; workspaceId: string });
    owner = await login(app);
  });
  afterAll(() => app?.close());

  const patch = (payload: object) =>
    app.inject({ method: 'PATCH', url: '/api/workspace', payload, headers: owner.headers });
  const issues = (res: { statusCode: number; json(): { error: { code: string; details: unknown } } }) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    return res.json().error.details as { path: string; code: string; params?: { code?: string } }[];
  };

  it('reads the defaults and patches them; the runtime reads the new ones at once', async () => {
    const read = (await app.inject({ url: '/api/workspace', headers: { cookie: owner.cookie } })).json();
    expect(read.messageBudget).toEqual({ perDay: 2, perWeek: 5 });
    expect(read.simpleReplies).toContain('好的');
    expect(read.intentKeywords).toContain('多少钱');
    expect((await workspaceSettings(handle().db, workspaceId))?.messageBudget).toEqual({
      perDay: 2,
      perWeek: 5,
    });
    const res = await patch({
      messageBudget: { perDay: 3, perWeek: 3 },
      simpleReplies: [' 好的 ', '收到', 'OK', 'ok'],
      intentKeywords: ['报名', '多少钱'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      messageBudget: { perDay: 3, perWeek: 3 },
      // Trimmed; the same word in another case is one word.
      simpleReplies: ['好的', '收到', 'OK'],
      intentKeywords: ['报名', '多少钱'],
    });
    const cached = await workspaceSettings(handle().db, workspaceId);
    expect(cached).toMatchObject({
      messageBudget: { perDay: 3, perWeek: 3 },
      simpleReplies: ['好的', '收到', 'OK'],
      intentKeywords: ['报名', '多少钱'],
    });
    expect((await patch({ simpleReplies: [] })).json().simpleReplies).toEqual([]);
  });

  it('refuses a week below the day, out-of-range numbers and hostile words with 400', async () => {
    const below = issues(await patch({ messageBudget: { perDay: 5, perWeek: 4 } }));
    expect(below).toContainEqual(
      expect.objectContaining({
        path: 'body.messageBudget.perWeek',
        params: expect.objectContaining({ code: 'per_week_below_per_day' }),
      }),
    );
    for (const budget of [
      { perDay: 0, perWeek: 5 },
      { perDay: 101, perWeek: 700 },
      { perDay: 2, perWeek: 701 },
      { perDay: 1.5, perWeek: 5 },
      { perDay: 2 ** 31, perWeek: 5 },
      { perDay: '2', perWeek: 5 },
      { perDay: 2 },
    ])
      expect(issues(await patch({ messageBudget: budget })).length, JSON.stringify(budget)).toBeGreaterThan(
        0,
      );
    for (const field of ['simpleReplies', 'intentKeywords'])
      for (const word of ['a\u0000b', 'x\uD800y', 'x'.repeat(1_000_000), 'x'.repeat(51), '   ', 42]) {
        const found = issues(await patch({ [field]: ['ok', word] }));
        expect(found[0]!.path, `${field} ${String(word).slice(0, 10)}`).toBe(`body.${field}.1`);
      }
    expect(
      issues(await patch({ simpleReplies: Array.from({ length: 201 }, (_, i) => `w${i}`) }))[0]!.path,
    ).toBe('body.simpleReplies');
    expect(issues(await patch({ intentKeywords: 'price' }))[0]!.path).toBe('body.intentKeywords');
    // Nothing of the refused patches was written.
    const read = (await app.inject({ url: '/api/workspace', headers: { cookie: owner.cookie } })).json();
    expect(read.messageBudget).toEqual({ perDay: 3, perWeek: 3 });
  });
});
