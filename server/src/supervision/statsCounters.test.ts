import { describe, expect, it } from 'vitest';
import { counterRanges, wholeDays } from './statsCounters.js';

describe('daily counters: which rows add up to a period', () => {
  it('takes the month rows of whole months and the day rows around them', () => {
    expect(counterRanges({ first: '2026-01-01', end: '2027-01-01' })).toEqual([['M2026-01', 'M2027-01']]);
    expect(counterRanges({ first: '2025-12-05', end: '2026-12-05' })).toEqual([
      ['2025-12-05', '2026-01-01'],
      ['M2026-01', 'M2026-12'],
      ['2026-12-01', '2026-12-05'],
    ]);
    expect(counterRanges({ first: '2026-12-31', end: '2027-02-01' })).toEqual([
      ['2026-12-31', '2027-01-01'],
      ['M2027-01', 'M2027-02'],
    ]);
  });

  it('takes day rows only when no whole month fits', () => {
    expect(counterRanges({ first: '2026-11-05', end: '2026-11-20' })).toEqual([['2026-11-05', '2026-11-20']]);
    expect(counterRanges({ first: '2026-11-05', end: '2026-12-10' })).toEqual([['2026-11-05', '2026-12-10']]);
    expect(counterRanges({ first: '2026-11-01', end: '2026-11-30' })).toEqual([['2026-11-01', '2026-11-30']]);
  });

  it('reads an open end as every month before or after', () => {
    expect(counterRanges({ first: null, end: null })).toEqual([['M', 'N']]);
    expect(counterRanges({ first: null, end: '2026-12-05' })).toEqual([
      ['M', 'M2026-12'],
      ['2026-12-01', '2026-12-05'],
    ]);
    expect(counterRanges({ first: '2026-12-05', end: null })).toEqual([
      ['2026-12-05', '2027-01-01'],
      ['M2027-01', 'N'],
    ]);
  });

  it('finds the whole Asia/Shanghai days of a period given to the millisecond', () => {
    // 2026-03-01T16:00Z is midnight in Shanghai.
    expect(wholeDays({ from: new Date('2026-03-01T16:00:00Z'), to: new Date('2026-03-05T16:00:00Z') })).toEqual({
      first: '2026-03-02',
      end: '2026-03-06',
    });
    expect(wholeDays({ from: new Date('2026-03-01T16:00:00.001Z'), to: new Date('2026-03-05T15:59:59Z') })).toEqual({
      first: '2026-03-03',
      end: '2026-03-05',
    });
    expect(wholeDays({ from: new Date('2026-03-01T17:00:00Z'), to: new Date('2026-03-02T15:00:00Z') })).toBeNull();
    expect(wholeDays({ from: null, to: null })).toEqual({ first: null, end: null });
  });
});
