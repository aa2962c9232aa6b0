import path from 'node:path';
import { z } from 'zod';

/**
 * Typed configuration. Every setting comes from the environment and can be overridden by a CLI flag
 * of the same meaning (see cli/main.ts). Defaults serve a single pharmacy on one machine.
 */
const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port (PORT)'),
  host: z.string().default('0.0.0.0').describe('Interface to listen on (HOST)'),
  databaseUrl: z
    .string()
    .default('./data/apotheca.db')
    .describe('SQLite file path or sqlite: URL, or postgres:// URL (DATABASE_URL)'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  sessionTtlMinutes: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 60)
    .describe('Idle session lifetime'),
  lockoutThreshold: z.coerce.number().int().positive().default(5).describe('Failed logins before lockout'),
  lockoutMinutes: z.coerce.number().int().positive().default(15).describe('Lockout duration'),
  loginRateLimitPerMinute: z.coerce
    .number()
    .int()
    .positive()
    .default(20)
    .describe('Login attempts per client per minute'),
  webRoot: z.string().optional().describe('Folder with the built web workbench'),
  secureCookies: z.boolean().default(false).describe('Mark cookies Secure (behind HTTPS)'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  env = process.env,
): Config {
  const fromEnv = {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    sessionTtlMinutes: env.APOTHECA_SESSION_TTL_MINUTES,
    lockoutThreshold: env.APOTHECA_LOCKOUT_THRESHOLD,
    lockoutMinutes: env.APOTHECA_LOCKOUT_MINUTES,
    loginRateLimitPerMinute: env.APOTHECA_LOGIN_RATE_LIMIT,
    webRoot: env.APOTHECA_WEB_ROOT,
    secureCookies: env.APOTHECA_SECURE_COOKIES === 'true' ? true : undefined,
  };
  const merged: Record<string, unknown> = {};
  for (const source of [fromEnv, overrides])
    for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') merged[k] = v;
  return ConfigSchema.parse(merged);
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url === ':memory:' || url === 'sqlite::memory:') return { kind: 'sqlite', file: ':memory:' };
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : url;
  return { kind: 'sqlite', file: path.resolve(file) };
}
