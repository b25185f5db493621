import path from 'node:path';
import { z } from 'zod';

/** Parses durations such as `45m`, `12h`, `7d` or plain seconds into seconds. */
function duration(defaultValue: string) {
  return z
    .string()
    .default(defaultValue)
    .transform((v, ctx) => {
      const m = /^(\d+)\s*([smhd]?)$/.exec(v.trim());
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'Use seconds or a number with s, m, h or d' });
        return z.NEVER;
      }
      const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
      return Number(m[1]) * unit;
    })
    .refine((s) => s >= 60, 'At least one minute');
}

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'A postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL: duration('12h'),
  COOKIE_SECURE: Bool.default(false),
  TRUST_PROXY: Bool.default(false),
  DEMO_ON_EMPTY: Bool.default(true),
  WEB_DIST: z.string().default('./web/dist'),
  JOBS: Bool.default(true),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  sessionTtlSeconds: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  demoOnEmpty: boolean;
  webDist: string;
  jobs: boolean;
  dbPoolSize: number;
  /** How long a session's or token's principal may be served from memory (0: never). */
  authCacheTtlMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the configuration once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    sessionTtlSeconds: c.SESSION_TTL,
    cookieSecure: c.COOKIE_SECURE,
    trustProxy: c.TRUST_PROXY,
    demoOnEmpty: c.DEMO_ON_EMPTY,
    webDist: path.resolve(c.WEB_DIST),
    jobs: c.JOBS,
    dbPoolSize: c.DB_POOL_SIZE,
    authCacheTtlMs: c.AUTH_CACHE_TTL_MS,
  };
}
