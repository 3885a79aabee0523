import { z } from 'zod';

/** Defaults for every setting; the environment overrides them (see README "Configuration"). */
export const defaults = {
  PORT: 3000,
  DATA_DIR: './data',
  CODE_URL_BASE: 'https://jcm.example.cn/c/',
  MAX_CODE_WINDOW_DAYS: 30,
  SESSION_TTL_HOURS: 12,
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  BODY_LIMIT: '64kb',
  SHUTDOWN_GRACE_MS: 10_000,
  COMPLAINT_DEADLINE_WORKING_DAYS: 15,
  WORKDAY_CALENDAR: 'official',
  REPEAT_WINDOW_DAYS: 90,
  ANNUAL_CAP_PLANNED: 2,
  FREQUENCY_MAX_PER_DAY: 1,
  FREQUENCY_MAX_PER_WEEK: 2,
  FREQUENCY_MAX_PER_MONTH: 3,
  EMERGENCY_DEADLINE_HOURS: 24,
} as const;

const flag = z.enum(['0', '1']).transform((v) => v === '1');
/** A comma-separated list of calendar dates (YYYY-MM-DD), e.g. "2027-01-01,2027-02-05". */
const dateList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((d) => d.trim()).filter(Boolean))
  .pipe(z.array(z.iso.date()));

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(defaults.PORT),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/.+/, 'must look like mysql://user:pass@host:port/db')
    .optional(),
  DATA_DIR: z.string().default(defaults.DATA_DIR),
  AUTH_DEV_LOGIN: flag.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(defaults.SESSION_TTL_HOURS),
  CODE_URL_BASE: z.string().url().default(defaults.CODE_URL_BASE),
  MAX_CODE_WINDOW_DAYS: z.coerce.number().positive().default(defaults.MAX_CODE_WINDOW_DAYS),
  WECHAT_APPID: z.string().default('wx-demo-appid'),
  WECHAT_SECRET: z.string().default(''),
  WECHAT_API_BASE: z.string().url().default(defaults.WECHAT_API_BASE),
  BODY_LIMIT: z.string().default(defaults.BODY_LIMIT),
  SEED_DEMO: flag.optional(),
  H5_DIR: z.string().optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(defaults.SHUTDOWN_GRACE_MS),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_SCAN_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  TRUST_PROXY: flag.default(false),
  COMPLAINT_DEADLINE_WORKING_DAYS: z.coerce.number().int().min(1).max(365).default(defaults.COMPLAINT_DEADLINE_WORKING_DAYS),
  WORKDAY_CALENDAR: z.enum(['official', 'weekends']).default(defaults.WORKDAY_CALENDAR),
  PUBLIC_HOLIDAYS: dateList,
  MAKEUP_WORKDAYS: dateList,
  REPEAT_WINDOW_DAYS: z.coerce.number().min(0).max(3660).default(defaults.REPEAT_WINDOW_DAYS),
  ANNUAL_CAP_PLANNED: z.coerce.number().int().min(0).default(defaults.ANNUAL_CAP_PLANNED),
  FREQUENCY_MAX_PER_DAY: z.coerce.number().int().min(0).default(defaults.FREQUENCY_MAX_PER_DAY),
  FREQUENCY_MAX_PER_WEEK: z.coerce.number().int().min(0).default(defaults.FREQUENCY_MAX_PER_WEEK),
  FREQUENCY_MAX_PER_MONTH: z.coerce.number().int().min(0).default(defaults.FREQUENCY_MAX_PER_MONTH),
  EMERGENCY_DEADLINE_HOURS: z.coerce.number().positive().default(defaults.EMERGENCY_DEADLINE_HOURS),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };
  dataDir: string;
  devLogin: boolean;
  /** Undefined outside production: the server then keeps a generated secret in the database. */
  sessionSecret?: string;
  sessionTtlSeconds: number;
  codeUrlBase: string;
  maxCodeWindowSeconds: number;
  wechat: { appId: string; secret: string; apiBase: string };
  bodyLimit: string;
  seedDemo: boolean;
  h5Dir?: string;
  shutdownGraceMs: number;
  /** Per client address and minute, summed over all processes (login covers binding attempts). */
  rateLimits: { loginPerMinute: number; scanPerMinute: number };
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * Complaint handling (SPEC §2): the deadline in working days, on China's official calendar
   * (public holidays and make-up working weekends, from the `chinese-days` package) or on plain
   * weekends, plus configured holidays and make-up working days that override either.
   */
  complaints: {
    deadlineWorkingDays: number;
    calendar: 'official' | 'weekends';
    holidays: string[];
    makeupWorkdays: string[];
  };
  /** Issuance rules (SPEC §1, docs/RULES.md). Calendar periods are Asia/Shanghai ones. */
  rules: {
    /** Same department, overlapping item, same enterprise within this many days: a repeat. */
    repeatWindowDays: number;
    /** Planned inspections a year per department per enterprise before ANNUAL_CAP_REACHED. */
    annualCapPlanned: number;
    /** Inspections of one enterprise, all departments together, beyond which it is flagged. */
    frequency: { perDay: number; perWeek: number; perMonth: number };
    /** An emergency code applied for later than this after the inspection started is flagged. */
    emergencyDeadlineHours: number;
  };
}

