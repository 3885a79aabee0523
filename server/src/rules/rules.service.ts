import { And, In, IsNull, LessThan, MoreThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { Config } from '@inspection-code/config';
import type { InspectionInput, UpcomingInspection, YearCount } from '@inspection-code/shared';
import { AppError } from '../http/errors.js';
import { Inspection, InspectionDepartment } from '../inspections/inspection.entities.js';
import { Department, ExemptEnterprise, ExemptItem, Item, Scenario, type Enterprise } from '../registry/registry.entities.js';
import { IssuanceFlag, IssuanceGuard, type FlagKind } from './rules.entities.js';
import { DAY, dayOf, monthOf, shanghaiDate, weekOf, yearOf } from './shanghaiTime.js';

type Rules = Config['rules'];

/** An application as the rules see it: already validated, inside the transaction that will issue it. */
export interface Application {
  input: InspectionInput;
  enterprise: Enterprise;
  issuingDepartmentCode: string;
  validFrom: Date;
  validTo: Date;
  now: Date;
}

export interface PendingFlag {
  kind: FlagKind;
  departmentCode: string;
  detail: string;
}

export interface RulesOutcome {
  flags: PendingFlag[];
  upcoming: UpcomingInspection[];
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
const list = (xs: string[]) => xs.join(', ');
const span = (i: { validFrom: Date; validTo: Date }) => `${shanghaiDate(i.validFrom)} to ${shanghaiDate(i.validTo)}`;
const itemCodesOf = (input: InspectionInput) => unique(input.departments.flatMap((d) => d.itemCodes));
const MAX_DETAIL = 2000;
const clip = (s: string) => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s);
const describeUpcoming = (u: UpcomingInspection) =>
  `${u.codeNo} (${list(u.departments.map((d) => d.departmentCode))}, ${shanghaiDate(new Date(u.validFrom))} to ${shanghaiDate(new Date(u.validTo))})`;

/**
 * The first statement of every issuing transaction (see {@link IssuanceGuard}). It must come
 * before any read: only then do the rules' reads see whatever a racing issuance for the same
 * enterprise committed, on MariaDB (the read view is taken after the row lock) and on SQLite
 * (a write as first statement takes the write lock before the snapshot).
 */
export async function guardEnterprise(m: EntityManager, enterpriseCreditCode: string, codeNo: string, now: Date): Promise<void> {
  await m
    .createQueryBuilder()
    .insert()
    .into(IssuanceGuard)
    .values({ enterpriseCreditCode, lastCodeNo: codeNo, lastIssuedAt: now })
    .orUpdate(['lastCodeNo', 'lastIssuedAt'], ['enterpriseCreditCode'])
    .execute();
}

async function departmentNames(m: EntityManager, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await m.findBy(Department, { code: In(unique(codes)) });
  return new Map(rows.map((d) => [d.code, d.name]));
}

/** Other inspections of the enterprise that have not ended, are not revoked and not completed, soonest first. */
export async function findUpcoming(m: EntityManager, enterpriseCreditCode: string, now: Date, limit = 20): Promise<UpcomingInspection[]> {
  const rows = await m.find(Inspection, {
    where: { enterpriseCreditCode, revokedAt: IsNull(), validTo: MoreThan(now) },
    order: { validFrom: 'ASC' },
    take: 100,
  });
  if (rows.length === 0) return [];
  const parts = await m.find(InspectionDepartment, { where: { codeNo: In(rows.map((r) => r.codeNo)) }, order: { id: 'ASC' } });
  const names = await departmentNames(
    m,
    parts.map((p) => p.departmentCode),
  );
  return rows
    .map((r) => ({ inspection: r, parts: parts.filter((p) => p.codeNo === r.codeNo) }))
    .filter(({ parts }) => !parts.every((p) => p.completedAt))
    .slice(0, limit)
    .map(({ inspection: r, parts }) => ({
      codeNo: r.codeNo,
      kind: r.kind,
      validFrom: r.validFrom.toISOString(),
      validTo: r.validTo.toISOString(),
      departments: parts.map((p) => ({ departmentCode: p.departmentCode, name: names.get(p.departmentCode) ?? p.departmentCode })),
    }));
}

/** 无感监管对象清单 and 无事不扰事项清单: planned inspections leave listed enterprises and items alone. */
export async function checkExemptions(m: EntityManager, app: Application): Promise<void> {
  if (app.input.kind !== 'planned') return;
  const e = app.enterprise;
  const listed = await m.findOneBy(ExemptEnterprise, { creditCode: e.creditCode });
  if (listed) {
    throw new AppError(
      'EXEMPT_ENTERPRISE',
      `${e.name} (${e.creditCode}) is on the low-disturbance object list (无感监管对象清单) since ${shanghaiDate(listed.addedAt)}: planned inspections of it are refused. ` +
        'An inspection with a cause is still allowed: apply as a triggered inspection with the complaint, tip or referral, or as an emergency inspection.',
      { creditCode: e.creditCode },
    );
  }
  const items = await m.findBy(ExemptItem, { itemCode: In(itemCodesOf(app.input)) });
  if (items.length) {
    const codes = items.map((i) => i.itemCode).sort();
    const names = new Map((await m.findBy(Item, { code: In(codes) })).map((i) => [i.code, i.name]));
    throw new AppError(
      'EXEMPT_ITEM',
      `${list(codes.map((c) => `${c} ${names.get(c) ?? ''}`.trim()))} ${codes.length > 1 ? 'are' : 'is'} on the no-disturbance item list (无事不扰事项清单): planned inspections may not include ${codes.length > 1 ? 'them' : 'it'}. ` +
        'Remove it from the application, or apply as a triggered or emergency inspection if there is a cause.',
      { itemCodes: codes },
    );
  }
}

/**
 * 综合监管场景: an item of a scenario is inspected jointly with all the departments of a scenario
 * that holds it (the one needing the fewest extra departments is suggested), or with a justification.
 */
export async function checkScenarios(m: EntityManager, app: Application, upcoming: UpcomingInspection[]): Promise<PendingFlag[]> {
  const joined = new Set(app.input.departments.map((d) => d.departmentCode));
  // A few dozen scenarios whose item lists are JSON: read them all rather than index them.
  const scenarios = await m.find(Scenario, { order: { code: 'ASC' } });
  const unmet: { itemCode: string; scenario: Scenario; missing: string[] }[] = [];
  for (const itemCode of itemCodesOf(app.input)) {
    const holding = scenarios.filter((sc) => sc.itemCodes.includes(itemCode));
    if (holding.length === 0 || holding.some((sc) => sc.departmentCodes.every((d) => joined.has(d)))) continue;
    const [best] = holding
      .map((scenario) => ({ itemCode, scenario, missing: scenario.departmentCodes.filter((d) => !joined.has(d)) }))
      .sort((a, b) => a.missing.length - b.missing.length);
    unmet.push(best!);
  }
  if (unmet.length === 0) return [];

  const missing = unique(unmet.flatMap((u) => u.missing));
  const names = await departmentNames(m, missing);
  const what = unmet
    .map(
      (u) =>
        `item ${u.itemCode} belongs to scenario ${u.scenario.code} ${u.scenario.name} (lead ${u.scenario.leadDepartmentCode}), which also needs ${list(u.missing)}`,
    )
    .join('; ');
  if (app.input.justification) {
    return [
      {
        kind: 'joint_waived',
        departmentCode: app.issuingDepartmentCode,
        detail: `Not joint although ${what}. Justification: ${app.input.justification}`,
      },
    ];
  }
  const joinable = upcoming.filter((u) => u.departments.some((d) => missing.includes(d.departmentCode)));
  throw new AppError(
    'JOINT_REQUIRED',
    `Joint inspection required (综合监管场景): ${what}. Add ${list(missing.map((d) => `${d} ${names.get(d) ?? ''}`.trim()))} to this application` +
      (joinable.length ? `, or join inspection ${list(joinable.map(describeUpcoming))} instead` : '') +
      ', or give a justification (special or professional nature, no time to coordinate); a justified single-department inspection is flagged for supervision.',
    {
      scenarios: unmet.map((u) => ({ itemCode: u.itemCode, scenarioCode: u.scenario.code, missingDepartmentCodes: u.missing })),
      upcoming: joinable,
    },
  );
}

/**
 * 重复检查: a planned inspection by a department of an item it already inspects at the enterprise
 * under another code whose window comes within the repeat window of this one (any kind, not revoked).
 */
export async function checkRepeats(
  m: EntityManager,
  rules: Rules,
  app: Application,
  upcoming: UpcomingInspection[],
): Promise<PendingFlag[]> {
  if (app.input.kind !== 'planned' || rules.repeatWindowDays <= 0) return [];
  const w = rules.repeatWindowDays * DAY;
  const nearby = await m.find(Inspection, {
    where: {
      enterpriseCreditCode: app.enterprise.creditCode,
      revokedAt: IsNull(),
      validFrom: LessThan(new Date(app.validTo.getTime() + w)),
      validTo: MoreThan(new Date(app.validFrom.getTime() - w)),
    },
    order: { validFrom: 'ASC' },
  });
  if (nearby.length === 0) return [];
  const parts = await m.findBy(InspectionDepartment, {
    codeNo: In(nearby.map((i) => i.codeNo)),
    departmentCode: In(app.input.departments.map((d) => d.departmentCode)),
  });
  const repeats: { departmentCode: string; earlier: Inspection; items: string[] }[] = [];
  for (const part of app.input.departments) {
    for (const earlier of nearby) {
      const theirs = parts.find((p) => p.codeNo === earlier.codeNo && p.departmentCode === part.departmentCode);
      const items = unique(theirs?.itemCodes.filter((i) => part.itemCodes.includes(i)) ?? []);
      if (items.length) repeats.push({ departmentCode: part.departmentCode, earlier, items });
    }
  }
  if (repeats.length === 0) return [];

  const describe = (r: (typeof repeats)[number]) =>
    `${r.departmentCode} already inspects ${list(r.items)} at this enterprise under ${r.earlier.codeNo} (${r.earlier.kind}, ${span(r.earlier)})`;
  if (app.input.justification) {
    return unique(repeats.map((r) => r.departmentCode)).map((departmentCode) => ({
      kind: 'repeat_justified' as const,
      departmentCode,
      detail: `Repeat within ${rules.repeatWindowDays} days: ${repeats
        .filter((r) => r.departmentCode === departmentCode)
        .map(describe)
        .join('; ')}. Justification: ${app.input.justification}`,
    }));
  }
  const earlierCodeNos = unique(repeats.map((r) => r.earlier.codeNo));
  const open = upcoming.filter((u) => earlierCodeNos.includes(u.codeNo));
  throw new AppError(
    'REPEATED_INSPECTION',
    `Repeated inspection (重复检查): ${repeats.map(describe).join('; ')}. A department may not inspect an overlapping item of the same enterprise again within ${rules.repeatWindowDays} days. ` +
      (open.length ? `Inspect under ${list(open.map((u) => u.codeNo))}, which has not ended yet, or give` : 'To inspect anyway, give') +
      ' a justification; it is recorded and flagged for supervision.',
    { earlierCodeNos, upcoming: open },
  );
}

/** 年度上限: planned inspections a year per department per enterprise, counted by Asia/Shanghai calendar year of validFrom. */
export async function checkAnnualCap(m: EntityManager, rules: Rules, app: Application): Promise<PendingFlag[]> {
  if (app.input.kind !== 'planned') return [];
  const year = yearOf(app.validFrom);
  const planned = await m.find(Inspection, {
    select: { codeNo: true },
    where: {
      enterpriseCreditCode: app.enterprise.creditCode,
      kind: 'planned',
      revokedAt: IsNull(),
      validFrom: And(MoreThanOrEqual(year.start), LessThan(year.end)),
    },
    order: { validFrom: 'ASC' },
  });
  const departments = app.input.departments.map((d) => d.departmentCode);
  const parts = planned.length
    ? await m.findBy(InspectionDepartment, { codeNo: In(planned.map((i) => i.codeNo)), departmentCode: In(departments) })
    : [];
  const over = departments
    .map((departmentCode) => ({
      departmentCode,
      codeNos: planned.map((i) => i.codeNo).filter((c) => parts.some((p) => p.codeNo === c && p.departmentCode === departmentCode)),
    }))
    .filter((d) => d.codeNos.length >= rules.annualCapPlanned);
  if (over.length === 0) return [];

  const describe = (d: (typeof over)[number]) =>
    `${d.departmentCode} already has ${d.codeNos.length} planned inspection(s) of this enterprise in ${year.year}${d.codeNos.length ? ` (${list(d.codeNos)})` : ''}`;
  if (app.input.justification) {
    return over.map((d) => ({
      kind: 'cap_waived' as const,
      departmentCode: d.departmentCode,
      detail: `Beyond the annual cap of ${rules.annualCapPlanned}: ${describe(d)}. Justification: ${app.input.justification}`,
    }));
  }
  throw new AppError(
    'ANNUAL_CAP_REACHED',
    `Annual cap reached (年度检查上限): ${over.map(describe).join('; ')}; the cap is ${rules.annualCapPlanned} planned inspection(s) per department per enterprise per calendar year (Asia/Shanghai). ` +
      'Give a justification to apply anyway (recorded and flagged for supervision), or apply as a triggered inspection if a complaint, tip or referral gives a cause.',
    { earlierCodeNos: unique(over.flatMap((d) => d.codeNos)), year: year.year },
  );
}

/** 减频次: the enterprise, all departments together, inspected more often than a day, week or month allows. Flagged, never refused. */
export async function checkFrequency(
  m: EntityManager,
  rules: Rules,
  app: Application,
  upcoming: UpcomingInspection[],
): Promise<PendingFlag[]> {
  const when = app.validFrom;
  const periods = [
    { per: 'day', label: `on ${shanghaiDate(when)}`, limit: rules.frequency.perDay, ...dayOf(when) },
    { per: 'week', label: `in the week of ${shanghaiDate(weekOf(when).start)}`, limit: rules.frequency.perWeek, ...weekOf(when) },
    { per: 'month', label: `in ${shanghaiDate(when).slice(0, 7)}`, limit: rules.frequency.perMonth, ...monthOf(when) },
  ];
  const from = new Date(Math.min(...periods.map((p) => p.start.getTime())));
  const to = new Date(Math.max(...periods.map((p) => p.end.getTime())));
  const rows = await m.find(Inspection, {
    select: { codeNo: true, validFrom: true },
    where: { enterpriseCreditCode: app.enterprise.creditCode, revokedAt: IsNull(), validFrom: And(MoreThanOrEqual(from), LessThan(to)) },
    order: { validFrom: 'ASC' },
  });
  const exceeded = periods
    .map((p) => ({ ...p, codeNos: rows.filter((r) => r.validFrom >= p.start && r.validFrom < p.end).map((r) => r.codeNo) }))
    .filter((p) => p.codeNos.length + 1 > p.limit);
  if (exceeded.length === 0) return [];
  const e = app.enterprise;
  const detail =
    `${e.name} (${e.creditCode}) is inspected more often than allowed across departments: ` +
    exceeded
      .map((p) => `inspection no. ${p.codeNos.length + 1} ${p.label} (limit ${p.limit} a ${p.per}; others: ${list(p.codeNos)})`)
      .join('; ') +
    '.' +
    (upcoming.length ? ` Inspections still to come that could be joined instead: ${list(upcoming.map(describeUpcoming))}.` : '');
  return [{ kind: 'frequency', departmentCode: app.issuingDepartmentCode, detail }];
}

/** 先检查后补码: an emergency code applied for later than the deadline after the inspection started is issued, and flagged. */
export function checkEmergencyDeadline(rules: Rules, app: Application): PendingFlag[] {
  if (app.input.kind !== 'emergency' || !app.input.startedAt) return [];
  const started = new Date(app.input.startedAt);
  const elapsedHours = (app.now.getTime() - started.getTime()) / 3_600_000;
  if (elapsedHours <= rules.emergencyDeadlineHours) return [];
  return [
    {
      kind: 'late_emergency',
      departmentCode: app.issuingDepartmentCode,
      detail: `Emergency inspection started ${started.toISOString()}; the code was applied for ${elapsedHours.toFixed(1)} h later, past the ${rules.emergencyDeadlineHours} h deadline.`,
    },
  ];
}

/**
 * Every issuance rule of SPEC §1, in the issuing transaction after {@link guardEnterprise}:
 * refusals throw; what is allowed but noteworthy comes back as flags, with the inspections of the
 * enterprise still to come (so the applicant can join one).
 */
export async function checkIssuanceRules(m: EntityManager, rules: Rules, app: Application): Promise<RulesOutcome> {
  const upcoming = await findUpcoming(m, app.enterprise.creditCode, app.now);
  await checkExemptions(m, app);
  const flags = [
    ...(await checkScenarios(m, app, upcoming)),
    ...(await checkRepeats(m, rules, app, upcoming)),
    ...(await checkAnnualCap(m, rules, app)),
    ...(await checkFrequency(m, rules, app, upcoming)),
    ...checkEmergencyDeadline(rules, app),
  ];
  return { flags, upcoming };
}

export async function recordFlags(
  m: EntityManager,
  codeNo: string,
  enterpriseCreditCode: string,
  flags: PendingFlag[],
  now: Date,
): Promise<void> {
  if (flags.length === 0) return;
  await m.insert(
    IssuanceFlag,
    flags.map((f) => ({
      kind: f.kind,
      departmentCode: f.departmentCode,
      detail: clip(f.detail),
      codeNo,
      enterpriseCreditCode,
      createdAt: now,
    })),
  );
}

/** The enterprise's own count this year (Asia/Shanghai, by validFrom), per department; revoked codes are not counted. */
export async function enterpriseYearCount(m: EntityManager, enterpriseCreditCode: string, now: Date): Promise<YearCount> {
  const year = yearOf(now);
  const rows = await m.find(Inspection, {
    select: { codeNo: true, kind: true },
    where: { enterpriseCreditCode, revokedAt: IsNull(), validFrom: And(MoreThanOrEqual(year.start), LessThan(year.end)) },
  });
  if (rows.length === 0) return { year: year.year, total: 0, byDepartment: [] };
  const kindOf = new Map(rows.map((r) => [r.codeNo, r.kind]));
  const parts = await m.find(InspectionDepartment, {
    select: { codeNo: true, departmentCode: true },
    where: { codeNo: In([...kindOf.keys()]) },
  });
  const names = await departmentNames(
    m,
    parts.map((p) => p.departmentCode),
  );
  const counts = new Map<string, { total: number; planned: number; triggered: number; emergency: number }>();
  for (const p of parts) {
    const c = counts.get(p.departmentCode) ?? { total: 0, planned: 0, triggered: 0, emergency: 0 };
    c.total++;
    c[kindOf.get(p.codeNo)!]++;
    counts.set(p.departmentCode, c);
  }
  return {
    year: year.year,
    total: rows.length,
    byDepartment: [...counts]
      .map(([departmentCode, c]) => ({ departmentCode, name: names.get(departmentCode) ?? departmentCode, ...c }))
      .sort((a, b) => b.total - a.total || a.departmentCode.localeCompare(b.departmentCode)),
  };
}
