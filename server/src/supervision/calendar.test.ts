import { describe, expect, it } from 'vitest';
import { handlingDeadline, shanghaiDate, workdayCalendar } from './calendar.js';

const weekends = workdayCalendar({ deadlineWorkingDays: 15, calendar: 'weekends', holidays: [], makeupWorkdays: [] });
const official = workdayCalendar({ deadlineWorkingDays: 15, calendar: 'official', holidays: [], makeupWorkdays: [] });

describe('working-day calendar', () => {
  it('reads the calendar date in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });

  it('skips weekends and counts from the day after receipt, ending at 24:00 Shanghai', () => {
    // Friday 2026-03-06 10:00 Shanghai: the 1st working day is Monday 03-09, the 15th Friday 03-27.
    const d = handlingDeadline(new Date('2026-03-06T02:00:00Z'), 15, weekends);
    expect(d.toISOString()).toBe('2026-03-27T15:59:59.999Z');
    // Received on Sunday: the same first working day.
    expect(handlingDeadline(new Date('2026-03-08T02:00:00Z'), 1, weekends).toISOString()).toBe('2026-03-09T15:59:59.999Z');
    // 23:30 Shanghai on Monday is still Monday.
    expect(handlingDeadline(new Date('2026-03-09T15:30:00Z'), 1, weekends).toISOString()).toBe('2026-03-10T15:59:59.999Z');
  });

  it('uses the official calendar: holidays skipped, make-up working weekends counted', () => {
    // National Day 2026: 10-01..10-07 off, Saturday 10-10 a make-up working day.
    expect(official('2026-10-05')).toBe(false);
    expect(official('2026-10-10')).toBe(true);
    expect(official('2026-10-11')).toBe(false);
    // Received Wednesday 09-30: working days 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, make-up).
    expect(handlingDeadline(new Date('2026-09-30T02:00:00Z'), 3, official).toISOString()).toBe('2026-10-10T15:59:59.999Z');
  });

  it('lets configuration add holidays and make-up working days over either calendar', () => {
    const c = workdayCalendar({ deadlineWorkingDays: 15, calendar: 'official', holidays: ['2027-02-08'], makeupWorkdays: ['2027-02-06'] });
    expect(c('2027-02-08')).toBe(false);
    expect(c('2027-02-06')).toBe(true);
    expect(c('2027-02-09')).toBe(true);
  });
});
