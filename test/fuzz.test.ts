// Every registered API route, fed hostile input as the owner and anonymously: NUL bytes, lone
// surrogates and 1 MB strings in every string; numbers beyond int4, negative, 1e308, "NaN"; ids that
// are no uuid, 2147483648 or '../'; malformed cursors; deep JSON; `__proto__` keys; regex bombs.
// No answer may be a 5xx (API.md "Errors": never a 500 for bad input).
// The requests come from support/fuzz-requests.ts, built of the values in support/fuzz-values.ts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import type { ApiRoute } from '../server/plugins/route-table.ts';
import { contacts, outbox } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { requestsFor } from './support/fuzz-requests.ts';
import { SAMPLES } from './support/fuzz-values.ts';

describeDb('fuzz every route', (db) => {
  let app: App;
  let owner: Session;
  let spare: Session;
  const ids: Record<string, string> = {};

  async function call(method: 'POST' | 'PUT', url: string, payload: object = {}) {
    const res = await app.inject({ method, url, payload, headers: owner.headers });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }

  beforeAll(async () => {
    ({ app } = await testApp(db(), { runtime: true }));
    owner = await login(app);
    spare = await login(app);
    ids.contacts = (await call('POST', '/api/sandbox/contacts', { name: 'fuzz' })).id;
    ids.bots = (await call('POST', '/api/bots', { name: 'fuzz', puppet: 'sandbox' })).id;
    ids.members = (
      await call('POST', '/api/members', {
        email: 'member@example.com',
        password: 'member-pw-1',
        role: 'viewer',
      })
    ).id;
    ids['api-keys'] = (await call('POST', '/api/api-keys', { name: 'fuzz', role: 'viewer' })).id;
    const [contact] = await db().db.select().from(contacts).where(eq(contacts.id, ids.contacts!));
    const [row] = await db()
      .db.insert(outbox)
      .values({
        workspaceId: contact!.workspaceId,
        botAccountId: contact!.botAccountId,
        contactId: contact!.id,
        kind: 'message',
        payload: { text: 'lost', author: 'bot' },
        idempotencyKey: 'fuzz-unknown',
        status: 'unknown',
        notBefore: new Date(),
      })
      .returning();
    ids.outbox = String(row!.id);
  });
  afterAll(() => app?.close());

  /** Path params of a route: a real resource of its kind (a fresh published flow per flow route). */
  async function paramsOf(route: ApiRoute): Promise<Record<string, string>> {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const params: Record<string, string> = {};
    for (const name of names) {
      if (name === 'version') params[name] = '1';
      else if (route.url.startsWith('/api/flows/')) {
        const flow = await call('POST', '/api/flows', { name: 'fuzz', graph: SAMPLES.graph as object });
        await call('POST', `/api/flows/${flow.id}/publish`);
        params[name] = flow.id;
      } else {
        const kind = route.url.split('/').at(route.url.split('/').indexOf(`:${name}`) - 1)!;
        params[name] = ids[kind] ?? randomUUID();
      }
    }
    return params;
  }

  it('answers no hostile request with a 5xx, as the owner or anonymously', { timeout: 300_000 }, async () => {
    const byStatus = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    const started = Date.now();
    for (const route of app.apiRoutes) {
      const requests = requestsFor(route, await paramsOf(route));
      // An event stream that opened never ends: still open after a second is its success.
      const stream = route.url.endsWith('/stream');
      // Logging out must not end the session the rest of the run uses.
      const session = route.url === '/api/auth/logout' ? spare : owner;
      for (const request of requests) {
        for (const who of [session, null]) {
          sent++;
          let status: string;
          let body = '';
          try {
            const res = await app.inject({
              method: request.method as 'GET',
              url: request.url,
              payload: request.payload,
              headers: {
                ...(request.payload === undefined
                  ? {}
                  : { 'content-type': request.contentType ?? 'application/json' }),
                ...(who ? who.headers : {}),
              },
              signal: AbortSignal.timeout(stream ? 1000 : 20_000),
            });
            status = String(res.statusCode);
            body = res.body.slice(0, 300);
          } catch (err) {
            const aborted = (err as Error).name === 'AbortError';
            status = aborted && stream ? 'stream open' : `thrown: ${(err as Error).name}`;
          }
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          if (!/^[1-4]\d\d$|^stream open$/.test(status))
            failures.push(
              `${status} ${who ? 'owner' : 'anonymous'} ${route.method} ${route.url} ${request.label}: ${body}`,
            );
        }
      }
    }
    const counts = [...byStatus].sort().map(([status, n]) => `${status}: ${n}`);
    console.log(
      `fuzz: ${sent} requests on ${app.apiRoutes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s — ${counts.join(', ')}; ≥500: ${failures.length}`,
    );
    expect(failures).toEqual([]);
  });
});
