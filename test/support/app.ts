// Builds the real Fastify app on a test database (with the runtime beside it when asked) and logs
// members in, for `app.inject` tests.

import type { DbHandle } from '../../runtime/db/client.ts';
import { type App, buildApp } from '../../server/app.ts';
import { bootstrap } from '../../server/auth/bootstrap.ts';
import { runtimeServices } from '../../server/process.ts';

export const TEST_SECRET = 'test-secret-'.padEnd(32, 'x');

export const OWNER = { email: 'owner@example.com', password: 'owner-password-1' };

export async function testApp(
  handle: DbHandle,
  options: { loginAttemptsPerMinute?: number; runtime?: boolean; demo?: boolean } = {},
) {
  const first = await bootstrap(handle.db, OWNER, { demo: options.demo ?? false });
  // The processes' own wiring: the bus (relayed on PostgreSQL) and the runtime beside it.
  const { bus, runtime, close } = await runtimeServices(
    handle,
    { secret: TEST_SECRET },
    {
      runtime: options.runtime ?? false,
    },
  );
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
  app.addHook('onClose', close);
  await runtime?.start();
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
