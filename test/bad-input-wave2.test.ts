// Bad input on the groups and inbox routes (#14, #15): every new field given a NUL byte, a lone
// surrogate, a 1 MB string, a number out of range or a malformed id is a 400 `invalid_request` naming
// that field — checked before any row is looked up, so random ids do.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
/** A route, a valid body, and the string / number fields of it to spoil (a path into the body). */
type Case = {
  method: Method;
  url: string;
  body?: Record<string, unknown>;
  strings?: string[];
  numbers?: string[];
};

const ID = randomUUID();
const CASES: Case[] = [
  { method: 'POST', url: `/api/conversations/${ID}/messages`, body: { text: '您好' }, strings: ['text'] },
  { method: 'POST', url: `/api/conversations/${ID}/notes`, body: { text: 'VIP' }, strings: ['text'] },
  {
    method: 'POST',
    url: `/api/conversations/${ID}/snooze`,
    body: { until: '2030-01-01T00:00:00.000Z' },
    strings: ['until'],
  },
  { method: 'POST', url: `/api/conversations/${ID}/assign`, body: { userId: ID }, strings: ['userId'] },
  {
    method: 'POST',
    url: '/api/saved-replies',
    body: { shortcut: 'refund', text: '退款' },
    strings: ['shortcut', 'text'],
  },
  {
    method: 'PUT',
    url: '/api/messages/1/review',
    body: { rating: 'good', comment: '' },
    strings: ['rating', 'comment'],
  },
  {
    method: 'POST',
    url: '/api/room-sets',
    body: { name: '新人群', capacity: 450 },
    strings: ['name'],
    numbers: ['capacity'],
  },
  { method: 'PATCH', url: `/api/rooms/${ID}`, body: { capacity: 100 }, numbers: ['capacity'] },
  { method: 'PATCH', url: `/api/rooms/${ID}/members/${ID}`, body: { isAdmin: true } },
  {
    method: 'PUT',
    url: '/api/room-sets/vip/live-code',
    body: { slug: 'vip-code', tags: ['扫码'] },
    strings: ['slug', 'tags.0'],
  },
  { method: 'POST', url: '/api/sandbox/rooms', body: { topic: '车友会' }, strings: ['topic'] },
  {
    method: 'POST',
    url: `/api/sandbox/rooms/${ID}/messages`,
    body: { contactId: ID, text: '大家好' },
    strings: ['contactId', 'text'],
  },
  {
    method: 'PATCH',
    url: '/api/workspace',
    body: { activityGrades: { days: 30, active: 20, lurker: 0 } },
    numbers: ['activityGrades.days', 'activityGrades.active', 'activityGrades.lurker'],
  },
];

const HOSTILE_STRINGS = ['a\u0000b', 'x\uD800y', 'x'.repeat(1_000_000)];
const HOSTILE_NUMBERS = [2 ** 31, -1, 1e308];

function spoil(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let at = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

describeDb('bad input on the groups and inbox routes', (db) => {
  let app: App;
  let owner: Session;
  beforeAll(async () => {
    ({ app } = await testApp(db()));
    owner = await login(app);
  });
  afterAll(() => app?.close());

  const send = (method: Method, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: method === 'GET' ? { cookie: owner.cookie } : owner.headers,
    });
  /** The field paths a 400 `invalid_request` names. */
  const named = async (method: Method, url: string, payload?: object) => {
    const res = await send(method, url, payload);
    expect(res.statusCode, `${method} ${url}`).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    return (res.json().error.details as { path: string }[]).map((d) => d.path);
  };

  it('names each body field holding a NUL, a lone surrogate, 1 MB or a number out of range', async () => {
    for (const c of CASES) {
      for (const field of c.strings ?? [])
        for (const value of HOSTILE_STRINGS)
          expect(await named(c.method, c.url, spoil(c.body!, field, value)), `${c.url} ${field}`).toContain(
            `body.${field}`,
          );
      for (const field of c.numbers ?? [])
        for (const value of HOSTILE_NUMBERS)
          expect(await named(c.method, c.url, spoil(c.body!, field, value)), `${c.url} ${field}`).toContain(
            `body.${field}`,
          );
    }
  });

  it('names a malformed id in the path', async () => {
    for (const c of CASES.filter((c) => c.url.includes(ID))) {
      const paths = await named(c.method, c.url.replaceAll(ID, 'not-a-uuid'), c.body);
      expect(
        paths.every((p) => p.startsWith('params.')),
        c.url,
      ).toBe(true);
    }
    for (const id of ['1x', String(2 ** 53)])
      expect(new Set(await named('PUT', `/api/messages/${id}/review`, { rating: 'good' }))).toEqual(
        new Set(['params.id']),
      );
  });

  it('names hostile query parameters of the lists', async () => {
    expect(await named('GET', '/api/conversations?q=a%00b')).toEqual(['querystring.q']);
    expect(await named('GET', `/api/conversations?q=${'x'.repeat(101)}`)).toEqual(['querystring.q']);
    expect(await named('GET', '/api/conversations?limit=2147483648')).toEqual(['querystring.limit']);
    expect(await named('GET', '/api/conversations?assignee=nobody')).toEqual(['querystring.assignee']);
    expect(await named('GET', '/api/rooms?q=%00')).toContain('querystring.q');
    expect(await named('GET', `/api/rooms/${ID}/members?offset=-1`)).toEqual(['querystring.offset']);
    expect(await named('GET', '/api/inbox/kpis?from=2030-02-30&to=2030-03-01')).toEqual(['querystring.from']);
    expect(await named('GET', '/api/reviews?cursor=!!!')).toEqual(['querystring.cursor']);
  });
});