export class ConfigError extends Error {}

/** Parses the environment once, fails fast with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const embedded = e.DATABASE_URL === undefined;
  if (production) {
    const problems: string[] = [];
    if (e.AUTH_DEV_LOGIN === true) problems.push('AUTH_DEV_LOGIN=1 is not allowed in production');
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET must be set (32+ characters) in production');
    if (embedded) problems.push('DATABASE_URL must be set in production (the embedded SQLite is for demos)');
    if (problems.length) throw new ConfigError(`Refusing to start:\n  ${problems.join('\n  ')}`);
  }
  const dataDir = e.DATA_DIR;
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    database: embedded
      ? { kind: 'sqlite', file: `${dataDir.replace(/\/$/, '')}/inspection-code.sqlite` }
      : { kind: 'mysql', url: e.DATABASE_URL! },
    dataDir,
    devLogin: production ? false : (e.AUTH_DEV_LOGIN ?? embedded),
    sessionSecret: e.SESSION_SECRET,
    sessionTtlSeconds: Math.round(e.SESSION_TTL_HOURS * 3600),
    codeUrlBase: e.CODE_URL_BASE.endsWith('/') ? e.CODE_URL_BASE : `${e.CODE_URL_BASE}/`,
    maxCodeWindowSeconds: Math.round(e.MAX_CODE_WINDOW_DAYS * 86400),
    wechat: { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, apiBase: e.WECHAT_API_BASE.replace(/\/$/, '') },
    bodyLimit: e.BODY_LIMIT,
    seedDemo: e.SEED_DEMO ?? embedded,
    h5Dir: e.H5_DIR,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    rateLimits: { loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE, scanPerMinute: e.RATE_LIMIT_SCAN_PER_MINUTE },
    trustProxy: e.TRUST_PROXY,
    complaints: {
      deadlineWorkingDays: e.COMPLAINT_DEADLINE_WORKING_DAYS,
      calendar: e.WORKDAY_CALENDAR,
      holidays: e.PUBLIC_HOLIDAYS,
      makeupWorkdays: e.MAKEUP_WORKDAYS,
    },
    rules: {
      repeatWindowDays: e.REPEAT_WINDOW_DAYS,
      annualCapPlanned: e.ANNUAL_CAP_PLANNED,
      frequency: { perDay: e.FREQUENCY_MAX_PER_DAY, perWeek: e.FREQUENCY_MAX_PER_WEEK, perMonth: e.FREQUENCY_MAX_PER_MONTH },
      emergencyDeadlineHours: e.EMERGENCY_DEADLINE_HOURS,
    },
  };
}
