import { randomBytes } from 'node:crypto';
import { randomCode } from '../util/randomCode.js';

/** 检查码编号: "JC" + the Shanghai date (yymmdd) + 6 random characters, e.g. JC261204K3M9QX. */
export function newCodeNo(now: Date): string {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  const yymmdd = shanghai.slice(2, 4) + shanghai.slice(5, 7) + shanghai.slice(8, 10);
  return `JC${yymmdd}${randomCode(6, randomBytes)}`;
}
