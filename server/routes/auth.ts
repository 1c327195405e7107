// Login, logout and the current session (API.md "Auth and workspaces").
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginBody, sessionBody } from '../../shared/api/auth.ts';
import { ANY_MEMBER } from '../access.ts';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/context.ts';
import { LoginBudget } from '../auth/login-budget.ts';
import { login, logout, sessionView } from '../auth/sessions.ts';
import { HttpError } from '../errors.ts';
import { authOf } from '../plugins/auth.ts';

const routes: FastifyPluginAsyncZod<{
  loginAttemptsPerMinute: number;
  loginAttemptsPerIpPerMinute: number;
}> = async (app, opts) => {
  // Per address and email (below, every attempt) and per address across emails (failures only).
  const perAddress = new LoginBudget(opts.loginAttemptsPerIpPerMinute);
  app.post(
    '/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: {
          max: opts.loginAttemptsPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}|${(req.body as { email?: string } | undefined)?.email ?? ''}`,
          errorResponseBuilder: (_req, ctx) =>
            new HttpError('rate_limited', `Too many login attempts, retry in ${ctx.after}`, {
              retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
            }),
        },
      },
      schema: { body: loginBody, response: { 200: sessionBody } },
    },
    async (req, reply) => {
      perAddress.begin(req.ip);
      const session = await login(app.db, req.body.email, req.body.password);
      if (!session) throw new HttpError('invalid_credentials', 'Wrong email or password');
      perAddress.succeeded(req.ip);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return sessionView(app.db, session.auth);
    },
  );

  app.post('/auth/logout', { config: { access: ANY_MEMBER } }, async (req, reply) => {
    const auth = authOf(req);
    if (auth.via === 'session') await logout(app.db, auth.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get(
    '/me',
    { config: { access: ANY_MEMBER }, schema: { response: { 200: sessionBody } } },
    async (req) => sessionView(app.db, authOf(req)),
  );
};

export default routes;
