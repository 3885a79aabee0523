/**
 * Fills a MariaDB database with a year of realistic data at city (or national) scale, through the
 * product's real schema (the server's own migrations), for the query benchmarks (queries.ts).
 *
 *   node --import tsx tests/bench/generate.ts [mysql://root@127.0.0.1:3306/test] \
 *     [--ratings 10000000] [--inspections 1000000] [--days 365] [--departments 50] \
 *     [--enterprises N] [--database ic_scale_10000000] [--replace] [--seed 7] \
 *     [--load insert] [--keep-indexes]
 *
 * The URL (or BENCH_MYSQL_URL) names the server; the data goes to its own scratch database,
 * `ic_scale_<ratings>` unless --database names one. It refuses to touch an existing database
 * unless --replace is given, and drops what it made if it fails. Drop it when done:
 * `DROP DATABASE ic_scale_…`.
 *
 * What it writes, in time order over the last `--days` Asia/Shanghai days:
 * - ~50 departments (municipal bureaux and district ones), their officers (~3 % inactive) and
 *   items, quarterly plans listing the enterprises inspected under them;
 * - enterprises with valid 统一社会信用代码 (withCheckCharacters), one bound user each;
 * - inspections issued in office hours, fewer at weekends and on public holidays: ~60 % planned,
 *   ~35 % triggered, ~5 % emergency; ~18 % joint (2–4 departments of the same district or the
 *   city); ~1.5 % revoked; a few busy enterprises get far more than the quiet many; the `record`
 *   JSON (names as issued), a QR content of real length (placeholder signature: these codes do
 *   not verify), parts with two or three officers and one to three items, completions;
 * - issuance flags as the rules raise them (enterprise-wide frequency per day/week/month, late
 *   emergency codes, justified waivers);
 * - ratings of ~92 % of completed parts, minutes to days after completion (~93.5 % recognised);
 *   a complaint for each rating not recognised or flagging an issue, with its handling deadline
 *   from the server's own working-day calendar and a status by age (recent ones open, old ones
 *   mostly closed, ~4 % overdue), its history and the audit log entries the server writes;
 * - the daily statistics counters (stats_daily) and the audit log's monthly counts (audit_counts),
 *   recounted from those rows as the migration does.
 * Ratings, complaints, their history and the audit log come out in time order (ids rise with
 * time), through a heap of what is due, as a live system writes them.
 *
 * One rating per department per inspection (the unique index uq_ratings_department): N ratings
 * need about N / 1.08 inspections. When --ratings asks for more than --inspections can carry,
 * the number of inspections is raised (and said so): 10 M ratings means ~9.5 M inspections.
 *
 * Every row is generated here (deterministic for a seed and an end time) and sent in batches of
 * ~1 MB through LOAD DATA LOCAL INFILE (--load insert: multi-row INSERTs), four connections in
 * parallel; secondary indexes are dropped while loading and rebuilt by sorting at the end (the
 * table definitions are checked to be the migrated ones afterwards).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { createConnection, type Connection } from 'mysql2/promise';
import { loadConfig } from '@inspection-code/config';
import { KIND_LETTER, withCheckCharacters } from '@inspection-code/shared';
import { openDatabase } from '../../server/src/db/dataSource.js';
import { addDays, handlingDeadline, shanghaiDate, startOfShanghaiDay, workdayCalendar } from '../../server/src/supervision/calendar.js';
import { rebuildAuditCountsSql } from '../../server/src/supervision/audit.service.js';
import { rebuildStatsSql } from '../../server/src/supervision/statsCounters.js';

export interface GenerateOptions {
  /** mysql://… of the server; the database part is replaced by `database`. */
  url: string;
  database?: string;
  replace?: boolean;
  ratings: number;
  inspections: number;
  days: number;
  departments: number;
  enterprises?: number;
  seed: number;
  /** Progress bars on stderr (default: yes). */
  progress?: boolean;
  /** The end of the generated period (default: now). */
  now?: Date;
  /** LOAD DATA LOCAL INFILE (default) or multi-row INSERTs for the rows generated here. */
  load?: LoadMode;
  /** Drop secondary indexes while loading and build them at the end (default: yes). */
  deferIndexes?: boolean;
}

