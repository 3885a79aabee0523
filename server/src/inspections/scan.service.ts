import { IsNull } from 'typeorm';
import { readCodeToken, timeVerdict, VERDICT_TEXT, type ScanResponse, type Verdict } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { findCausally } from '../db/cluster.js';
import type { Services } from '../services.js';
import { Inspection } from './inspection.entities.js';
import { loadInspection, presentInspection } from './inspection.view.js';

const answer = (verdict: Verdict, extra: Partial<ScanResponse> = {}): ScanResponse => ({
  verdict,
  message: `${VERDICT_TEXT[verdict].words}：${VERDICT_TEXT[verdict].advice}`,
  ...extra,
});

/**
 * 扫码核验. Signature first (with Node's crypto through jsonwebtoken; the mini program's offline
 * check uses the shared pure-JS verifier and must agree), then the record: revoked, issued for
 * another enterprise, and only then the validity window, with no leeway (the server's clock rules).
 */
export async function scanCode(s: Services, user: Principal | null, qrContent: string): Promise<ScanResponse> {
  const now = s.clock();
  const structure = readCodeToken(qrContent);
  if (!structure.ok) return answer(structure.rejection.verdict);
  const decoded = structure.decoded;
  const signature = await s.keyring.verifySignature(decoded.token, decoded.header.kid, now);
  if (signature !== 'genuine') return answer(signature);

  const claims = decoded.claims;
  // Issued through another server an instant ago? findCausally looks again before saying forged.
  const inspection = await findCausally(s.ds, (m) => loadInspection(m, claims.c));
  // A genuine signature over a code this system never recorded: treat as not genuine.
  if (!inspection || inspection.enterpriseCreditCode !== claims.e) return answer('forged');

  const ownEnterprise = user?.role === 'enterprise' && user.creditCode === inspection.enterpriseCreditCode;
  const withRatings = ownEnterprise || user?.role === 'supervisor' || user?.role === 'admin';
  // Whoever holds the code sees the record shown on site; the clue behind a triggered inspection
  // (which may point at a complainant) only the enterprise itself and the authorities.
  const insider = withRatings || user?.role === 'officer';
  const show = async () => {
    const view = await presentInspection(s.ds.manager, inspection, { withRatings });
    return { inspection: insider ? view : { ...view, clueRef: null, notice: null } };
  };

  if (inspection.revokedAt) return answer('revoked', await show());
  // Another enterprise's inspection is none of this user's business: the verdict alone.
  if (user?.role === 'enterprise' && user.creditCode && !ownEnterprise) return answer('wrong_enterprise');
  const time = timeVerdict(claims, Math.floor(now.getTime() / 1000));
  if (time !== 'valid') return answer(time, await show());

  if (ownEnterprise && !inspection.checkedInAt) {
    // The enterprise's first valid scan is its on-site check-in; the condition keeps the first one.
    await s.ds.manager.update(Inspection, { codeNo: inspection.codeNo, checkedInAt: IsNull() }, { checkedInAt: now });
    inspection.checkedInAt = (await s.ds.manager.findOneByOrFail(Inspection, { codeNo: inspection.codeNo })).checkedInAt;
  }
  return answer('valid', await show());
}
