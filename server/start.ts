// Opens the database, migrates, bootstraps the first workspace (with its sandbox bot and the demo
// funnel), and builds the app with the runtime beside it: what main.ts and tests share.
import type { FastifyServerOptions } from 'fastify';
import { openDb } from '../runtime/db/client.ts';
import { runMigrations } from '../runtime/db/migrate.ts';
import { type AppConfig, buildApp } from './app.ts';
import { bootstrap } from './auth/bootstrap.ts';
import type { Config } from './config.ts';
import { runtimeServices } from './process.ts';

export async function startApp(
  config: Config & AppConfig,
  logger: FastifyServerOptions['logger'],
  options: { runtime: boolean } = { runtime: true },
) {
  const handle = await openDb(config.db);
  await runMigrations(handle);
  const first = await handle.exclusive(() => bootstrap(handle.db, config.admin));
  const { bus, runtime, close } = await runtimeServices(handle, config, options);
  const app = await buildApp(handle, config, logger, { bus, runtime });
  if (runtime) {
    runtime.log = app.log;
    await runtime.start();
  }
  app.addHook('onClose', async () => {
    await close();
    await handle.close();
  });
  if (first?.generatedPassword) {
    // Printed once, on the first start only: it is the only way in.
    console.log(
      `\n  Wefunnel owner created: ${first.email} / ${first.generatedPassword}\n  (set WEFUNNEL_ADMIN_PASSWORD to choose it)\n`,
    );
  } else if (first) {
    app.log.info({ email: first.email }, 'owner created from WEFUNNEL_ADMIN_EMAIL / WEFUNNEL_ADMIN_PASSWORD');
  }
  return { app, handle, runtime };
}
