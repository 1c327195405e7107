// `npm start`: listen, and shut down gracefully on SIGINT/SIGTERM.
import { keepRunningOnUnhandledRejections } from '../runtime/process-guard.ts';
import { loadConfigOrExit } from './config.ts';
import { startApp } from './start.ts';

const config = loadConfigOrExit(process.env);

const logger = config.prettyLogs
  ? {
      level: config.logLevel,
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } },
    }
  : { level: config.logLevel };

// `npm run server` (--api-only) serves the API without driving bot accounts; `npm start` does both.
const { app } = await startApp(config, logger, { runtime: !process.argv.includes('--api-only') });
keepRunningOnUnhandledRejections(app.log);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  });
}

const address = await app.listen({ port: config.port, host: config.host });
app.log.info(`Wefunnel ready at ${address} (database: ${app.dbKind})`);
