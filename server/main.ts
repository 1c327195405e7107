// `npm start` / `npm run server`: listen, and shut down gracefully on SIGINT/SIGTERM.
import { loadConfigOrExit } from './config.ts';
import { loggerOptions, runUntilSignal } from './process.ts';
import { startApp } from './start.ts';

const config = loadConfigOrExit(process.env);

// `npm run server` (--api-only) serves the API without driving bot accounts; `npm start` does both.
const { app } = await startApp(config, loggerOptions(config), {
  runtime: !process.argv.includes('--api-only'),
});
runUntilSignal(app.log, () => app.close());

const address = await app.listen({ port: config.port, host: config.host });
app.log.info(`Wefunnel ready at ${address} (database: ${app.dbKind})`);
