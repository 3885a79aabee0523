import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ComplaintFilter, ComplaintIssue, ComplaintStatus, Complaint as ComplaintView } from '@inspection-code/shared';
import type { Services } from '../services.js';
import { shanghaiDate } from './calendar.js';
import { eachComplaint } from './complaints.service.js';
import { toPeriod } from './period.js';

const STATUS_TEXT: Record<ComplaintStatus, string> = { open: '待受理', accepted: '已受理', resolved: '已办结', dismissed: '不予支持' };
const ISSUE_TEXT: Record<ComplaintIssue, string> = { notRecognised: '不认可', repeated: '重复检查', inaction: '不作为', abusive: '滥检查' };
const KIND_TEXT: Record<string, string> = { planned: '有计划检查', triggered: '触发式检查', emergency: '先检查后补码' };

/** Asia/Shanghai wall time, as the officials reading the sheet expect: 2026-03-06 10:00:00. */
function shanghaiTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${shanghaiDate(d)} ${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 19)}`;
}

/** Text typed by users must not run as a formula when the sheet is opened (CSV injection). */
function inert(text: string | null): string {
  if (!text) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const COLUMNS: { header: string; value: (c: ComplaintView) => string | number }[] = [
  { header: '投诉编号', value: (c) => c.id },
  { header: '提出时间', value: (c) => shanghaiTime(c.createdAt) },
  { header: '状态', value: (c) => STATUS_TEXT[c.status] },
  { header: '办理期限', value: (c) => shanghaiTime(c.deadline) },
  { header: '是否逾期', value: (c) => (c.overdue ? '是' : '否') },
  { header: '办结时间', value: (c) => shanghaiTime(c.closedAt) },
  { header: '问题类型', value: (c) => c.issues.map((i) => ISSUE_TEXT[i]).join('、') },
  { header: '部门代码', value: (c) => c.departmentCode },
  { header: '部门名称', value: (c) => c.departmentName },
  { header: '检查码', value: (c) => c.inspection.codeNo },
  { header: '检查类型', value: (c) => KIND_TEXT[c.inspection.kind] ?? c.inspection.kind },
  { header: '统一社会信用代码', value: (c) => c.inspection.enterprise.creditCode },
  { header: '企业名称', value: (c) => inert(c.inspection.enterprise.name) },
  { header: '异议事项', value: (c) => c.rating.disputedItemCodes.join('、') },
  { header: '评价意见', value: (c) => inert(c.rating.comment) },
  { header: '评价用户', value: (c) => c.rater.userId },
];

/**
 * The complaint list as CSV for Excel: UTF-8 with a byte-order mark (or Excel guesses GBK and
 * garbles the Chinese), CRLF rows, every text field quoted. Rows stream out page by page.
 */
export function complaintsCsv(s: Services, filter: ComplaintFilter): Readable {
  // Refuse a bad period now, while the answer can still be a 400 rather than a broken download.
  toPeriod(filter);
  const rows = Readable.from(
    (async function* () {
      for await (const c of eachComplaint(s, filter)) yield COLUMNS.map((col) => col.value(c));
    })(),
  );
  const csv = stringify({
    bom: true,
    header: true,
    columns: COLUMNS.map((c, i) => ({ key: String(i), header: c.header })),
    record_delimiter: 'windows',
    quoted_string: true,
  });
  // pipeline tears the reader down too when the client goes away (Koa destroys the body stream).
  pipeline(rows, csv, (err) => {
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      s.log({ level: 'error', msg: 'complaint export failed', err: String(err.stack ?? err) });
  });
  return csv;
}
