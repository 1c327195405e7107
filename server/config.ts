// Reads the environment once into a typed config; a bad value stops the start with a clear message.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DbTarget } from '../runtime/db/client.ts';
import { emailSchema } from '../shared/api/common.ts';

const WHOLE_NUMBER = 'must be a whole number of at least 1';
const atLeastOne = () => z.coerce.number({ error: WHOLE_NUMBER }).int(WHOLE_NUMBER).min(1, WHOLE_NUMBER);

/** Failed logins one client address may make per minute, across every email. */
export const DEFAULT_LOGIN_ATTEMPTS_PER_IP = 50;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WEFUNNEL_DATA_DIR: z.string().min(1).default('.data'),
  WEFUNNEL_ADMIN_EMAIL: emailSchema.default('admin@localhost'),
  WEFUNNEL_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  WEFUNNEL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WEFUNNEL_LOGIN_ATTEMPTS_PER_MINUTE: atLeastOne().default(10),
  WEFUNNEL_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: atLeastOne().default(DEFAULT_LOGIN_ATTEMPTS_PER_IP),
  WEFUNNEL_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  WEFUNNEL_LEASE_TTL_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  port: number;
  host: string;
  db: DbTarget;
  dataDir: string;
  /** Each real WeChat account's Wechaty memory card (its login session): `<dataDir>/wechaty`. */
  sessionDir: string;
  admin: { email: string; password?: string };
  secret: string;
  loginAttemptsPerMinute: number;
  /** Failed logins per client address and minute, whatever the email: guessing across accounts. */
  loginAttemptsPerIpPerMinute: number;
  trustProxy: boolean;
  /** How long a worker's bot account lease lasts unrenewed: a dead worker's accounts move after it. */
  leaseTtlMs: number;
  logLevel: string;
  prettyLogs: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.WEFUNNEL_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    db: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    dataDir,
    sessionDir: join(dataDir, 'wechaty'),
    admin: { email: e.WEFUNNEL_ADMIN_EMAIL, password: e.WEFUNNEL_ADMIN_PASSWORD },
    secret: e.WEFUNNEL_SECRET ?? localSecret(dataDir),
    loginAttemptsPerMinute: e.WEFUNNEL_LOGIN_ATTEMPTS_PER_MINUTE,
    loginAttemptsPerIpPerMinute: e.WEFUNNEL_LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
    trustProxy: e.WEFUNNEL_TRUST_PROXY,
    leaseTtlMs: e.WEFUNNEL_LEASE_TTL_MS,
    logLevel: e.LOG_LEVEL,
    prettyLogs: e.NODE_ENV !== 'production',
  };
}

/** Without WEFUNNEL_SECRET a random one is kept in the data folder, so local restarts keep working. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** For entry points: a bad configuration ends the process with the message, not a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
