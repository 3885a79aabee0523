import type { Verdict } from './schemas.js';

/** The words a verdict banner leads with (SPEC §6), and what the enterprise may do next. */
export const VERDICT_TEXT: Record<Verdict, { words: string; advice: string }> = {
  valid: { words: '有效检查码', advice: '检查码真实有效，请核对执法人员的执法证。' },
  expired: { words: '已过期', advice: '检查码已超过有效期，企业可拒绝本次检查。' },
  not_yet_valid: { words: '未生效', advice: '检查码尚未到有效期，企业可拒绝本次检查。' },
  revoked: { words: '已撤销', advice: '检查码已被撤销，企业可拒绝本次检查。' },
  forged: { words: '伪造', advice: '检查码签名无效，可能是伪造的，企业可拒绝本次检查并举报。' },
  unknown_key: { words: '无法验证签发机关', advice: '无法确认签发机关，请联网后重试；仍无法验证的，企业可拒绝本次检查。' },
  malformed: { words: '无法识别', advice: '这不是检查码，请重新扫描执法人员出示的检查码。' },
  wrong_enterprise: { words: '非本企业检查码', advice: '该检查码不是签发给本企业的，企业可拒绝本次检查。' },
};
