import type { DataSource, EntityManager } from 'typeorm';
import { dbKind } from '../db/dataSource.js';
import { inTransaction } from '../db/transaction.js';
import type { Log } from '../services.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from './calendar.js';
import { StatsDay } from './statsDay.entity.js';

/** The counters of a stats_daily row (statsDay.entity.ts), in column order. */
export const COUNTERS = [
  'inspections',
  'jointInspections',
  'codesIssued',
  'revokedCodes',
  'ratings',
  'recognised',
  'complaints',
  'notRecognised',
  'repeated',
  'inaction',
  'abusive',
  'resolved',
  'dismissed',
  'flags',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

/** The departmentCode of the city-wide rows. */
export const CITY = '';
/** Rows per day and department that concurrent writers spread over. */
const SHARDS = 4;

const q = (name: string) => `\`${name}\``;

/** The key of a month's rows: 'M' and YYYY-MM, after every day key ('2…' < 'M'). */
export const monthKey = (day: string) => `M${day.slice(0, 7)}`;

/**
 * Adds to the counters of the day of `at` (Asia/Shanghai) and of its month, one row each per
 * department, inside the caller's transaction: the count commits or rolls back with the row it
 * counts. Call it last in the transaction, so its row locks are held only until the commit; rows
 * go in key order, so two transactions never wait on each other's counters crosswise.
 */
export async function addToStats(m: EntityManager, at: Date, deltas: { departmentCode: string; add: Partial<Counts> }[]): Promise<void> {
  const merged = new Map<string, Partial<Counts>>();
  for (const { departmentCode, add } of deltas) {
    const row = merged.get(departmentCode) ?? {};
    for (const [k, v] of Object.entries(add) as [Counter, number][]) row[k] = (row[k] ?? 0) + v;
    merged.set(departmentCode, row);
  }
  if (merged.size === 0) return;
  const day = shanghaiDate(at);
  const shard = Math.floor(Math.random() * SHARDS);
  const columns = ['day', 'departmentCode', 'shard', ...COUNTERS];
  const byDepartment = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = [day, monthKey(day)].flatMap((key) => byDepartment.map(([departmentCode, add]) => ({ key, departmentCode, add })));
  const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const params = rows.flatMap(({ key, departmentCode, add }) => [key, departmentCode, shard, ...COUNTERS.map((c) => add[c] ?? 0)]);
  const insert = `INSERT INTO ${q('stats_daily')} (${columns.map(q).join(', ')}) VALUES ${values}`;
  await m.query(
    dbKind(m.connection) === 'mysql'
      ? `${insert} ON DUPLICATE KEY UPDATE ${COUNTERS.map((c) => `${q(c)} = ${q(c)} + VALUES(${q(c)})`).join(', ')}`
      : `${insert} ON CONFLICT (${q('day')}, ${q('departmentCode')}, ${q('shard')}) DO UPDATE SET ${COUNTERS.map((c) => `${q(c)} = ${q(c)} + excluded.${q(c)}`).join(', ')}`,
    params,
  );
}

/** A code issued: each department it names, and the city. Flags recorded with it, for the departments they are about. */
export function countIssued(m: EntityManager, issuedAt: Date, departmentCodes: string[], flagDepartmentCodes: string[]): Promise<void> {
  const joint = departmentCodes.length > 1 ? 1 : 0;
  return addToStats(m, issuedAt, [
    { departmentCode: CITY, add: { codesIssued: 1, inspections: 1, jointInspections: joint } },
    ...departmentCodes.map((departmentCode) => ({ departmentCode, add: { inspections: 1, jointInspections: joint } })),
    ...flagDepartmentCodes.map((departmentCode) => ({ departmentCode, add: { flags: 1 } })),
  ]);
}

/** A code revoked: it no longer counts as an inspection, on the day it was issued. */
export function countRevoked(m: EntityManager, issuedAt: Date, departmentCodes: string[]): Promise<void> {
  const joint = departmentCodes.length > 1 ? 1 : 0;
  return addToStats(m, issuedAt, [
    { departmentCode: CITY, add: { revokedCodes: 1, inspections: -1, jointInspections: -joint } },
    ...departmentCodes.map((departmentCode) => ({ departmentCode, add: { inspections: -1, jointInspections: -joint } })),
  ]);
}

/** A rating, and the complaint it opened if any (made at the same instant). */
export function countRating(
  m: EntityManager,
  rating: { departmentCode: string; ratedAt: Date; recognised: boolean; repeated: boolean; inaction: boolean; abusive: boolean },
  complained: boolean,
): Promise<void> {
  const flag = (b: boolean) => (b ? 1 : 0);
  return addToStats(m, rating.ratedAt, [
    {
      departmentCode: rating.departmentCode,
      add: {
        ratings: 1,
        recognised: flag(rating.recognised),
        ...(complained
          ? {
              complaints: 1,
              notRecognised: flag(!rating.recognised),
              repeated: flag(rating.repeated),
              inaction: flag(rating.inaction),
              abusive: flag(rating.abusive),
            }
          : {}),
      },
    },
  ]);
}

const folded = new WeakMap<DataSource, string>();

/**
 * Writers spread over SHARDS rows per day and department; once a day is over, its shards are
 * folded into shard 0 (same sums, fewer rows), so that a year of statistics reads one row per
 * day and department. Run by readers, at most once a day per process; sums are unchanged by it,
 * so a fold that fails (a busy database) is only logged, and tried again by the next reader.
 * Concurrent writers of an old day (a revocation) either wait for the fold or conflict with it
 * and retry (inTransaction): none is lost.
 */
export async function foldPastShards(ds: DataSource, now: Date, log: Log): Promise<void> {
  const before = addDays(shanghaiDate(now), -1);
  // Days before yesterday, months before this one ('2…' day keys sort before every 'M…' month key).
  const past = `(${q('day')} < ? OR (${q('day')} >= 'M' AND ${q('day')} < ?))`;
  const params = [before, monthKey(shanghaiDate(now))];
  if (folded.get(ds) === before) return;
  folded.set(ds, before);
  const kind = dbKind(ds);
  try {
    await inTransaction(ds, async (m) => {
      const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM ${q('stats_daily')} WHERE ${past} AND ${q('shard')} > 0`, params);
      if (Number(n) === 0) return;
      await m.query(
        `INSERT INTO ${q('stats_daily')} (${q('day')}, ${q('departmentCode')}, ${q('shard')}, ${COUNTERS.map(q).join(', ')})
         SELECT ${q('day')}, ${q('departmentCode')}, 0, ${COUNTERS.map((c) => `SUM(${q(c)})`).join(', ')} FROM ${q('stats_daily')}
         WHERE ${past} AND ${q('shard')} > 0 GROUP BY ${q('day')}, ${q('departmentCode')} ` +
          (kind === 'mysql'
            ? `ON DUPLICATE KEY UPDATE ${COUNTERS.map((c) => `${q(c)} = ${q(c)} + VALUES(${q(c)})`).join(', ')}`
            : `ON CONFLICT (${q('day')}, ${q('departmentCode')}, ${q('shard')}) DO UPDATE SET ${COUNTERS.map((c) => `${q(c)} = ${q(c)} + excluded.${q(c)}`).join(', ')}`),
        params,
      );
      await m.query(`DELETE FROM ${q('stats_daily')} WHERE ${past} AND ${q('shard')} > 0`, params);
    });
  } catch (err) {
    folded.delete(ds);
    log({ level: 'warn', msg: 'stats shards not folded', err: String(err) });
  }
}

/** A complaint closed (resolved or dismissed): counted on the day it was made. */
export function countClosed(
  m: EntityManager,
  complaint: { departmentCode: string; createdAt: Date },
  status: 'resolved' | 'dismissed',
): Promise<void> {
  return addToStats(m, complaint.createdAt, [{ departmentCode: complaint.departmentCode, add: { [status]: 1 } }]);
}

/** The whole Asia/Shanghai days inside [from, to): [first, end) as YYYY-MM-DD (null: open), or null when there is none. */
export function wholeDays(p: { from: Date | null; to: Date | null }): { first: string | null; end: string | null } | null {
  const first = p.from
    ? startOfShanghaiDay(shanghaiDate(p.from)).getTime() === p.from.getTime()
      ? shanghaiDate(p.from)
      : addDays(shanghaiDate(p.from), 1)
    : null;
  const end = p.to ? shanghaiDate(p.to) : null;
  return first && end && first >= end ? null : { first, end };
}

/**
 * The counter rows that add up to whole days [first, end) (null: open), as ranges of keys [lo, hi):
 * the month rows of the months wholly inside, the day rows of the days before and after them.
 * A year reads ~12 rows per department instead of 365.
 */
export function counterRanges(days: { first: string | null; end: string | null }): [string, string][] {
  const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d: string) => {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const firstMonth = days.first === null ? null : days.first === monthStart(days.first) ? days.first : nextMonth(days.first);
  const endMonth = days.end === null ? null : monthStart(days.end);
  if (days.first !== null && days.end !== null && firstMonth! >= endMonth!) return [[days.first, days.end]];
  const ranges: [string, string][] = [];
  if (days.first !== null && days.first < firstMonth!) ranges.push([days.first, firstMonth!]);
  ranges.push([firstMonth === null ? 'M' : monthKey(firstMonth), endMonth === null ? 'N' : monthKey(endMonth)]);
  if (days.end !== null && endMonth! < days.end) ranges.push([endMonth!, days.end]);
  return ranges;
}

/** A WHERE condition on `alias.day` for counterRanges, with its parameters. */
export function counterRangesWhere(alias: string, days: { first: string | null; end: string | null }): [string, Record<string, string>] {
  const ranges = counterRanges(days);
  const params: Record<string, string> = {};
  const sql = ranges
    .map(([lo, hi], i) => {
      params[`lo${i}`] = lo;
      params[`hi${i}`] = hi;
      return `(${alias}.day >= :lo${i} AND ${alias}.day < :hi${i})`;
    })
    .join(' OR ');
  return [`(${sql})`, params];
}

/** One counter added up over whole days, for one department or for all of them (city rows left out). */
export async function sumCounter(
  m: EntityManager,
  counter: Counter,
  departmentCode: string | undefined,
  days: { first: string | null; end: string | null },
): Promise<number> {
  const qb = m.createQueryBuilder(StatsDay, 'd').select(`SUM(d.${counter})`, 'n');
  if (departmentCode) qb.where('d.departmentCode = :code', { code: departmentCode });
  else qb.where('d.departmentCode <> :city', { city: CITY });
  qb.andWhere(...counterRangesWhere('d', days));
  const row = await qb.getRawOne<{ n: unknown }>();
  return Number(row?.n ?? 0);
}

/** What a period leaves outside its whole days: at most a part of a day at each end. */
export function partialDays(
  p: { from: Date | null; to: Date | null },
  days: { first: string | null; end: string | null },
): { from: Date | null; to: Date | null }[] {
  const edges: { from: Date | null; to: Date | null }[] = [];
  if (p.from && days.first && p.from < startOfShanghaiDay(days.first)) edges.push({ from: p.from, to: startOfShanghaiDay(days.first) });
  if (p.to && days.end && startOfShanghaiDay(days.end) < p.to) edges.push({ from: startOfShanghaiDay(days.end), to: p.to });
  return edges;
}

/**
 * Recounts every counter from the raw rows (for data written around the services, such as the
 * bench generator's bulk load; the Stats migration runs the same SQL once). Inside the caller's
 * transaction if it has one.
 */
export async function rebuildStats(m: EntityManager): Promise<void> {
  for (const sql of rebuildStatsSql(dbKind(m.connection))) await m.query(sql);
}

/** The statements of rebuildStats, for one kind of database. */
export function rebuildStatsSql(kind: 'mysql' | 'sqlite'): string[] {
  const day = (col: string) =>
    kind === 'mysql' ? `DATE_FORMAT(${col} + INTERVAL 8 HOUR, '%Y-%m-%d')` : `strftime('%Y-%m-%d', ${col}, '+8 hours')`;
  const upsert = (select: string, set: Counter[]) =>
    `INSERT INTO ${q('stats_daily')} (${q('day')}, ${q('departmentCode')}, ${q('shard')}, ${set.map(q).join(', ')}) ${select} ` +
    (kind === 'mysql'
      ? `ON DUPLICATE KEY UPDATE ${set.map((c) => `${q(c)} = ${q(c)} + VALUES(${q(c)})`).join(', ')}`
      : `ON CONFLICT (${q('day')}, ${q('departmentCode')}, ${q('shard')}) DO UPDATE SET ${set.map((c) => `${q(c)} = ${q(c)} + excluded.${q(c)}`).join(', ')}`);
  const parts = `(SELECT ${q('codeNo')}, COUNT(*) AS n FROM ${q('inspection_departments')} GROUP BY ${q('codeNo')})`;
  const live = 'CASE WHEN i.`revokedAt` IS NULL THEN 1 ELSE 0 END';
  const liveJoint = 'CASE WHEN i.`revokedAt` IS NULL AND n.n > 1 THEN 1 ELSE 0 END';
  const yes = (col: string) => `SUM(CASE WHEN ${col} THEN 1 ELSE 0 END)`;
  const month = kind === 'mysql' ? `CONCAT('M', LEFT(${q('day')}, 7))` : `'M' || substr(${q('day')}, 1, 7)`;
  return [
    `DELETE FROM ${q('stats_daily')}`,
    upsert(
      `SELECT ${day('i.`issuedAt`')}, '', 0, COUNT(*), ${`SUM(CASE WHEN i.\`revokedAt\` IS NULL THEN 0 ELSE 1 END)`}, SUM(${live}), SUM(${liveJoint})
       FROM ${q('inspections')} i JOIN ${parts} n ON n.${q('codeNo')} = i.${q('codeNo')} WHERE 1 = 1 GROUP BY ${day('i.`issuedAt`')}`,
      ['codesIssued', 'revokedCodes', 'inspections', 'jointInspections'],
    ),
    upsert(
      `SELECT ${day('i.`issuedAt`')}, p.${q('departmentCode')}, 0, SUM(${live}), SUM(${liveJoint})
       FROM ${q('inspection_departments')} p JOIN ${q('inspections')} i ON i.${q('codeNo')} = p.${q('codeNo')} JOIN ${parts} n ON n.${q('codeNo')} = p.${q('codeNo')}
       WHERE 1 = 1 GROUP BY ${day('i.`issuedAt`')}, p.${q('departmentCode')}`,
      ['inspections', 'jointInspections'],
    ),
    upsert(
      `SELECT ${day('r.`ratedAt`')}, r.${q('departmentCode')}, 0, COUNT(*), ${yes('r.`recognised`')}
       FROM ${q('ratings')} r WHERE 1 = 1 GROUP BY ${day('r.`ratedAt`')}, r.${q('departmentCode')}`,
      ['ratings', 'recognised'],
    ),
    upsert(
      `SELECT ${day('c.`createdAt`')}, c.${q('departmentCode')}, 0, COUNT(*), ${yes('c.`notRecognised`')}, ${yes('c.`repeated`')}, ${yes('c.`inaction`')}, ${yes('c.`abusive`')},
         ${yes("c.`status` = 'resolved'")}, ${yes("c.`status` = 'dismissed'")}
       FROM ${q('complaints')} c WHERE 1 = 1 GROUP BY ${day('c.`createdAt`')}, c.${q('departmentCode')}`,
      ['complaints', 'notRecognised', 'repeated', 'inaction', 'abusive', 'resolved', 'dismissed'],
    ),
    upsert(
      `SELECT ${day('f.`createdAt`')}, f.${q('departmentCode')}, 0, COUNT(*)
       FROM ${q('issuance_flags')} f WHERE 1 = 1 GROUP BY ${day('f.`createdAt`')}, f.${q('departmentCode')}`,
      ['flags'],
    ),
    // Each month's rows: the sums of its days.
    `INSERT INTO ${q('stats_daily')} (${q('day')}, ${q('departmentCode')}, ${q('shard')}, ${COUNTERS.map(q).join(', ')})
     SELECT ${month}, ${q('departmentCode')}, 0, ${COUNTERS.map((c) => `SUM(${q(c)})`).join(', ')} FROM ${q('stats_daily')}
     WHERE ${q('day')} < 'M' GROUP BY ${month}, ${q('departmentCode')}`,
  ];
}
