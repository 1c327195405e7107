// The Fastify app as a tree of plugins: infrastructure first (errors, db, auth), then the API routes, then the editor.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DbHandle } from '../runtime/db/client.ts';
import { type Config, DEFAULT_LOGIN_ATTEMPTS_PER_IP } from './config.ts';
import { withRedaction } from './logging.ts';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import editorPlugin from './plugins/editor.ts';
import errorsPlugin, { frameworkErrors } from './plugins/errors.ts';
import jsonBodyPlugin from './plugins/json-body.ts';
import routeTablePlugin from './plugins/route-table.ts';
import securityHeadersPlugin from './plugins/security-headers.ts';
import servicesPlugin, { defaultServices, type Services } from './plugins/services.ts';
import apiKeyRoutes from './routes/api-keys.ts';
import authRoutes from './routes/auth.ts';
import botRoutes from './routes/bots.ts';
import campaignRoutes from './routes/campaigns.ts';
import channelPageRoutes from './routes/channel-page.ts';
import channelRoutes from './routes/channels.ts';
import contactRoutes from './routes/contacts.ts';
import conversationRoutes from './routes/conversations.ts';
import couponRoutes from './routes/coupons.ts';
import flowRoutes from './routes/flows.ts';
import healthRoutes from './routes/health.ts';
import insightRoutes from './routes/insights.ts';
import leadRoutes from './routes/leads.ts';
import liveCodeRoutes from './routes/live-code.ts';
import meRoutes from './routes/me.ts';
import mediaRoutes from './routes/media.ts';
import memberRoutes from './routes/members.ts';
import outboxRoutes from './routes/outbox.ts';
import roomRoutes from './routes/rooms.ts';
import sandboxRoutes from './routes/sandbox.ts';
import segmentRoutes from './routes/segments.ts';
import statsCsvRoutes from './routes/stats-csv.ts';
import workspaceRoutes from './routes/workspace.ts';

export type AppConfig = Pick<Config, 'loginAttemptsPerMinute' | 'trustProxy' | 'secret'> &
  Partial<Pick<Config, 'loginAttemptsPerIpPerMinute'>>;

export async function buildApp(
  handle: DbHandle,
  config: AppConfig,
  logger: FastifyServerOptions['logger'] = false,
  services: Services = defaultServices(),
) {
  const app = Fastify({
    logger: withRedaction(logger),
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(routeTablePlugin);
  await app.register(errorsPlugin);
  await app.register(jsonBodyPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(dbPlugin, { handle });
  await app.register(servicesPlugin, { services });
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, {
        loginAttemptsPerMinute: config.loginAttemptsPerMinute,
        loginAttemptsPerIpPerMinute: config.loginAttemptsPerIpPerMinute ?? DEFAULT_LOGIN_ATTEMPTS_PER_IP,
      });
      await api.register(memberRoutes);
      await api.register(meRoutes);
      await api.register(workspaceRoutes);
      await api.register(apiKeyRoutes);
      await api.register(flowRoutes);
      await api.register(couponRoutes);
      await api.register(mediaRoutes);
      await api.register(contactRoutes);
      await api.register(conversationRoutes);
      await api.register(outboxRoutes);
      await api.register(sandboxRoutes);
      await api.register(leadRoutes);
      await api.register(roomRoutes);
      await api.register(segmentRoutes);
      await api.register(campaignRoutes);
      await api.register(statsCsvRoutes);
      await api.register(channelRoutes);
      await api.register(insightRoutes);
      await api.register(botRoutes, { secret: config.secret });
    },
    { prefix: '/api' },
  );
  await app.register(liveCodeRoutes);
  await app.register(channelPageRoutes);
  await app.register(editorPlugin);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
