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

/** An optional setting: unset and empty mean the same. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

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
  // Notifications: `log` writes messages to the log (development, demo); see server/modules/notify.
  NOTIFY_SMS: z.enum(['log', 'http']).default('log'),
  SMS_GATEWAY_URL: optionalText.pipe(z.url().optional()),
  SMS_GATEWAY_KEY: optionalText,
  NOTIFY_EMAIL: z.enum(['log', 'smtp']).default('log'),
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: Bool.default(false),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: optionalText,
});

/** Where notifications go: each outbound channel through its transport. */
export interface NotifyConfig {
  sms: { kind: 'log' } | { kind: 'http'; url: string; key: string };
  email:
    | { kind: 'log' }
    | {
        kind: 'smtp';
        host: string;
        port: number;
        secure: boolean;
        user: string | undefined;
        password: string | undefined;
        from: string;
      };
}

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
  notify: NotifyConfig;
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
  const missing = [
    ...(c.NOTIFY_SMS === 'http' && !c.SMS_GATEWAY_URL ? ['SMS_GATEWAY_URL'] : []),
    ...(c.NOTIFY_SMS === 'http' && !c.SMS_GATEWAY_KEY ? ['SMS_GATEWAY_KEY'] : []),
    ...(c.NOTIFY_EMAIL === 'smtp' && !c.SMTP_HOST ? ['SMTP_HOST'] : []),
    ...(c.NOTIFY_EMAIL === 'smtp' && !c.SMTP_FROM ? ['SMTP_FROM'] : []),
  ];
  if (missing.length > 0) {
    const lines = missing.map((k) => `  ${k}: Required by NOTIFY_SMS / NOTIFY_EMAIL`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
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
    notify: {
      sms:
        c.NOTIFY_SMS === 'http'
          ? { kind: 'http', url: c.SMS_GATEWAY_URL!, key: c.SMS_GATEWAY_KEY! }
          : { kind: 'log' },
      email:
        c.NOTIFY_EMAIL === 'smtp'
          ? {
              kind: 'smtp',
              host: c.SMTP_HOST!,
              port: c.SMTP_PORT,
              secure: c.SMTP_SECURE,
              user: c.SMTP_USER,
              password: c.SMTP_PASSWORD,
              from: c.SMTP_FROM!,
            }
          : { kind: 'log' },
    },
  };
}
