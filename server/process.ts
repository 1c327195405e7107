// One process bootstrap for `npm start` / `npm run server` and `npm run worker` (and the test app):
// the logger (pretty or JSON, secrets redacted), the bus with its relay between processes, the
// runtime beside it, and — for a real process — signals and unhandled rejections.
import pino from 'pino';
import { Bus } from '../runtime/bus.ts';
import { relayBus } from '../runtime/bus-relay.ts';
import type { DbHandle } from '../runtime/db/client.ts';
import { keepRunningOnUnhandledRejections } from '../runtime/process-guard.ts';
import { Runtime, type RuntimeLog } from '../runtime/runtime.ts';
import type { Config } from './config.ts';
import { withRedaction } from './logging.ts';

/** Pretty logs on a terminal in development, JSON in production; query values and secrets never. */
export function loggerOptions(config: Pick<Config, 'prettyLogs' | 'logLevel'>) {
  return withRedaction(
    config.prettyLogs
      ? {
          level: config.logLevel,
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : { level: config.logLevel },
  ) as pino.LoggerOptions;
}

export const processLogger = (config: Pick<Config, 'prettyLogs' | 'logLevel'>) => pino(loggerOptions(config));

/** The bus (relayed between processes on PostgreSQL) and, when asked for, the runtime — not started. */
export async function runtimeServices(
  handle: DbHandle,
  config: Pick<Config, 'secret'> & Partial<Pick<Config, 'leaseTtlMs' | 'sessionDir'>>,
  options: { runtime: boolean },
) {
  const bus = new Bus();
  const stopRelay = await relayBus(handle, bus);
  const runtime = options.runtime
    ? new Runtime({
        db: handle.db,
        bus,
        secret: config.secret,
        leaseTtlMs: config.leaseTtlMs,
        sessionDir: config.sessionDir,
      })
    : null;
  return {
    bus,
    runtime,
    async close() {
      await runtime?.stop();
      await stopRelay();
    },
  };
}

/**
 * Keeps a process up until SIGINT/SIGTERM, then runs `close` (a second signal, or 10 s, forces the
 * exit). A puppet library's stray promise rejection is logged, never fatal: it would take every
 * other account down with it.
 */
export function runUntilSignal(
  log: RuntimeLog & { info(obj: unknown, msg?: string): void },
  close: () => Promise<void>,
) {
  keepRunningOnUnhandledRejections(log);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (closing) process.exit(1);
      closing = true;
      log.info({ signal }, 'shutting down');
      setTimeout(() => process.exit(1), 10_000).unref();
      try {
        await close();
      } catch (err) {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      }
      process.exit(0);
    });
  }
}
