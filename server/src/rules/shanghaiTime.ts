/**
 * Calendar periods in Asia/Shanghai, as UTC instants [start, end). China Standard Time is UTC+8
 * all year (no daylight saving since 1991), so a fixed offset is exact and needs no time-zone data.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  start: Date;
  end: Date;
}

/** Wall-clock fields of an instant in Shanghai. */
function fields(instant: Date) {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth(), d: local.getUTCDate(), weekday: (local.getUTCDay() + 6) % 7 };
}

const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d) - OFFSET_MS);

/** The Shanghai date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of the Shanghai day given as YYYY-MM-DD. */
export function shanghaiDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

export function dayOf(instant: Date): Period {
  const { y, m, d } = fields(instant);
  return { start: at(y, m, d), end: at(y, m, d + 1) };
}

/** Monday to Sunday, as weeks are counted in China. */
export function weekOf(instant: Date): Period {
  const { y, m, d, weekday } = fields(instant);
  return { start: at(y, m, d - weekday), end: at(y, m, d - weekday + 7) };
}

export function monthOf(instant: Date): Period {
  const { y, m } = fields(instant);
  return { start: at(y, m, 1), end: at(y, m + 1, 1) };
}

export function yearOf(instant: Date): Period & { year: number } {
  const { y } = fields(instant);
  return { year: y, start: at(y, 0, 1), end: at(y + 1, 0, 1) };
}

export const DAY = DAY_MS;
