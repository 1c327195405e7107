// Builds the real Fastify app on a test database (with the runtime beside it when asked) and logs
// members in, for `app.inject` tests.

import { Bus } from '../../runtime/bus.ts';
import type { DbHandle } from '../../runtime/db/client.ts';
import { Runtime } from '../../runtime/runtime.ts';
import { type App, buildApp } from '../../server/app.ts';
import { bootstrap } from '../../server/auth/bootstrap.ts';

export const TEST_SECRET = 'test-secret-'.padEnd(32, 'x');

export const OWNER = { email: 'owner@example.com', password: 'owner-password-1' };

export async function testApp(
  handle: DbHandle,
  options: { loginAttemptsPerMinute?: number; runtime?: boolean; demo?: boolean } = {},
) {
  const first = await bootstrap(handle.db, OWNER, { demo: options.demo ?? false });
  const bus = new Bus();
  const runtime = options.runtime ? new Runtime({ db: handle.db, bus, secret: TEST_SECRET }) : null;
  const app = await buildApp(
    handle,
    {
      loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
      trustProxy: false,
      secret: TEST_SECRET,
    },
    false,
    { bus, runtime },
  );
  if (runtime) {
    await runtime.start();
    app.addHook('onClose', () => runtime.stop());
  }
  return { app, runtime, workspaceId: first?.workspaceId };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated mutation. */
  headers: Record<string, string>;
}

export async function login(app: App, who: { email: string; password: string } = OWNER): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: who });
  if (res.statusCode !== 200) throw new Error(`login ${who.email} → ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = res.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