export interface GenerateResult {
  databaseUrl: string;
  database: string;
  counts: Record<string, number>;
  seconds: number;
  phases: { phase: string; rows: number; seconds: number }[];
  note: string[];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------- deterministic randomness

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- reference data

const DISTRICTS: { abbr: string; name: string; division: string; size: number }[] = [
  { abbr: 'PD', name: '浦东新区', division: '310115', size: 2.5 },
  { abbr: 'MH', name: '闵行区', division: '310112', size: 1.6 },
  { abbr: 'HP', name: '黄浦区', division: '310101', size: 1.0 },
  { abbr: 'XH', name: '徐汇区', division: '310104', size: 1.1 },
  { abbr: 'JA', name: '静安区', division: '310106', size: 1.1 },
  { abbr: 'CN', name: '长宁区', division: '310105', size: 0.9 },
  { abbr: 'PT', name: '普陀区', division: '310107', size: 0.9 },
  { abbr: 'HK', name: '虹口区', division: '310109', size: 0.8 },
  { abbr: 'YP', name: '杨浦区', division: '310110', size: 1.0 },
  { abbr: 'BS', name: '宝山区', division: '310113', size: 1.3 },
  { abbr: 'JD', name: '嘉定区', division: '310114', size: 1.3 },
  { abbr: 'SJ', name: '松江区', division: '310117', size: 1.3 },
  { abbr: 'QP', name: '青浦区', division: '310118', size: 1.0 },
  { abbr: 'FX', name: '奉贤区', division: '310120', size: 1.0 },
  { abbr: 'JS', name: '金山区', division: '310116', size: 0.7 },
  { abbr: 'CM', name: '崇明区', division: '310151', size: 0.6 },
];

const ITEM_NAMES: Record<string, string[]> = {
  SC: [
    '食品经营安全检查',
    '特种设备使用安全检查',
    '产品质量监督检查',
    '价格行为检查',
    '广告发布检查',
    '计量器具检查',
    '药品零售检查',
    '医疗器械经营检查',
    '化妆品经营检查',
    '网络交易检查',
    '食品生产许可检查',
    '标准化检查',
  ],
  YJ: [
    '安全生产责任制落实检查',
    '危险化学品安全检查',
    '有限空间作业检查',
    '粉尘防爆检查',
    '应急预案演练检查',
    '工贸企业安全检查',
    '烟花爆竹经营检查',
  ],
  ST: [
    '排污许可执行检查',
    '危险废物管理检查',
    '扬尘污染防治检查',
    '噪声污染防治检查',
    '挥发性有机物治理检查',
    '环评三同时检查',
    '在线监测设施检查',
  ],
  WJ: ['公共场所卫生检查', '生活饮用水卫生检查', '医疗机构执业检查', '职业病防治检查', '放射诊疗检查', '消毒产品检查'],
  XF: ['消防设施器材检查', '疏散通道安全出口检查', '消防安全管理制度检查', '电气火灾隐患检查', '高层建筑消防检查'],
  ZJ: ['建筑施工安全检查', '物业服务质量检查', '燃气使用安全检查', '房地产经纪检查', '建材质量检查'],
  JT: ['道路运输安全检查', '出租汽车经营检查', '网约车平台检查', '停车场经营检查', '港口作业安全检查'],
  WL: ['娱乐场所检查', '旅行社经营检查', '网吧经营检查', '演出场所检查', 'A级景区检查'],
};

const MUNICIPAL: { code: string; name: string; type: string; weight: number }[] = [
  { code: 'SHSC', name: '上海市市场监督管理局', type: 'SC', weight: 1.0 },
  { code: 'SHYJ', name: '上海市应急管理局', type: 'YJ', weight: 0.6 },
  { code: 'SHST', name: '上海市生态环境局', type: 'ST', weight: 0.6 },
  { code: 'SHWJ', name: '上海市卫生健康委员会', type: 'WJ', weight: 1.2 },
  { code: 'SHXF', name: '上海市消防救援总队', type: 'XF', weight: 1.6 },
  { code: 'SHZJ', name: '上海市住房和城乡建设管理委员会', type: 'ZJ', weight: 0.9 },
  { code: 'SHJT', name: '上海市交通委员会', type: 'JT', weight: 0.7 },
  { code: 'SHWL', name: '上海市文化和旅游局', type: 'WL', weight: 0.5 },
];
const DISTRICT_TYPES: { type: string; name: string; weight: number }[] = [
  { type: 'SC', name: '市场监督管理局', weight: 3.0 },
  { type: 'YJ', name: '应急管理局', weight: 1.5 },
  { type: 'ST', name: '生态环境局', weight: 1.2 },
];

interface Dept {
  n: number;
  code: string;
  name: string;
  type: string;
  district: string | null;
  weight: number;
  officers: { certNo: string; name: string; active: boolean }[];
  active: { certNo: string; name: string }[];
  items: { code: string; name: string }[];
}

export function departmentList(count: number): Omit<Dept, 'officers' | 'active' | 'items'>[] {
  const all: Omit<Dept, 'officers' | 'active' | 'items'>[] = MUNICIPAL.map((m) => ({
    n: 0,
    code: m.code,
    name: m.name,
    type: m.type,
    district: null,
    weight: m.weight,
  }));
  for (const t of DISTRICT_TYPES)
    for (const d of DISTRICTS)
      all.push({
        n: 0,
        code: `${d.abbr}${t.type}`,
        name: `上海市${d.name}${t.name}`,
        type: t.type,
        district: d.abbr,
        weight: t.weight * d.size,
      });
  return all.slice(0, Math.max(2, Math.min(count, all.length))).map((d, i) => ({ ...d, n: i + 1 }));
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万钱严覃武戴莫孔汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华建文辉玲红萍鹏斌宇浩凯晨思雨佳琪欣怡梓涵子轩浩然一诺嘉怡俊杰志强海燕振宇慧敏雅琴晓峰立群国栋明轩丽萍静怡',
];
const BRAND = [
  ...'鑫盛华泰源达丰瑞祥恒宏信诚嘉和顺福兴隆昌德佳美新宝安康利联创华润中天星辰正大金海汇通远航博雅天成永兴同济东方浦江申城沪上明珠锦绣',
];
const INDUSTRY = [
  '餐饮管理',
  '贸易',
  '科技',
  '建筑工程',
  '物流',
  '食品',
  '医药',
  '化工',
  '物业管理',
  '酒店管理',
  '文化传媒',
  '机电设备',
  '汽车服务',
  '电子商务',
  '环保科技',
  '商业管理',
  '实业',
  '供应链管理',
  '健康管理',
  '教育科技',
];
const SHOP = ['小吃店', '便利店', '面馆', '水果店', '理发店', '五金店', '药房', '烟酒店', '早餐店', '生鲜店', '洗衣店', '快餐店'];

const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length) % xs.length]!;
const personName = (r: () => number) => pick(SURNAMES, r()) + pick(GIVEN, r()) + (r() < 0.6 ? pick(GIVEN, r()) : '');

/** Position 9-16 alphabet of the credit code: digits and A-Y without I, O, S, V, Z. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The n-th enterprise's credit code: deterministic, distinct for every n < 31^6, always valid. */
export function creditCodeOf(n: number): {
  creditCode: string;
  kind: 'legal_person' | 'individual_business' | 'unincorporated';
  district: (typeof DISTRICTS)[number];
} {
  const district = DISTRICTS[n % DISTRICTS.length]!;
  let x = (n * 7919 + 104729) % 887_503_681; // 31^6, a bijection since 7919 is prime and not 31
  let body = '';
  for (let i = 0; i < 6; i++) {
    body = CODE_ALPHABET[x % 31] + body;
    x = Math.floor(x / 31);
  }
  const h = (n * 2654435761) % 100;
  const [prefix, kind] =
    h < 78 ? ['91', 'legal_person' as const] : h < 99 ? ['92', 'individual_business' as const] : ['93', 'unincorporated' as const];
  return { creditCode: withCheckCharacters(`${prefix}${district.division}MA${body}`), kind, district };
}

