import { applyForCode } from '../inspections/inspections.service.js';
import type { Services } from '../services.js';
import { demoData } from './demoData.js';

/** A fresh triggered code for the first demo enterprise, so a newcomer can try a scan at once. */
export async function issueDemoCode(s: Services) {
  const department = demoData.departments[0]!;
  const officers = demoData.officers.filter((o) => o.departmentCode === department.code && o.active).slice(0, 2);
  // An item of no comprehensive supervision scenario: those must be inspected jointly (rules/).
  const item = demoData.items.find((i) => i.departmentCode === department.code && !demoData.scenarios.some((sc) => sc.itemCodes.includes(i.code)))!;
  const enterprise = demoData.enterprises.find((e) => !demoData.exemptEnterprises.includes(e.creditCode))!;
  const now = s.clock();
  return applyForCode(
    s,
    { role: 'officer', subject: officers[0]!.certNo, certNo: officers[0]!.certNo, departmentCode: department.code },
    {
      kind: 'triggered',
      enterpriseCreditCode: enterprise.creditCode,
      reason: '演示：消费者投诉食品标签不规范',
      clueRef: 'DEMO-12345',
      validFrom: now.toISOString(),
      validTo: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      departments: [{ departmentCode: department.code, officerCertNos: officers.map((o) => o.certNo), itemCodes: [item.code] }],
    },
  );
}
