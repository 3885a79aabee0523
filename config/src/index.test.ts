import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

const secret = 's'.repeat(40);

describe('configuration', () => {
  it('defaults to the embedded SQLite with dev login and demo data', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'sqlite', file: './data/inspection-code.sqlite' });
    expect(c.devLogin).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.maxCodeWindowSeconds).toBe(30 * 86400);
  });

  it('turns dev login and demo data off by default with MySQL', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' });
    expect(c.database.kind).toBe('mysql');
    expect(c.devLogin).toBe(false);
    expect(c.seedDemo).toBe(false);
  });

  it('refuses to start in production with dev login, without a secret, or without DATABASE_URL', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/ic', SESSION_SECRET: secret };
    expect(loadConfig(prod).devLogin).toBe(false);
    expect(() => loadConfig({ ...prod, AUTH_DEV_LOGIN: '1' })).toThrow(/AUTH_DEV_LOGIN/);
    expect(() => loadConfig({ ...prod, SESSION_SECRET: undefined })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...prod, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...prod, SESSION_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('names every invalid setting at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', AUTH_DEV_LOGIN: 'yes' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
      expect((err as Error).message).toMatch(/AUTH_DEV_LOGIN/);
    }
  });

  it('reads the complaint deadline and the working-day calendar, refusing a malformed date', () => {
    expect(loadConfig({}).complaints).toEqual({ deadlineWorkingDays: 15, calendar: 'official', holidays: [], makeupWorkdays: [] });
    const c = loadConfig({ COMPLAINT_DEADLINE_WORKING_DAYS: '10', WORKDAY_CALENDAR: 'weekends', PUBLIC_HOLIDAYS: '2027-02-08, 2027-02-09', MAKEUP_WORKDAYS: '2027-02-06' });
    expect(c.complaints).toEqual({ deadlineWorkingDays: 10, calendar: 'weekends', holidays: ['2027-02-08', '2027-02-09'], makeupWorkdays: ['2027-02-06'] });
    expect(() => loadConfig({ PUBLIC_HOLIDAYS: '2027-13-01' })).toThrow(/PUBLIC_HOLIDAYS/);
    expect(() => loadConfig({ WORKDAY_CALENDAR: 'lunar' })).toThrow(/WORKDAY_CALENDAR/);
  });
});