/** The id of the user bound to an enterprise: a UUID derived from the credit code. */
export function userIdOf(creditCode: string): string {
  const h = createHash('md5').update(creditCode).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
// ---------------------------------------------------------------- SQL text

const esc = (s: string) => (/[\\'\n\r]/.test(s) ? s.replace(/[\\'\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`)) : s);
type Cell = string | number | boolean | null;
const sqlValue = (v: Cell) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? '1' : '0') : `'${esc(v)}'`;
/** DATETIME(3) literal text of an instant, in UTC (the server's connections use timezone 'Z'). */
const dt = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/** TSV field for LOAD DATA: \N for NULL, backslash escapes for the separators. */
const tsvValue = (v: Cell) =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : typeof v === 'boolean'
        ? v
          ? '1'
          : '0'
        : /[\\\t\n\r]/.test(v)
          ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'))
          : v;

/** How rows are sent: multi-row INSERT statements, or LOAD DATA LOCAL INFILE of the same batch as TSV (no SQL parsing). */
export type LoadMode = 'insert' | 'load';

/**
 * Buffers rows of one table and sends them in batches of ~`maxBytes`, one batch in flight at a
 * time (the next one is built meanwhile), committing every few batches.
 */
class Inserter {
  private rows: string[] = [];
  private bytes = 0;
  private inflight: Promise<unknown> = Promise.resolve();
  private statements = 0;
  inserted = 0;
  constructor(
    private readonly conn: Connection,
    private readonly table: string,
    private readonly columns: string[],
    private readonly onRows: (n: number) => void = () => undefined,
    private readonly mode: LoadMode = 'insert',
    private readonly maxBytes = 1024 * 1024,
  ) {}
  async add(values: Cell[]) {
    const row = this.mode === 'load' ? values.map(tsvValue).join('\t') : `(${values.map(sqlValue).join(',')})`;
    this.rows.push(row);
    this.bytes += row.length * 2;
    if (this.bytes >= this.maxBytes) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.bytes = 0;
    const query =
      this.mode === 'load'
        ? {
            sql: `LOAD DATA LOCAL INFILE 'batch.tsv' INTO TABLE ${this.table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${this.columns.join(',')})`,
            infileStreamFactory: () => Readable.from([Buffer.from(`${rows.join('\n')}\n`)]),
          }
        : { sql: `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${rows.join(',')}` };
    await this.inflight;
    const n = rows.length;
    // Commit every few batches: one fsync per ~5 MB, not per batch.
    const commit = ++this.statements % 5 === 0;
    this.inflight = this.conn.query(query).then(async ([result]) => {
      const { affectedRows, warningStatus } = result as { affectedRows?: number; warningStatus?: number };
      if (affectedRows !== n || warningStatus) {
        const [warnings] = await this.conn.query('SHOW WARNINGS LIMIT 3');
        throw new Error(`${this.table}: ${affectedRows} of ${n} rows stored, ${warningStatus} warning(s): ${JSON.stringify(warnings)}`);
      }
      this.inserted += n;
      this.onRows(n);
      if (commit) await this.conn.query('COMMIT');
    });
  }
  async done() {
    await this.flush();
    await this.inflight;
    await this.conn.query('COMMIT');
  }
}

interface DeferredIndexes {
  table: string;
  createTable: string;
  /** The index clauses of SHOW CREATE TABLE, in order: "KEY `idx` (`a`,`b`)", "UNIQUE KEY …". */
  indexes: { name: string; clause: string }[];
}

const withoutAutoIncrement = (ddl: string) => ddl.replace(/ AUTO_INCREMENT=\d+/, '');

/**
 * Bulk loading: drops a table's secondary indexes (remembering their exact definitions) so rows
 * append to the clustered index only; restoreIndexes builds them afterwards by sorting, far faster
 * than inserting into them row by row once they outgrow the buffer pool. The table's definition
 * afterwards is checked to be the migrated one, byte for byte.
 */
async function deferIndexes(conn: Connection, table: string): Promise<DeferredIndexes> {
  const [[ddl]] = (await conn.query(`SHOW CREATE TABLE ${table}`)) as unknown as [[{ 'Create Table': string }]];
  const createTable = withoutAutoIncrement(ddl['Create Table']);
  const indexes = [...createTable.matchAll(/^\s+((?:UNIQUE )?KEY `([^`]+)` \(.*\))(?: USING BTREE)?,?$/gm)].map((m) => ({
    name: m[2]!,
    clause: m[1]!,
  }));
  if (indexes.length) await conn.query(`ALTER TABLE ${table} ${indexes.map((i) => `DROP INDEX \`${i.name}\``).join(', ')}`);
  return { table, createTable, indexes };
}

async function restoreIndexes(conn: Connection, d: DeferredIndexes): Promise<void> {
  if (d.indexes.length) await conn.query(`ALTER TABLE ${d.table} ${d.indexes.map((i) => `ADD ${i.clause}`).join(', ')}`);
  const [[ddl]] = (await conn.query(`SHOW CREATE TABLE ${d.table}`)) as unknown as [[{ 'Create Table': string }]];
  if (withoutAutoIncrement(ddl['Create Table']) !== d.createTable)
    throw new Error(`${d.table}: schema differs after rebuilding its indexes:\n${ddl['Create Table']}\n---\n${d.createTable}`);
}

async function loaderConnection(url: string): Promise<Connection> {
  const conn = await createConnection({ uri: url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  await conn.query('SET SESSION autocommit = 0, unique_checks = 0, foreign_key_checks = 0');
  return conn;
}

// ---------------------------------------------------------------- progress

class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private started = 0;
  private value = 0;
  readonly phases: { phase: string; rows: number; seconds: number }[] = [];
  constructor(private readonly enabled: boolean) {}
  start(phase: string, total: number) {
    this.started = performance.now();
    this.value = 0;
    if (!this.enabled || total === 0) {
      console.error(total ? `${phase}: ${total.toLocaleString('en')} rows…` : `${phase}…`);
      return;
    }
    this.bar = new cliProgress.SingleBar(
      {
        format: `${phase.padEnd(26)} [{bar}] {percentage}% | {value}/{total} | {rate} rows/s | ETA {eta_formatted}`,
        barsize: 24,
        hideCursor: true,
        etaBuffer: 50,
        noTTYOutput: !process.stderr.isTTY,
        notTTYSchedule: 15_000,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { rate: 0 });
  }
  add(n: number) {
    this.value += n;
    const s = (performance.now() - this.started) / 1000;
    this.bar?.update(this.value, { rate: s > 0 ? Math.round(this.value / s) : 0 });
  }
  stop(phase: string, rows = this.value) {
    const seconds = (performance.now() - this.started) / 1000;
    if (this.bar) {
      this.bar.update(this.value);
      this.bar.stop();
      this.bar = null;
    }
    this.phases.push({ phase, rows, seconds });
    console.error(
      `  ${phase}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)`,
    );
  }
}

// ---------------------------------------------------------------- the generator

export async function generate(o: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  const note: string[] = [];
  const now = (o.now ?? new Date()).getTime();
  const rand = mulberry32(o.seed);
  const progress = new Progress(o.progress ?? true);

  // One rating per part: completed parts ≈ 0.94 of parts, rated ≈ 0.92 of those, 1.22 parts an inspection.
  const PARTS_PER_INSPECTION = 1.22;
  const RATEABLE = 0.94 * 0.92;
  const needed = Math.ceil(o.ratings / (PARTS_PER_INSPECTION * RATEABLE));
  const inspections = Math.max(o.inspections, needed);
  if (inspections > o.inspections && o.inspections > 0)
    note.push(
      `${o.ratings.toLocaleString('en')} ratings need ~${needed.toLocaleString('en')} inspections (one rating per department part, ${PARTS_PER_INSPECTION} parts an inspection): --inspections raised from ${o.inspections.toLocaleString('en')}`,
    );
  const enterpriseCount = o.enterprises ?? Math.max(200, Math.round(inspections / 4));

  const database = o.database ?? `ic_scale_${o.ratings}`;
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`bad database name ${database}`);
  const databaseUrl = o.url.replace(/\/[^/?]*(\?.*)?$/, `/${database}`);
  const admin = await createConnection(o.url);
  const [existing] = (await admin.query('SHOW DATABASES LIKE ?', [database])) as unknown as [unknown[]];
  if (existing.length) {
    if (!o.replace) {
      await admin.end();
      throw new Error(`database ${database} exists; pass --replace to overwrite it, or --database to name another`);
    }
    await admin.query(`DROP DATABASE \`${database}\``);
  }
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  for (const n of note) console.error(`note: ${n}`);
  console.error(
    `generating into ${database}: ${inspections.toLocaleString('en')} inspections, ~${o.ratings.toLocaleString('en')} ratings, ${enterpriseCount.toLocaleString('en')} enterprises, ${o.days} days`,
  );

  try {
    const counts = await fill(o, { databaseUrl, now, rand, progress, note, inspections, enterpriseCount });
    const seconds = (performance.now() - t0) / 1000;
    return { databaseUrl, database, counts, seconds, phases: progress.phases, note };
  } catch (err) {
    // Leave nothing half-made behind.
    const conn = await createConnection(o.url);
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
    throw err;
  }
}

