import { describe, expect, it } from 'vitest';
import { dayOf, monthOf, shanghaiDate, shanghaiDayStart, weekOf, yearOf } from './shanghaiTime.js';

const iso = (p: { start: Date; end: Date }) => [p.start.toISOString(), p.end.toISOString()];

describe('Asia/Shanghai calendar periods', () => {
  it('puts 2026-12-31T17:00Z in 2027 (01:00 on 1 January in Shanghai)', () => {
    const t = new Date('2026-12-31T17:00:00Z');
    expect(shanghaiDate(t)).toBe('2027-01-01');
    expect(yearOf(t)).toMatchObject({ year: 2027, start: new Date('2026-12-31T16:00:00Z'), end: new Date('2027-12-31T16:00:00Z') });
    expect(iso(dayOf(t))).toEqual(['2026-12-31T16:00:00.000Z', '2027-01-01T16:00:00.000Z']);
    expect(iso(monthOf(t))).toEqual(['2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z']);
  });

  it('starts weeks on Monday', () => {
    // Sunday 2026-03-08 23:30 in Shanghai belongs to the week of Monday 2026-03-02.
    expect(iso(weekOf(new Date('2026-03-08T15:30:00Z')))).toEqual(['2026-03-01T16:00:00.000Z', '2026-03-08T16:00:00.000Z']);
    // Monday 2026-03-09 00:30 in Shanghai starts the next one.
    expect(weekOf(new Date('2026-03-08T16:30:00Z')).start.toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it('reads a date as the start of that Shanghai day', () => {
    expect(shanghaiDayStart('2026-05-01').toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });
});
