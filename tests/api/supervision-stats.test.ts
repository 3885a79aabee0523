import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToStats, foldPastShards, rebuildStats } from '../../server/src/supervision/statsCounters.js';
import { rebuildAuditCountsSql } from '../../server/src/supervision/audit.service.js';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Long sessions: these tests move the clock by weeks.
const LONG_SESSIONS = { SESSION_TTL_HOURS: String(24 * 400) };

async function rate(t: TestServer, e: TestEnterprise, codeNo: string, dept: TestDepartment, body: Record<string, unknown>) {
  const r = await t.api.post(`/api/inspections/${codeNo}/ratings`, { departmentCode: dept.code, ...body }, e.token);
  if (r.status !== 201) throw new Error(`rate: ${r.status} ${JSON.stringify(r.body)}`);
}

describe('handling deadlines and overdue complaints', () => {
  let t: TestServer;
  let w: World;
  let dept: TestDepartment;

  beforeAll(async () => {
    // Plain weekends plus a configured two-day holiday and a make-up working Saturday.
    t = await startTestServer({
      ...LONG_SESSIONS,
      WORKDAY_CALENDAR: 'weekends',
      PUBLIC_HOLIDAYS: '2027-03-10, 2027-03-11',
      MAKEUP_WORKDAYS: '2027-03-20',
    });
    // Friday 2027-03-05, 10:00 in Shanghai.
    t.clock.advance(Date.parse('2027-03-05T02:00:00Z') - t.clock.now().getTime());
    w = await World.create(t);
    dept = await w.department();
  });
  afterAll(() => t.close());

  it('counts 15 working days from the day after receipt, skipping weekends and holidays, counting make-up days; overdue after', async () => {
    const e = await w.enterprise();
    const c = await w.issue(e, [dept]);
    await w.complete(c.codeNo, dept);
    await rate(t, e, c.codeNo, dept, { recognised: false });

    // Working days: 03-08, 09, (10, 11 holidays), 12, 15–19, 20 (make-up), 22–26, 29 → the 15th is Monday 03-29.
    const deadline = '2027-03-29T15:59:59.999Z';
    const list = (q = '') => t.api.get(`/api/supervision/complaints?departmentCode=${dept.code}${q}`, w.supervisorToken);
    const [complaint] = (await list()).body.items;
    expect(complaint).toMatchObject({ deadline, overdue: false, status: 'open' });
    const mine = await t.api.get('/api/me/inspections', e.token);
    expect(mine.body.items[0].departments[0].complaint).toEqual({ id: complaint.id, status: 'open', deadline });

    // A minute before midnight of the last day: not yet overdue.
    t.clock.advance(Date.parse('2027-03-29T15:59:00Z') - t.clock.now().getTime());
    expect((await list('&overdue=true')).body.total).toBe(0);
    expect((await list('&overdue=false')).body.total).toBe(1);

    t.clock.advance(2 * 60_000);
    const overdue = await list('&overdue=true');
    expect(overdue.body.total).toBe(1);
    expect(overdue.body.items[0]).toMatchObject({ id: complaint.id, overdue: true });
    expect((await list('&overdue=false')).body.total).toBe(0);

    // Accepted but not closed: still overdue. Closed: no longer.
    await t.api.post(`/api/supervision/complaints/${complaint.id}/transitions`, { action: 'accept', note: '逾期受理' }, w.supervisorToken);
    expect((await list('&overdue=true&status=accepted')).body.total).toBe(1);
    await t.api.post(`/api/supervision/complaints/${complaint.id}/transitions`, { action: 'resolve', note: '已办结' }, w.supervisorToken);
    expect((await list('&overdue=true')).body.total).toBe(0);
    expect((await list('&overdue=false')).body.items[0]).toMatchObject({ status: 'resolved', overdue: false });
  });

  it('takes the configured number of working days', async () => {
    const short = await startTestServer({ ...LONG_SESSIONS, WORKDAY_CALENDAR: 'weekends', COMPLAINT_DEADLINE_WORKING_DAYS: '2' });
    try {
      // Thursday 2027-04-01 09:00 Shanghai → Friday 04-02, Monday 04-05.
      short.clock.advance(Date.parse('2027-04-01T01:00:00Z') - short.clock.now().getTime());
      const sw = await World.create(short);
      const d = await sw.department();
      const e = await sw.enterprise();
      const c = await sw.issue(e, [d]);
      await sw.complete(c.codeNo, d);
      await rate(short, e, c.codeNo, d, { recognised: true, issues: ['inaction'] });
      const r = await short.api.get('/api/supervision/complaints', sw.supervisorToken);
      expect(r.body.items[0].deadline).toBe('2027-04-05T15:59:59.999Z');
    } finally {
      await short.close();
    }
  });

  it('uses China’s official calendar by default: National Day off, the make-up Saturday worked', async () => {
    const official = await startTestServer(LONG_SESSIONS);
    try {
      // Wednesday 2026-09-30 10:00 Shanghai; 10-01..07 are holidays, Saturday 10-10 is a working day.
      official.clock.advance(Date.parse('2026-09-30T02:00:00Z') - official.clock.now().getTime());
      const ow = await World.create(official);
      const d = await ow.department();
      const e = await ow.enterprise();
      const c = await ow.issue(e, [d]);
      await ow.complete(c.codeNo, d);
      await rate(official, e, c.codeNo, d, { recognised: false });
      const r = await official.api.get('/api/supervision/complaints', ow.supervisorToken);
      // 10-08, 09, 10 (make-up), 12–16, 19–23, 26, 27 → the 15th is Tuesday 10-27.
      expect(r.body.items[0].deadline).toBe('2026-10-27T15:59:59.999Z');
    } finally {
      await official.close();
    }
  });
});