/** A binary min-heap by (at, seq): ratings and complaint events come out in time order, as a live system writes them. */
class TimeHeap<T extends { at: number; seq: number }> {
  private items: T[] = [];
  get size() {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  private less(a: T, b: T) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  push(item: T) {
    const h = this.items;
    h.push(item);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  pop(): T {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

interface PendingRating {
  at: number;
  seq: number;
  codeNo: string;
  departmentCode: string;
  enterprise: number;
  itemCode: string;
}

interface PendingEvent {
  at: number;
  seq: number;
  complaintId: number;
  action: 'open' | 'accept' | 'resolve' | 'dismiss';
  actorRole: string;
  actor: string;
  note: string | null;
  detail: string;
}

const REASONS = ['群众投诉举报', '12345热线转办', '上级部门交办', '抽检不合格线索', '舆情监测发现', '风险监测预警', '其他部门移送'];
const SUMMARIES = [
  '现场检查未发现问题',
  '现场检查未发现问题',
  '现场检查未发现问题',
  '现场检查未发现问题',
  '发现一般问题，已当场责令整改',
  '发现问题，已责令限期整改',
  '发现违法线索，已立案调查',
];
const JUSTIFICATIONS = [
  '专业性强，无法与其他部门协同',
  '时间紧迫，来不及协调联合检查',
  '上级督办，需单独开展',
  '前次检查发现问题，需复查整改情况',
];
const REVOKE_REASONS = ['企业已注销', '检查计划调整', '申领信息有误', '线索经核实不成立'];
const COMMENTS_BAD = [
  '检查人员态度生硬',
  '同一事项本月已检查过',
  '检查时间过长影响经营',
  '未出示执法证件',
  '检查结论与事实不符',
  '要求提供的材料过多',
];
const COMMENTS_GOOD = ['检查人员专业细致', '指导很有帮助', '效率高，不影响经营'];
const SUPERVISORS = ['sup-zhangwei', 'sup-lina', 'sup-wangfang', 'sup-liuyang', 'sup-chenjing'];
const RESOLVE_NOTES = ['已约谈执法人员并督促整改', '经核查情况属实，已责令部门改进', '已向企业反馈处理结果'];
const DISMISS_NOTES = ['经核查检查程序合法合规', '企业反映情况与事实不符', '属于正常监管检查'];
const ACCEPT_NOTE = '已受理，转部门核查';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

async function fill(
  o: GenerateOptions,
  {
    databaseUrl,
    now,
    rand,
    progress,
    note,
    inspections,
    enterpriseCount,
  }: {
    databaseUrl: string;
    now: number;
    rand: () => number;
    progress: Progress;
    note: string[];
    inspections: number;
    enterpriseCount: number;
  },
): Promise<Record<string, number>> {
  // The real schema: the server's migrations, exactly as a server process applies them.
  const config = loadConfig({ DATABASE_URL: databaseUrl, SEED_DEMO: '0' });
  const ds = await openDatabase(config.database);
  await ds.destroy();

  const conns = await Promise.all([0, 1, 2, 3].map(() => loaderConnection(databaseUrl)));
  const [c1, c2, c3, c4] = conns as [Connection, Connection, Connection, Connection];
  const counts: Record<string, number> = {};
  const mode = o.load ?? 'load';
  try {
    const deferred: DeferredIndexes[] = [];
    if (o.deferIndexes ?? true)
      for (const table of [
        'users',
        'inspections',
        'inspection_departments',
        'issuance_flags',
        'ratings',
        'complaints',
        'complaint_events',
        'audit_log',
      ])
        deferred.push(await deferIndexes(c1, table));

    // ------------------------------------------------------------ reference data
    progress.start('departments, officers, items', 0);
    const depts: Dept[] = departmentList(o.departments).map((d) => ({ ...d, officers: [], active: [], items: [] }));
    const deptIns = new Inserter(c1, 'departments', ['code', 'name'], undefined, mode);
    const offIns = new Inserter(c2, 'officers', ['certNo', 'name', 'departmentCode', 'active'], undefined, mode);
    const itemIns = new Inserter(c3, 'items', ['code', 'name', 'departmentCode'], undefined, mode);
    for (const d of depts) {
      await deptIns.add([d.code, d.name]);
      const officers = Math.max(6, Math.round(d.weight * 24));
      for (let k = 1; k <= officers; k++) {
        const off = {
          certNo: `310${String(d.n).padStart(2, '0')}00${String(k).padStart(4, '0')}`,
          name: personName(rand),
          active: rand() > 0.03,
        };
        d.officers.push(off);
        if (off.active) d.active.push(off);
        await offIns.add([off.certNo, off.name, d.code, off.active]);
      }
      const names = ITEM_NAMES[d.type]!;
      for (let k = 0; k < names.length; k++) {
        const item = { code: `${d.code}-${String(k + 1).padStart(3, '0')}`, name: names[k]! };
        d.items.push(item);
        await itemIns.add([item.code, item.name, d.code]);
      }
    }
    await Promise.all([deptIns.done(), offIns.done(), itemIns.done()]);
    counts.departments = depts.length;
    counts.officers = offIns.inserted;
    counts.items = itemIns.inserted;
    progress.stop('departments, officers, items', depts.length + offIns.inserted + itemIns.inserted);

    const totalWeight = depts.reduce((sum, d) => sum + d.weight, 0);
    const cumulative: number[] = [];
    depts.reduce((sum, d) => (cumulative.push((sum + d.weight) / totalWeight), sum + d.weight), 0);
    const pickDept = (r: number) =>
      depts[
        Math.min(
          cumulative.findIndex((c) => r < c),
          depts.length - 1,
        )
      ] ?? depts[0]!;
    const jointPool = new Map(depts.map((d) => [d, depts.filter((x) => x !== d && (x.district === d.district || x.district === null))]));

    // ------------------------------------------------------------ enterprises and their users
    progress.start('enterprises, users', enterpriseCount * 2);
    const entIns = new Inserter(c1, 'enterprises', ['creditCode', 'name', 'kind', 'creditGrade'], (n) => progress.add(n), mode);
    const userIns = new Inserter(
      c2,
      'users',
      ['id', 'openId', 'enterpriseCreditCode', 'boundAt', 'createdAt'],
      (n) => progress.add(n),
      mode,
    );
    const enterprises: { creditCode: string; name: string; userId: string; kind: string }[] = new Array(enterpriseCount);
    const start = now - o.days * DAY;
    for (let n = 0; n < enterpriseCount; n++) {
      const { creditCode, kind, district } = creditCodeOf(n);
      const brand = pick(BRAND, rand()) + pick(BRAND, rand());
      const name =
        kind === 'individual_business'
          ? `${district.name}${brand}${pick(SHOP, rand())}`
          : kind === 'unincorporated'
            ? `上海${brand}农民专业合作社`
            : `上海${brand}${pick(INDUSTRY, rand())}有限公司`;
      enterprises[n] = { creditCode, name, userId: userIdOf(creditCode), kind };
    }
    // In key order: appending to the primary key, not inserting all over a B-tree bigger than the buffer pool.
    const byKey = <K extends 'creditCode' | 'userId'>(key: K) =>
      [...enterprises].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
    for (const e of byKey('creditCode')) {
      const g = rand();
      await entIns.add([e.creditCode, e.name, e.kind, g < 0.3 ? 'A' : g < 0.85 ? 'B' : g < 0.97 ? 'C' : 'D']);
    }
    for (const e of byKey('userId')) {
      const bound = start - Math.floor(rand() * 400 * DAY);
      await userIns.add([
        e.userId,
        `o${createHash('sha1').update(e.creditCode).digest('base64url').slice(0, 27)}`,
        e.creditCode,
        dt(bound),
        dt(bound - 600_000),
      ]);
    }
    await Promise.all([entIns.done(), userIns.done()]);
    counts.enterprises = entIns.inserted;
    counts.users = userIns.inserted;
    progress.stop('enterprises, users');

    // ------------------------------------------------------------ a year, in time order
    const isWorkday = workdayCalendar(config.complaints);
    const firstDay = shanghaiDate(new Date(start));
    const days: { date: string; start: number; weight: number }[] = [];
    for (let date = addDays(firstDay, 1); startOfShanghaiDay(date).getTime() <= now; date = addDays(date, 1)) {
      const dayStart = startOfShanghaiDay(date).getTime();
      // Office hours 08:30–18:00; today only as far as now.
      const openMs = Math.max(0, Math.min(now, dayStart + 18 * HOUR) - (dayStart + 8.5 * HOUR));
      const weekend = [0, 6].includes(new Date(dayStart + 8 * HOUR).getUTCDay());
      days.push({ date, start: dayStart, weight: (isWorkday(date) ? 1 : weekend ? 0.2 : 0.15) * (openMs / (9.5 * HOUR)) });
    }
    const dayWeight = days.reduce((sum, d) => sum + d.weight, 0);
    const deadlines = new Map<string, number>();
    const deadlineOf = (at: number) => {
      const date = shanghaiDate(new Date(at));
      let d = deadlines.get(date);
      if (d === undefined)
        deadlines.set(date, (d = handlingDeadline(new Date(at), config.complaints.deadlineWorkingDays, isWorkday).getTime()));
      return d;
    };

    const KID = 'kBENCH0000';
    const onInspection = (n: number) => progress.add(n);
    const inspIns = new Inserter(
      c1,
      'inspections',
      [
        'codeNo',
        'kind',
        'enterpriseCreditCode',
        'planNo',
        'reason',
        'clueRef',
        'startedAt',
        'justification',
        'validFrom',
        'validTo',
        'issuingDepartmentCode',
        'issuedBy',
        'issuedAt',
        'kid',
        'qrContent',
        'record',
        'checkedInAt',
        'revokedAt',
        'revokeReason',
        'revokedBy',
      ],
      onInspection,
      mode,
    );
    const partIns = new Inserter(
      c2,
      'inspection_departments',
      ['id', 'codeNo', 'departmentCode', 'officerCertNos', 'itemCodes', 'completedAt', 'completedBy', 'summary'],
      undefined,
      mode,
    );
    const flagIns = new Inserter(
      c2,
      'issuance_flags',
      ['id', 'kind', 'codeNo', 'departmentCode', 'enterpriseCreditCode', 'detail', 'createdAt'],
      undefined,
      mode,
    );
    const ratingIns = new Inserter(
      c3,
      'ratings',
      [
        'id',
        'codeNo',
        'departmentCode',
        'enterpriseCreditCode',
        'recognised',
        'disputedItemCodes',
        'repeated',
        'inaction',
        'abusive',
        'comment',
        'ratedBy',
        'ratedAt',
      ],
      undefined,
      mode,
    );
    const complaintIns = new Inserter(
      c3,
      'complaints',
      [
        'id',
        'ratingId',
        'codeNo',
        'departmentCode',
        'enterpriseCreditCode',
        'notRecognised',
        'repeated',
        'inaction',
        'abusive',
        'status',
        'createdAt',
        'deadline',
        'closedAt',
        'updatedAt',
      ],
      undefined,
      mode,
    );
    const eventIns = new Inserter(
      c4,
      'complaint_events',
      ['id', 'complaintId', 'action', 'fromStatus', 'toStatus', 'note', 'actorRole', 'actor', 'at'],
      undefined,
      mode,
    );
    const auditIns = new Inserter(
      c4,
      'audit_log',
      ['id', 'at', 'actorRole', 'actor', 'action', 'targetType', 'targetId', 'detail'],
      undefined,
      mode,
    );
    const ids = { part: 0, flag: 0, rating: 0, complaint: 0, event: 0, audit: 0, seq: 0 };

    const plans = new Map<string, { dept: Dept; from: number; to: number; enterprises: Set<number> }[]>();
    const PLAN_MAX_ENTERPRISES = 2500;
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    // One rating per completed part for this share of them (the rest never rate).
    const share = Math.min(0.97, o.ratings / (inspections * 1.22 * 0.94));
    const ratings = new TimeHeap<PendingRating>();
    const events = new TimeHeap<PendingEvent>();

    const emitEvent = async (e: PendingEvent) => {
      const at = dt(e.at);
      const from = e.action === 'open' ? null : e.action === 'accept' ? 'open' : 'accepted';
      const to = e.action === 'open' ? 'open' : e.action === 'accept' ? 'accepted' : e.action === 'resolve' ? 'resolved' : 'dismissed';
      await eventIns.add([++ids.event, e.complaintId, e.action, from, to, e.note, e.actorRole, e.actor, at]);
      await auditIns.add([++ids.audit, at, e.actorRole, e.actor, `complaint.${e.action}`, 'complaint', String(e.complaintId), e.detail]);
    };

    /** A rating (and its complaint, if any) as the server writes them, at its time. */
    const emitRating = async (r: PendingRating) => {
      const id = ++ids.rating;
      const enterprise = enterprises[r.enterprise]!;
      const recognised = rand() >= 0.065;
      const repeated = rand() < 0.02;
      const inaction = rand() < 0.012;
      const abusive = rand() < 0.008;
      const c = rand();
      const comment = !recognised && c < 0.7 ? pick(COMMENTS_BAD, rand()) : recognised && c < 0.08 ? pick(COMMENTS_GOOD, rand()) : null;
      const ratedAt = dt(r.at);
      await ratingIns.add([
        id,
        r.codeNo,
        r.departmentCode,
        enterprise.creditCode,
        recognised,
        recognised ? '[]' : JSON.stringify([r.itemCode]),
        repeated,
        inaction,
        abusive,
        comment,
        enterprise.userId,
        ratedAt,
      ]);
      if (recognised && !repeated && !inaction && !abusive) return;

      // The complaint: statuses by age. Fresh ones open or accepted; past the deadline mostly
      // closed, ~4 % still pending (overdue); closed ones mostly before the deadline.
      const complaintId = ++ids.complaint;
      const deadline = deadlineOf(r.at);
      const age = now - r.at;
      const s = rand();
      const status =
        age < 2 * DAY
          ? s < 0.7
            ? 'open'
            : 'accepted'
          : deadline > now
            ? s < 0.1
              ? 'open'
              : s < 0.5
                ? 'accepted'
                : s < 0.9
                  ? 'resolved'
                  : 'dismissed'
            : s < 0.01
              ? 'open'
              : s < 0.04
                ? 'accepted'
                : s < 0.83
                  ? 'resolved'
                  : 'dismissed';
      const closed = status === 'resolved' || status === 'dismissed';
      const span = deadline - r.at;
      const closedAt = closed
        ? r.at + Math.min(age - 1, Math.floor(span * (rand() < 0.95 ? 0.1 + 0.85 * rand() : 1.02 + 0.5 * rand())))
        : null;
      const acceptedAt =
        status === 'open'
          ? null
          : closed
            ? r.at + Math.floor((closedAt! - r.at) * (0.05 + 0.35 * rand()))
            : r.at + Math.floor(Math.min(age - 1, 3 * DAY) * (0.05 + 0.5 * rand()));
      await complaintIns.add([
        complaintId,
        id,
        r.codeNo,
        r.departmentCode,
        enterprise.creditCode,
        !recognised,
        repeated,
        inaction,
        abusive,
        status,
        ratedAt,
        dt(deadline),
        closedAt === null ? null : dt(closedAt),
        dt(closedAt ?? acceptedAt ?? r.at),
      ]);
      const issues = [!recognised && 'notRecognised', repeated && 'repeated', inaction && 'inaction', abusive && 'abusive'].filter(Boolean);
      events.push({
        at: r.at,
        seq: ++ids.seq,
        complaintId,
        action: 'open',
        actorRole: 'enterprise',
        actor: enterprise.userId,
        note: null,
        detail: JSON.stringify({ codeNo: r.codeNo, departmentCode: r.departmentCode, issues, deadline: new Date(deadline).toISOString() }),
      });
      const supervisor = pick(SUPERVISORS, rand());
      if (acceptedAt !== null)
        events.push({
          at: acceptedAt,
          seq: ++ids.seq,
          complaintId,
          action: 'accept',
          actorRole: 'supervisor',
          actor: supervisor,
          note: ACCEPT_NOTE,
          detail: JSON.stringify({ from: 'open', to: 'accepted', note: ACCEPT_NOTE }),
        });
      if (closedAt !== null) {
        const resolve = status === 'resolved';
        const text = pick(resolve ? RESOLVE_NOTES : DISMISS_NOTES, rand());
        events.push({
          at: closedAt,
          seq: ++ids.seq,
          complaintId,
          action: resolve ? 'resolve' : 'dismiss',
          actorRole: 'supervisor',
          actor: supervisor,
          note: text,
          detail: JSON.stringify({ from: 'accepted', to: status, note: text }),
        });
      }
    };

    /** Everything that happened up to `t`, in order. */
    const catchUp = async (t: number) => {
      while (ratings.size && ratings.peek()!.at <= t) await emitRating(ratings.pop());
      while (events.size && events.peek()!.at <= t) await emitEvent(events.pop());
    };

    progress.start('inspections and all after', inspections);
    let codeSeq = 0;
    let issued = 0;
    let cumulativeWeight = 0;
    const issuedPer = new Map<number, number>();
    let perWeek = new Map<number, number>();
    let perMonth = new Map<number, number>();
    let week = '';
    let month = '';
    for (const day of days) {
      cumulativeWeight += day.weight;
      const quota = Math.round((cumulativeWeight / dayWeight) * inspections) - issued;
      if (quota <= 0) continue;
      const open = day.start + 8.5 * HOUR;
      const close = Math.min(now - 60_000, day.start + 18 * HOUR);
      const times = Array.from({ length: quota }, () => open + Math.floor(rand() * Math.max(close - open, 1))).sort((a, b) => a - b);
      const yymmdd = day.date.slice(2, 4) + day.date.slice(5, 7) + day.date.slice(8, 10);
      const thisWeek = shanghaiDate(new Date(day.start - ((new Date(day.start + 8 * HOUR).getUTCDay() + 6) % 7) * DAY));
      const thisMonth = day.date.slice(0, 7);
      if (thisMonth !== month) perMonth = new Map();
      if (thisWeek !== week) perWeek = new Map();
      const perDay = new Map<number, number>();
      week = thisWeek;
      month = thisMonth;
      for (const issuedAt of times) {
        issued++;
        await catchUp(issuedAt);
        const dept = pickDept(rand());
        const e = Math.min(enterpriseCount - 1, Math.floor(enterpriseCount * Math.pow(rand(), 1.5)));
        issuedPer.set(e, (issuedPer.get(e) ?? 0) + 1);
        const enterprise = enterprises[e]!;
        // A code number as the server draws it: JC + Shanghai date + 6 Crockford characters (a bijection of the sequence).
        let x = (codeSeq++ * 387_420_489 + 12_345) % 1_073_741_824;
        let suffix = '';
        for (let i = 0; i < 6; i++, x >>>= 5) suffix += CROCKFORD[x & 31];
        const codeNo = `JC${yymmdd}${suffix}`;
        const k = rand();
        const kind = k < 0.6 ? 'planned' : k < 0.95 ? 'triggered' : 'emergency';
        const officer = pick(dept.active, rand());
        // Joint: other departments of the same district, or municipal ones.
        const partDepts = [dept];
        if (rand() < 0.18) {
          const size = rand() < 0.6 ? 2 : rand() < 0.75 ? 3 : 4;
          const pool = jointPool.get(dept)!;
          for (let guard = 0; partDepts.length < size && guard < 20; guard++) {
            const other = pick(pool.length ? pool : depts, rand());
            if (!partDepts.includes(other)) partDepts.push(other);
          }
        }
        let validFrom: number;
        let validTo: number;
        let startedAt: number | null = null;
        if (kind === 'planned') {
          validFrom = startOfShanghaiDay(addDays(day.date, 1 + Math.floor(rand() * 10))).getTime() + (9 + Math.floor(rand() * 5)) * HOUR;
          validTo = validFrom + (8 + Math.floor(rand() * 64)) * HOUR;
        } else if (kind === 'triggered') {
          validFrom = issuedAt + Math.floor(rand() * 24) * HOUR;
          validTo = validFrom + (24 + Math.floor(rand() * 24)) * HOUR;
        } else {
          startedAt = issuedAt - Math.floor((rand() < 0.85 ? 0.5 + rand() * 20 : 25 + rand() * 30) * HOUR);
          validFrom = startedAt;
          validTo = issuedAt + (2 + Math.floor(rand() * 6)) * HOUR;
        }
        const revoked = rand() < 0.015;
        const revokedAt = revoked ? issuedAt + Math.floor(rand() * Math.max(validFrom - issuedAt, HOUR)) : null;
        const flags: { kind: string; detail: string }[] = [];
        let justification: string | null = null;
        if (kind === 'emergency') {
          justification = '现场发现重大安全隐患，需立即处置';
          if (issuedAt - startedAt! > 24 * HOUR)
            flags.push({
              kind: 'late_emergency',
              detail: `Emergency code applied for ${((issuedAt - startedAt!) / HOUR).toFixed(1)} h after the inspection started (limit 24 h).`,
            });
        }
        const w = rand();
        if (partDepts.length === 1 && w < 0.012) {
          justification = pick(JUSTIFICATIONS, rand());
          flags.push({
            kind: 'joint_waived',
            detail: 'Joint inspection required by a comprehensive supervision scenario; waived with a justification.',
          });
        } else if (kind === 'planned' && w < 0.02) {
          justification = pick(JUSTIFICATIONS, rand());
          flags.push(
            w < 0.014
              ? { kind: 'repeat_justified', detail: 'Repeated inspection within 90 days, justified.' }
              : { kind: 'cap_waived', detail: 'Annual cap of 2 planned inspections reached, justified.' },
          );
        }
        if (!revoked) {
          const nDay = (perDay.get(e) ?? 0) + 1;
          const nWeek = (perWeek.get(e) ?? 0) + 1;
          const nMonth = (perMonth.get(e) ?? 0) + 1;
          perDay.set(e, nDay);
          perWeek.set(e, nWeek);
          perMonth.set(e, nMonth);
          const over = [
            nDay > 1 ? `inspection no. ${nDay} on ${day.date} (limit 1 a day)` : '',
            nWeek > 2 ? `no. ${nWeek} in the week of ${week} (limit 2)` : '',
            nMonth > 3 ? `no. ${nMonth} in ${month} (limit 3)` : '',
          ].filter(Boolean);
          if (over.length) flags.push({ kind: 'frequency', detail: `Enterprise-wide frequency: ${over.join('; ')}.` });
        }
        let planNo: string | null = null;
        if (kind === 'planned') {
          const q = shanghaiDate(new Date(validFrom));
          const quarter = Math.floor((Number(q.slice(5, 7)) - 1) / 3);
          // A plan lists its enterprises in a TEXT column (64 KB): at most ~3,000 credit codes, so
          // big departments file several plans a quarter.
          const base = `JH${q.slice(0, 4)}Q${quarter + 1}-${dept.code}`;
          let batches = plans.get(base);
          if (!batches) {
            const from = startOfShanghaiDay(`${q.slice(0, 4)}-${String(quarter * 3 + 1).padStart(2, '0')}-01`).getTime();
            const to =
              quarter === 3
                ? startOfShanghaiDay(`${Number(q.slice(0, 4)) + 1}-01-01`).getTime()
                : startOfShanghaiDay(`${q.slice(0, 4)}-${String(quarter * 3 + 4).padStart(2, '0')}-01`).getTime();
            plans.set(base, (batches = [{ dept, from, to: to - 1, enterprises: new Set() }]));
          }
          let batch = batches.findIndex((b) => b.enterprises.has(e));
          if (batch < 0) {
            batch = batches.length - 1;
            if (batches[batch]!.enterprises.size >= PLAN_MAX_ENTERPRISES) {
              batches.push({ ...batches[batch]!, enterprises: new Set() });
              batch++;
            }
          }
          batches[batch]!.enterprises.add(e);
          planNo = `${base}-${String(batch + 1).padStart(2, '0')}`;
        }
        const record: {
          enterpriseName: string;
          departments: Record<
            string,
            { name: string; officers: { certNo: string; name: string }[]; items: { code: string; name: string }[] }
          >;
        } = { enterpriseName: enterprise.name, departments: {} };
        const ended = validTo < now;
        let firstDone = Infinity;
        for (const [i, d] of partDepts.entries()) {
          const officers = [i === 0 ? officer : pick(d.active, rand())];
          const nOfficers = rand() < 0.8 ? 2 : 3;
          for (let guard = 0; officers.length < nOfficers && guard < 10; guard++) {
            const other = pick(d.active, rand());
            if (!officers.includes(other)) officers.push(other);
          }
          const items: { code: string; name: string }[] = [];
          const nItems = 1 + Math.floor(rand() * 3);
          for (let guard = 0; items.length < nItems && guard < 10; guard++) {
            const item = pick(d.items, rand());
            if (!items.includes(item)) items.push(item);
          }
          record.departments[d.code] = { name: d.name, officers: officers.map((x) => ({ certNo: x.certNo, name: x.name })), items };
          // Completed (never before the code exists): nearly all ended windows, some under way.
          const doneAt = Math.max(
            issuedAt + 600_000,
            validFrom + Math.floor((0.3 + rand() * 0.6) * Math.min(validTo - validFrom, 8 * HOUR)),
          );
          const completed = !revoked && doneAt < now && (ended ? rand() < 0.97 : rand() < 0.4);
          if (completed) firstDone = Math.min(firstDone, doneAt);
          await partIns.add([
            ++ids.part,
            codeNo,
            d.code,
            JSON.stringify(officers.map((x) => x.certNo)),
            JSON.stringify(items.map((x) => x.code)),
            completed ? dt(doneAt) : null,
            completed ? officers[0]!.certNo : null,
            completed ? pick(SUMMARIES, rand()) : null,
          ]);
          if (completed && rand() < share) {
            // Rated minutes to days later (most within hours).
            const r = rand();
            const ratedAt = doneAt + Math.floor(r < 0.6 ? rand() * 2 * HOUR : r < 0.9 ? rand() * 2 * DAY : rand() * 7 * DAY);
            if (ratedAt < now)
              ratings.push({ at: ratedAt, seq: ++ids.seq, codeNo, departmentCode: d.code, enterprise: e, itemCode: items[0]!.code });
          }
        }
        const claims = {
          c: codeNo,
          e: enterprise.creditCode,
          d: partDepts.map((d) => d.code),
          k: KIND_LETTER[kind],
          nbf: Math.floor(validFrom / 1000),
          exp: Math.floor(validTo / 1000),
        };
        let signature = '';
        for (let i = 0; i < 86; i++) signature += B64[(rand() * 64) | 0];
        const token = `${b64(JSON.stringify({ alg: 'ES256', kid: KID }))}.${b64(JSON.stringify(claims))}.${signature}`;
        const checkIn = Math.max(validFrom, issuedAt) + Math.floor(rand() * 40 * 60_000);
        await inspIns.add([
          codeNo,
          kind,
          enterprise.creditCode,
          planNo,
          kind === 'triggered' ? pick(REASONS, rand()) : null,
          kind === 'triggered' ? `TS-${day.date.slice(0, 4)}-${String(Math.floor(rand() * 1e6)).padStart(6, '0')}` : null,
          startedAt === null ? null : dt(startedAt),
          justification,
          dt(validFrom),
          dt(validTo),
          dept.code,
          officer.certNo,
          dt(issuedAt),
          KID,
          `${config.codeUrlBase}${token}`,
          JSON.stringify(record),
          firstDone < Infinity && checkIn < firstDone && rand() < 0.9 ? dt(checkIn) : null,
          revokedAt === null ? null : dt(revokedAt),
          revoked ? pick(REVOKE_REASONS, rand()) : null,
          revoked ? officer.certNo : null,
        ]);
        for (const f of flags) await flagIns.add([++ids.flag, f.kind, codeNo, dept.code, enterprise.creditCode, f.detail, dt(issuedAt)]);
      }
    }
    await catchUp(now);
    const inserters = {
      inspections: inspIns,
      inspection_departments: partIns,
      issuance_flags: flagIns,
      ratings: ratingIns,
      complaints: complaintIns,
      complaint_events: eventIns,
      audit_log: auditIns,
    };
    await Promise.all(Object.values(inserters).map((i) => i.done()));
    for (const [table, i] of Object.entries(inserters)) counts[table] = i.inserted;
    progress.stop(
      'inspections and all after',
      Object.values(inserters).reduce((sum, i) => sum + i.inserted, 0),
    );

    // Plans, with the enterprises actually inspected under them.
    const planIns = new Inserter(
      c1,
      'plans',
      ['planNo', 'departmentCode', 'name', 'itemCodes', 'enterpriseCreditCodes', 'periodFrom', 'periodTo', 'createdBy', 'createdAt'],
      undefined,
      mode,
      4 * 1024 * 1024,
    );
    for (const [base, batches] of plans)
      for (const [k, p] of batches.entries()) {
        const planNo = `${base}-${String(k + 1).padStart(2, '0')}`;
        await planIns.add([
          planNo,
          p.dept.code,
          `${p.dept.name}${base.slice(2, 6)}年第${base.slice(7, 8)}季度双随机抽查计划（${k + 1}）`,
          JSON.stringify(p.dept.items.map((i) => i.code)),
          JSON.stringify([...p.enterprises].map((e) => enterprises[e]!.creditCode)),
          dt(p.from),
          dt(p.to),
          p.dept.active[0]!.certNo,
          dt(p.from - 10 * DAY),
        ]);
      }
    await planIns.done();
    counts.plans = planIns.inserted;

    if (deferred.length) {
      // Each table on its own connection, two at a time: one sorts while the other writes.
      progress.start('secondary indexes', deferred.length);
      const queue = [...deferred].sort((a, b) => (counts[b.table] ?? 0) - (counts[a.table] ?? 0));
      await Promise.all(
        [c1, c2].map(async (conn) => {
          for (let d = queue.shift(); d; d = queue.shift()) {
            await restoreIndexes(conn, d);
            progress.add(1);
          }
        }),
      );
      progress.stop(
        'secondary indexes',
        deferred.reduce((sum, d) => sum + (counts[d.table] ?? 0), 0),
      );
    }
    // The daily counters behind the statistics, which the services keep as they write: recounted
    // from the rows, as the StatsDaily migration does for an existing database.
    progress.start('statistics counters', 0);
    for (const sql of [...rebuildStatsSql('mysql'), ...rebuildAuditCountsSql('mysql')]) await c1.query(sql);
    await c1.query('COMMIT');
    const [[{ n: counterRows }]] = (await c1.query('SELECT COUNT(*) AS n FROM stats_daily')) as unknown as [[{ n: number }]];
    counts.stats_daily = Number(counterRows);
    progress.stop('statistics counters', Number(counterRows));
    progress.start('ANALYZE', 0);
    for (const table of [
      'departments',
      'officers',
      'items',
      'enterprises',
      'users',
      'plans',
      'inspections',
      'inspection_departments',
      'ratings',
      'complaints',
      'complaint_events',
      'issuance_flags',
      'audit_log',
      'stats_daily',
    ])
      await c1.query(`ANALYZE TABLE ${table}`);
    progress.stop('ANALYZE', 0);
    const busiest = [...issuedPer.entries()].sort((a, b) => b[1] - a[1])[0];
    if (busiest) note.push(`busiest enterprise: ${enterprises[busiest[0]]!.creditCode} with ${busiest[1]} inspections`);
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
  return counts;
}

// ---------------------------------------------------------------- command line

export function parseSize(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(v.replace(/_/g, ''));
  if (!m) throw new Error(`not a size: ${v}`);
  return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1e6 : m[2]?.toLowerCase() === 'k' ? 1e3 : 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return args[i]!.includes('=') ? args[i]!.split('=').slice(1).join('=') : args[i + 1];
  };
  const url = args.find((a) => a.startsWith('mysql://')) ?? process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  const ratings = parseSize(flag('ratings'), 10_000_000);
  const result = await generate({
    url,
    database: flag('database'),
    replace: args.includes('--replace'),
    ratings,
    inspections: parseSize(flag('inspections'), 1_000_000),
    days: parseSize(flag('days'), 365),
    departments: parseSize(flag('departments'), 50),
    enterprises: flag('enterprises') ? parseSize(flag('enterprises'), 0) : undefined,
    seed: parseSize(flag('seed'), 7),
    load: flag('load') === 'insert' ? 'insert' : 'load',
    deferIndexes: !args.includes('--keep-indexes'),
  });
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `\n${result.database} ready in ${(result.seconds / 60).toFixed(1)} min (${Math.round(Object.values(result.counts).reduce((a, b) => a + b, 0) / result.seconds).toLocaleString('en')} rows/s overall). Drop it when done: DROP DATABASE ${result.database}`,
  );
}
