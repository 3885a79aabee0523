import chineseDays from 'chinese-days';
import type { Config } from '@inspection-code/config';

/** China keeps one time zone and no daylight saving: a Shanghai calendar day is a fixed UTC+8 span. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export type IsWorkday = (date: string) => boolean;

function officialWorkday(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // chinese-days reads local-time fields; local noon is that date in every server time zone.
  return chineseDays.isWorkday(new Date(y, m - 1, d, 12));
}

function weekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * Working days for handling deadlines: the official calendar (holidays and make-up working
 * weekends, 调休) or plain weekends; configured make-up working days and holidays override both,
 * which also covers a year the installed calendar does not know yet.
 */
export function workdayCalendar(c: Config['complaints']): IsWorkday {
  const holidays = new Set(c.holidays);
  const workdays = new Set(c.makeupWorkdays);
  const base = c.calendar === 'official' ? officialWorkday : weekday;
  return (date) => (workdays.has(date) ? true : holidays.has(date) ? false : base(date));
}

/**
 * The handling deadline of something received at `received`: the end (24:00 Asia/Shanghai) of the
 * `workingDays`-th working day after the day of receipt, which itself is not counted (期间开始之日不计算在内).
 */
export function handlingDeadline(received: Date, workingDays: number, isWorkday: IsWorkday): Date {
  let date = shanghaiDate(received);
  let left = workingDays;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new Error('the working-day calendar has no working days within ten years');
    date = addDays(date, 1);
    if (isWorkday(date)) left--;
  }
  return new Date(startOfShanghaiDay(addDays(date, 1)).getTime() - 1);
}
