import { describe, expect, it } from 'vitest';
import { formatShanghai, formatWindow, shanghaiYear } from './time';

describe('Shanghai time', () => {
  it('shows UTC instants in Asia/Shanghai (UTC+8)', () => {
    expect(formatShanghai('2026-03-02T01:00:00Z')).toBe('2026年3月2日 09:00');
    expect(formatShanghai('2025-12-31T16:30:00Z')).toBe('2026年1月1日 00:30');
  });

  it('shortens a window within one day', () => {
    expect(formatWindow('2026-03-02T01:00:00Z', '2026-03-02T09:00:00Z')).toBe('2026年3月2日 09:00 至 17:00');
    expect(formatWindow('2026-03-02T01:00:00Z', '2026-03-03T09:00:00Z')).toBe('2026年3月2日 09:00 至 2026年3月3日 17:00');
  });

  it('puts New Year in the Shanghai year', () => {
    expect(shanghaiYear('2025-12-31T16:00:00Z')).toBe(2026);
  });
});