describe('supervision statistics against hand-counted records', () => {
  let t: TestServer;
  let w: World;
  let A: TestDepartment;
  let B: TestDepartment;
  let C: TestDepartment;
  let t0: number;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** A fresh enterprise per inspection, so no frequency rule links them. */
  async function inspect(depts: TestDepartment[], complete: TestDepartment[] = depts) {
    const e = await w.enterprise();
    const c = await w.issue(e, depts);
    for (const d of complete) await w.complete(c.codeNo, d);
    return { e, codeNo: c.codeNo };
  }

  async function flag(dept: TestDepartment, codeNo: string, at: number) {
    await t.services.ds.query(
      'INSERT INTO issuance_flags (kind, codeNo, departmentCode, enterpriseCreditCode, detail, createdAt) VALUES (?, ?, ?, ?, ?, ?)',
      [
        'joint_waived',
        codeNo,
        dept.code,
        '91310115000000000X',
        'test fixture',
        new Date(at).toISOString().replace('T', ' ').replace('Z', ''),
      ],
    );
    // Written around the services: counted for the statistics as recordFlags' caller counts it.
    await addToStats(t.services.ds.manager, new Date(at), [{ departmentCode: dept.code, add: { flags: 1 } }]);
  }

  let openA: number;
  let acceptedA: number;
  let resolvedB: number;
  let openB2: number;

  beforeAll(async () => {
    t = await startTestServer({ ...LONG_SESSIONS, WORKDAY_CALENDAR: 'weekends' });
    w = await World.create(t);
    A = await w.department();
    B = await w.department();
    C = await w.department();
    t0 = t.clock.now().getTime();

    // ---- period 1 (t0) ----
    const i1 = await inspect([A]);
    await rate(t, i1.e, i1.codeNo, A, { recognised: true });
    const i2 = await inspect([A, B]);
    await rate(t, i2.e, i2.codeNo, A, { recognised: false, issues: ['repeated'] });
    await rate(t, i2.e, i2.codeNo, B, { recognised: true, issues: ['inaction'] });
    const i3 = await inspect([B], []);
    const revoked = await t.api.post(`/api/inspections/${i3.codeNo}/revoke`, { reason: '申请有误' }, B.token);
    expect(revoked.status).toBe(200);
    const i4 = await inspect([A]);
    await rate(t, i4.e, i4.codeNo, A, { recognised: false, issues: ['abusive', 'inaction'] });
    const i5 = await inspect([A]);
    await flag(A, i1.codeNo, t0);
    await flag(A, i2.codeNo, t0);

    // ---- period 2 (t0 + 10 days) ----
    t.clock.advance(10 * DAY);
    await rate(t, i5.e, i5.codeNo, A, { recognised: true });
    const i6 = await inspect([B, C]);
    await rate(t, i6.e, i6.codeNo, B, { recognised: false });
    await flag(C, i6.codeNo, t0 + 10 * DAY);

    const list = (await t.api.get('/api/supervision/complaints?pageSize=50', w.supervisorToken)).body.items as {
      id: number;
      departmentCode: string;
      inspection: { codeNo: string };
    }[];
    const idOf = (codeNo: string, d: TestDepartment) => list.find((c) => c.inspection.codeNo === codeNo && c.departmentCode === d.code)!.id;
    openA = idOf(i2.codeNo, A);
    acceptedA = idOf(i4.codeNo, A);
    resolvedB = idOf(i2.codeNo, B);
    openB2 = idOf(i6.codeNo, B);
    const move = (id: number, action: string) =>
      t.api.post(`/api/supervision/complaints/${id}/transitions`, { action, note: '处理' }, w.supervisorToken);
    await move(acceptedA, 'accept');
    await move(resolvedB, 'accept');
    await move(resolvedB, 'resolve');
  });
  afterAll(() => t.close());

  const stats = async (from?: number, to?: number) => {
    const q = new URLSearchParams();
    if (from !== undefined) q.set('from', iso(from));
    if (to !== undefined) q.set('to', iso(to));
    const r = await t.api.get(`/api/supervision/stats?${q}`, w.supervisorToken);
    expect(r.status).toBe(200);
    return r.body;
  };
  const row = (body: { departments: { departmentCode: string }[] }, d: TestDepartment) =>
    body.departments.find((x) => x.departmentCode === d.code);

  it('counts period 1 exactly, with the SPEC field names', async () => {
    const s = await stats(t0 - HOUR, t0 + 5 * DAY);
    expect(s.from).toBe(iso(t0 - HOUR));
    expect(row(s, A)).toEqual({
      departmentCode: A.code,
      name: `测试部门 ${A.code}`,
      inspections: 4, // i1, i2, i4, i5
      jointInspections: 1, // i2
      ratings: 3, // i1 recognised, i2 and i4 not
      recognitionRate: 1 / 3,
      complaints: { notRecognised: 2, repeated: 1, inaction: 1, abusive: 1 },
      flags: 2,
      recognised: 1,
      complaintsTotal: 2,
      overdueComplaints: 0,
    });
    expect(row(s, B)).toEqual({
      departmentCode: B.code,
      name: `测试部门 ${B.code}`,
      inspections: 1, // i2; i3 was revoked
      jointInspections: 1,
      ratings: 1,
      recognitionRate: 1,
      complaints: { notRecognised: 0, repeated: 0, inaction: 1, abusive: 0 },
      flags: 0,
      recognised: 1,
      complaintsTotal: 1,
      overdueComplaints: 0,
    });
    expect(row(s, C)).toMatchObject({
      inspections: 0,
      jointInspections: 0,
      ratings: 0,
      recognitionRate: null,
      flags: 0,
      complaints: { notRecognised: 0, repeated: 0, inaction: 0, abusive: 0 },
    });
    expect(s.totals).toEqual({
      codesIssued: 5, // i1..i5, the revoked i3 included
      revokedCodes: 1,
      inspections: 4,
      jointInspections: 1,
      ratings: 4,
      recognised: 2,
      recognitionRate: 0.5,
      complaints: { notRecognised: 2, repeated: 1, inaction: 2, abusive: 1 },
      complaintsTotal: 3,
      flags: 2,
      overdueComplaints: 0,
    });
  });

  it('counts period 2 by the time of each record: a rating counts when given, not when its inspection was issued', async () => {
    const s = await stats(t0 + 5 * DAY, t0 + 15 * DAY);
    expect(row(s, A)).toMatchObject({
      inspections: 0,
      jointInspections: 0,
      ratings: 1,
      recognised: 1,
      recognitionRate: 1,
      complaintsTotal: 0,
      flags: 0,
    });
    expect(row(s, B)).toMatchObject({
      inspections: 1,
      jointInspections: 1,
      ratings: 1,
      recognised: 0,
      recognitionRate: 0,
      complaints: { notRecognised: 1, repeated: 0, inaction: 0, abusive: 0 },
    });
    expect(row(s, C)).toMatchObject({ inspections: 1, jointInspections: 1, ratings: 0, recognitionRate: null, flags: 1 });
    expect(s.totals).toMatchObject({
      codesIssued: 1,
      revokedCodes: 0,
      inspections: 1,
      jointInspections: 1,
      ratings: 2,
      recognised: 1,
      complaintsTotal: 1,
      flags: 1,
    });
  });

  it('adds up over the whole period and without bounds, and flags overdue complaints once their deadlines pass', async () => {
    const whole = await stats(t0 - HOUR, t0 + 15 * DAY);
    expect(await stats()).toMatchObject({ from: null, to: null, totals: whole.totals });
    expect(row(whole, A)).toMatchObject({ inspections: 4, ratings: 4, recognised: 2, recognitionRate: 0.5, complaintsTotal: 2, flags: 2 });
    expect(whole.totals).toMatchObject({
      codesIssued: 6,
      revokedCodes: 1,
      inspections: 5,
      jointInspections: 2,
      ratings: 6,
      recognised: 3,
      recognitionRate: 0.5,
      complaintsTotal: 4,
      flags: 3,
      overdueComplaints: 0,
    });

    // Fifty days on, every complaint still open or accepted is past its 15 working days.
    t.clock.advance(40 * DAY);
    const later = await stats(t0 - HOUR, t0 + 15 * DAY);
    expect(row(later, A)!).toMatchObject({ overdueComplaints: 2 }); // openA, acceptedA
    expect(row(later, B)!).toMatchObject({ overdueComplaints: 1 }); // openB2; resolvedB is closed
    expect(later.totals.overdueComplaints).toBe(3);
    const overdueList = await t.api.get('/api/supervision/complaints?overdue=true', w.supervisorToken);
    expect(overdueList.body.items.map((c: { id: number }) => c.id).sort()).toEqual([openA, acceptedA, openB2].sort());
  });

  it('matches raw SQL over the records for every department', async () => {
    const from = t0 - HOUR;
    const to = t0 + 15 * DAY;
    const s = await stats(from, to);
    const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
    const mysql = t.db.kind === 'mysql';
    const p = (ms: number) => (mysql ? new Date(ms) : sqlTime(ms));
    for (const d of [A, B, C]) {
      const [{ n: ratings }] = await t.services.ds.query(
        'SELECT COUNT(*) AS n FROM ratings WHERE departmentCode = ? AND ratedAt >= ? AND ratedAt < ?',
        [d.code, p(from), p(to)],
      );
      const [{ n: complaints }] = await t.services.ds.query(
        'SELECT COUNT(*) AS n FROM complaints WHERE departmentCode = ? AND createdAt >= ? AND createdAt < ?',
        [d.code, p(from), p(to)],
      );
      const [{ n: flags }] = await t.services.ds.query(
        'SELECT COUNT(*) AS n FROM issuance_flags WHERE departmentCode = ? AND createdAt >= ? AND createdAt < ?',
        [d.code, p(from), p(to)],
      );
      const [{ n: inspections }] = await t.services.ds.query(
        'SELECT COUNT(*) AS n FROM inspection_departments d JOIN inspections i ON i.codeNo = d.codeNo WHERE d.departmentCode = ? AND i.revokedAt IS NULL AND i.issuedAt >= ? AND i.issuedAt < ?',
        [d.code, p(from), p(to)],
      );
      expect(row(s, d), d.code).toMatchObject({
        ratings: Number(ratings),
        complaintsTotal: Number(complaints),
        flags: Number(flags),
        inspections: Number(inspections),
      });
    }
  });

  it('reads a bare date as a whole day in Asia/Shanghai, and refuses an empty or malformed period', async () => {
    const day = new Date(t0 + 8 * HOUR).toISOString().slice(0, 10);
    const s = await t.api.get(`/api/supervision/stats?from=${day}&to=${day}`, w.supervisorToken);
    expect(s.body.from).toBe(new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString());
    expect(s.body.to).toBe(new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY).toISOString());
    expect(s.body.totals.codesIssued).toBeGreaterThanOrEqual(1);
    expect((await t.api.get(`/api/supervision/stats?from=${iso(t0)}&to=${iso(t0)}`, w.supervisorToken)).status).toBe(400);
    expect((await t.api.get('/api/supervision/stats?from=last-week', w.supervisorToken)).status).toBe(400);
  });

  it('totals the complaint and flag lists from the counters exactly as the rows they list, for every filter', async () => {
    const day = new Date(t0 + 8 * HOUR).toISOString().slice(0, 10);
    const dayOf = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    // Within a day, across days, across months (whole months from the month rows), open-ended.
    const periods: Record<string, string>[] = [
      {},
      { from: iso(t0 - HOUR), to: iso(t0 + 15 * DAY) },
      { from: iso(t0 + 5 * DAY) },
      { to: iso(t0 + 5 * DAY) },
      { from: day, to: day },
      { from: dayOf(t0 - 70 * DAY), to: dayOf(t0 + 70 * DAY) },
      { from: iso(t0 - 40 * DAY - 5 * HOUR), to: iso(t0 + 45 * DAY + 3 * HOUR) },
    ];
    let checked = 0;
    for (const departmentCode of [undefined, A.code, B.code])
      for (const issue of [undefined, 'notRecognised', 'repeated', 'inaction', 'abusive'])
        for (const status of [undefined, 'open', 'accepted', 'resolved', 'dismissed'])
          for (const overdue of [undefined, 'true', 'false'])
            for (const period of periods) {
              const q = new URLSearchParams({ pageSize: '200', ...period });
              for (const [k, v] of Object.entries({ departmentCode, issue, status, overdue })) if (v) q.set(k, v);
              const r = await t.api.get(`/api/supervision/complaints?${q}`, w.supervisorToken);
              expect(r.status).toBe(200);
              expect(r.body.total, String(q)).toBe(r.body.items.length);
              checked += r.body.total;
            }
    expect(checked).toBeGreaterThan(0);
    // The flag list's totals come from the same counters.
    let flags = 0;
    for (const departmentCode of [undefined, A.code, C.code])
      for (const kind of [undefined, 'joint_waived', 'frequency'])
        for (const period of periods) {
          const q = new URLSearchParams({ pageSize: '200', ...period });
          if (departmentCode) q.set('departmentCode', departmentCode);
          if (kind) q.set('kind', kind);
          const r = await t.api.get(`/api/supervision/flags?${q}`, w.supervisorToken);
          expect(r.status).toBe(200);
          expect(r.body.total, String(q)).toBe(r.body.items.length);
          flags += r.body.total;
        }
    expect(flags).toBeGreaterThan(0);
    // And the audit log's, from its monthly counts.
    const filters: Record<string, string>[] = [
      {},
      { action: 'complaint.open' },
      { action: 'complaint.resolve' },
      { targetType: 'complaint' },
      { action: 'key.rotate' },
    ];
    for (const filter of filters) {
      const q = new URLSearchParams({ pageSize: '200', ...filter });
      const r = await t.api.get(`/api/supervision/audit?${q}`, w.supervisorToken);
      expect(r.status).toBe(200);
      expect(r.body.total, String(q)).toBe(r.body.items.length);
    }
    // The statistics over the same periods: complaints as listed, ratings as in the table.
    const sqlTime = (v: string) => new Date(v).toISOString().replace('T', ' ').replace('Z', '');
    for (const period of periods) {
      const q = new URLSearchParams(period);
      const s = (await t.api.get(`/api/supervision/stats?${q}`, w.supervisorToken)).body;
      const listed = (
        await t.api.get(`/api/supervision/complaints?${new URLSearchParams({ pageSize: '200', ...period })}`, w.supervisorToken)
      ).body;
      expect(s.totals.complaintsTotal, String(q)).toBe(listed.items.length);
      const bounds = [s.from, s.to].map((v: string | null) => (v === null ? null : t.db.kind === 'mysql' ? new Date(v) : sqlTime(v)));
      const [{ n }] = await t.services.ds.query(
        'SELECT COUNT(*) AS n FROM ratings WHERE (? IS NULL OR ratedAt >= ?) AND (? IS NULL OR ratedAt < ?)',
        [bounds[0], bounds[0], bounds[1], bounds[1]],
      );
      expect(s.totals.ratings, String(q)).toBe(Number(n));
    }
  });

  it('keeps its daily counters equal to a recount of the raw rows (what the migration backfills)', async () => {
    const { ds } = t.services;
    const counters = async () =>
      (
        await ds.query(
          'SELECT day, departmentCode, SUM(inspections) AS i, SUM(jointInspections) AS j, SUM(codesIssued) AS ci, SUM(revokedCodes) AS rc, SUM(ratings) AS r, SUM(recognised) AS g, SUM(complaints) AS c, SUM(notRecognised) AS nr, SUM(repeated) AS rp, SUM(inaction) AS ia, SUM(abusive) AS ab, SUM(flags) AS f FROM stats_daily GROUP BY day, departmentCode ORDER BY day, departmentCode',
        )
      ).map((row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && k !== 'day' && k !== 'departmentCode' ? Number(v) : v]),
        ),
      );
    const live = await counters();
    expect(live.length).toBeGreaterThan(0);
    // Folding the shards of past days changes no sum.
    await foldPastShards(ds, new Date(t.clock.now().getTime() + 400 * DAY), () => undefined);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM stats_daily WHERE shard > 0'))[0].n)).toBe(0);
    expect(await counters()).toEqual(live);
    await ds.transaction((m) => rebuildStats(m));
    expect(await counters()).toEqual(live);
    const audit = async () =>
      (
        await ds.query(
          'SELECT month, action, targetType, SUM(entries) AS n FROM audit_counts GROUP BY month, action, targetType ORDER BY month, action, targetType',
        )
      ).map((row: Record<string, unknown>) => ({ ...row, n: Number(row.n) }));
    const liveAudit = await audit();
    expect(liveAudit.length).toBeGreaterThan(0);
    await ds.transaction(async (m) => {
      for (const sql of rebuildAuditCountsSql(t.db.kind)) await m.query(sql);
    });
    expect(await audit()).toEqual(liveAudit);
  });
});
