/**
 * Times on the wire are ISO 8601 in UTC; people read Asia/Shanghai time. Shanghai has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact and needs no Intl data (which
 * some mini program runtimes lack).
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

function shanghaiParts(at: Date | string | number) {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** `2026年3月2日 09:00` in Shanghai time. */
export function formatShanghai(at: Date | string | number): string {
  const p = shanghaiParts(at);
  return `${p.y}年${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`;
}

/** A validity window; the end date is omitted when both ends fall on the same Shanghai day. */
export function formatWindow(from: Date | string | number, to: Date | string | number): string {
  const a = shanghaiParts(from);
  const b = shanghaiParts(to);
  const end = a.y === b.y && a.m === b.m && a.d === b.d ? `${pad(b.h)}:${pad(b.min)}` : formatShanghai(to);
  return `${formatShanghai(from)} 至 ${end}`;
}

/** The calendar year in Shanghai. */
export function shanghaiYear(at: Date | string | number): number {
  return shanghaiParts(at).y;
}
