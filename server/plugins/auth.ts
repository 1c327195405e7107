// Authentication and the role guard. Every /api route must declare `config.access`:
// 'public', or the roles allowed. Cookie sessions must also send x-csrf-token on mutations.
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../shared/roles.ts';
import { type AuthContext, SESSION_COOKIE } from '../auth/context.ts';
import { authenticateApiKey, authenticateSession } from '../auth/sessions.ts';
import { forbidden, HttpError, unauthorized } from '../errors.ts';

export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export default fp(async function auth(app: FastifyInstance) {
  await app.register(cookie);
  app.decorateRequest('auth', null);

  // Fail closed at start-up: an API route that forgot to say who may call it is a bug.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && route.config?.access === undefined && route.method !== 'HEAD') {
      throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    }
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    req.auth = await authenticate(app, req);
    if (!req.auth) throw unauthorized();
    if (req.auth.via === 'session' && MUTATING.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, req.auth.csrfToken)) {
        throw new HttpError('bad_csrf_token', 'Missing or wrong x-csrf-token header');
      }
    }
    if (!access.includes(req.auth.role)) throw forbidden(req.auth.role);
  });
});

async function authenticate(app: FastifyInstance, req: FastifyRequest): Promise<AuthContext | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return authenticateApiKey(app.db, header.slice(7).trim());
  const token = req.cookies[SESSION_COOKIE];
  return token ? authenticateSession(app.db, token) : null;
}

/** The auth of a route that declared roles: present by construction. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthorized();
  return req.auth;
}
