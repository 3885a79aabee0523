import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@inspection-code/server';
import { eachComplaint } from '../../server/src/supervision/complaints.service.js';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
let lead: TestDepartment;
let partner: TestDepartment;
let other: TestDepartment;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
  lead = await w.department();
  partner = await w.department();
  other = await w.department();
});
afterAll(() => t.close());

interface RatingBody {
  recognised: boolean;
  issues?: string[];
  comment?: string;
  disputedItemCodes?: string[];
}

/** A completed inspection of a fresh enterprise by `depts`, each department rated as given. */
async function rated(depts: TestDepartment[], ratings: RatingBody[], enterprise?: TestEnterprise) {
  const e = enterprise ?? (await w.enterprise());
  const c = await w.issue(e, depts);
  for (const d of depts) await w.complete(c.codeNo, d);
  for (const [i, body] of ratings.entries()) {
    const r = await t.api.post(`/api/inspections/${c.codeNo}/ratings`, { departmentCode: depts[i]!.code, ...body }, e.token);
    if (r.status !== 201) throw new Error(`rate: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { codeNo: c.codeNo, enterprise: e };
}

/** The complaint made by the rating of `dept` on `codeNo`, as supervisors see it in the list. */
async function complaintOf(codeNo: string, dept: TestDepartment) {
  const r = await t.api.get(`/api/supervision/complaints?departmentCode=${dept.code}&pageSize=200`, w.supervisorToken);
  expect(r.status).toBe(200);
  return r.body.items.find((c: { inspection: { codeNo: string } }) => c.inspection.codeNo === codeNo);
}

const transition = (id: number, action: string, note = '已核实') =>
  t.api.post(`/api/supervision/complaints/${id}/transitions`, { action, note }, w.supervisorToken);

describe('complaints are made from ratings', () => {
  it('turns a not-recognised rating, or one flagging an issue, into an open complaint; a plain recognition makes none', async () => {
    const { codeNo: fine } = await rated([lead], [{ recognised: true, comment: '执法规范' }]);
    expect(await complaintOf(fine, lead)).toBeUndefined();

    const { codeNo: a } = await rated([lead], [{ recognised: false, disputedItemCodes: [lead.items[0]!], comment: '检查事项与通知不符' }]);
    const { codeNo: b } = await rated([lead], [{ recognised: true, issues: ['repeated'] }]);
    const { codeNo: c, enterprise } = await rated([lead], [{ recognised: false, issues: ['repeated', 'inaction', 'abusive'] }]);
    expect((await complaintOf(a, lead)).issues).toEqual(['notRecognised']);
    expect((await complaintOf(b, lead)).issues).toEqual(['repeated']);

    const complaint = await complaintOf(c, lead);
    expect(complaint).toMatchObject({
      status: 'open',
      issues: ['notRecognised', 'repeated', 'inaction', 'abusive'],
      departmentCode: lead.code,
      departmentName: `测试部门 ${lead.code}`,
      overdue: false,
      closedAt: null,
      inspection: {
        codeNo: c,
        kind: 'triggered',
        status: 'completed',
        enterprise: { creditCode: enterprise.creditCode, name: enterprise.name },
      },
      rating: { departmentCode: lead.code, recognised: false, issues: ['repeated', 'inaction', 'abusive'] },
      rater: { userId: expect.any(String), enterprise: { creditCode: enterprise.creditCode } },
    });
    expect(Date.parse(complaint.deadline)).toBeGreaterThan(Date.parse(complaint.createdAt));
    const me = await t.api.get('/api/me', enterprise.token);
    expect(complaint.rater.userId).toBe(me.body.id);
  });

  it('makes exactly one complaint when the same rating is sent 12 times at once', async () => {
    const e = await w.enterprise();
    const c = await w.issue(e, [lead]);
    await w.complete(c.codeNo, lead);
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.api.post(`/api/inspections/${c.codeNo}/ratings`, { departmentCode: lead.code, recognised: false }, e.token),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const [{ n }] = await t.services.ds.query(`SELECT COUNT(*) AS n FROM complaints WHERE codeNo = '${c.codeNo}'`);
    expect(Number(n)).toBe(1);
  });

  it('rates each department of a joint inspection into its own complaint', async () => {
    const { codeNo } = await rated([lead, partner], [{ recognised: false }, { recognised: true, issues: ['inaction'] }]);
    const mine = await complaintOf(codeNo, lead);
    const theirs = await complaintOf(codeNo, partner);
    expect(mine.id).not.toBe(theirs.id);
    expect(theirs.issues).toEqual(['inaction']);
    expect(mine.inspection.departments.map((d: { departmentCode: string }) => d.departmentCode)).toEqual([lead.code, partner.code]);
  });
});

describe('the complaint list', () => {
  let dept: TestDepartment;
  const made: { codeNo: string; issue: string }[] = [];

  beforeAll(async () => {
    dept = await w.department();
    // Five complaints a minute apart, oldest first: notRecognised, repeated, inaction, abusive, notRecognised.
    const bodies: [RatingBody, string][] = [
      [{ recognised: false }, 'notRecognised'],
      [{ recognised: true, issues: ['repeated'] }, 'repeated'],
      [{ recognised: true, issues: ['inaction'] }, 'inaction'],
      [{ recognised: true, issues: ['abusive'] }, 'abusive'],
      [{ recognised: false, comment: '第五条' }, 'notRecognised'],
    ];
    for (const [body, issue] of bodies) {
      const { codeNo } = await rated([dept], [body]);
      made.push({ codeNo, issue });
      t.clock.advance(MINUTE);
    }
  });

  const list = (query: string) => t.api.get(`/api/supervision/complaints?departmentCode=${dept.code}&${query}`, w.supervisorToken);
  const codes = (r: { body: { items: { inspection: { codeNo: string } }[] } }) => r.body.items.map((c) => c.inspection.codeNo);

  it('pages newest first with the total', async () => {
    const first = await list('page=1&pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(codes(first)).toEqual([made[4]!.codeNo, made[3]!.codeNo]);
    expect(codes(await list('page=2&pageSize=2'))).toEqual([made[2]!.codeNo, made[1]!.codeNo]);
    expect(codes(await list('page=3&pageSize=2'))).toEqual([made[0]!.codeNo]);
    expect((await list('page=4&pageSize=2')).body).toMatchObject({ items: [], total: 5 });
    const all = await t.api.get('/api/supervision/complaints', w.supervisorToken);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20 });
    expect(all.body.total).toBeGreaterThanOrEqual(5);
  });

  it('filters by issue, status and creation date', async () => {
    expect(codes(await list('issue=notRecognised'))).toEqual([made[4]!.codeNo, made[0]!.codeNo]);
    expect(codes(await list('issue=abusive'))).toEqual([made[3]!.codeNo]);

    const target = (await complaintOf(made[1]!.codeNo, dept)).id;
    expect((await transition(target, 'accept')).status).toBe(200);
    expect(codes(await list('status=accepted'))).toEqual([made[1]!.codeNo]);
    expect((await list('status=open')).body.total).toBe(4);
    expect((await list('status=resolved')).body.total).toBe(0);

    const second = await complaintOf(made[1]!.codeNo, dept);
    const fourth = await complaintOf(made[3]!.codeNo, dept);
    // from inclusive, to exclusive.
    const between = await list(`from=${second.createdAt}&to=${fourth.createdAt}`);
    expect(codes(between)).toEqual([made[2]!.codeNo, made[1]!.codeNo]);
    expect(codes(await list(`from=${fourth.createdAt}`))).toEqual([made[4]!.codeNo, made[3]!.codeNo]);
    expect(codes(await list(`issue=notRecognised&to=${fourth.createdAt}`))).toEqual([made[0]!.codeNo]);
    // A bare date is a whole day in Asia/Shanghai.
    const day = new Date(Date.parse(second.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await list(`from=${day}&to=${day}`)).body.total).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad filters with 400', async () => {
    for (const q of [
      'issue=lazy',
      'status=closed',
      'page=0',
      'pageSize=1000',
      'from=yesterday',
      'overdue=maybe',
      'from=2026-05-02&to=2026-05-01',
    ]) {
      const r = await list(q);
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('reads every page of a long export by keyset, newest first, without repeats', async () => {
    const seen: string[] = [];
    for await (const c of eachComplaint(t.services, { departmentCode: dept.code }, 2)) seen.push(c.inspection.codeNo);
    expect(seen).toEqual(made.map((m) => m.codeNo).reverse());
  });
});

describe('handling a complaint', () => {
  it('goes open → accepted → resolved, recording note, who and when', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false, comment: '检查人员态度粗暴' }]);
    const { id } = await complaintOf(codeNo, lead);
    const accepted = await transition(id, 'accept', '已受理，转执法监督处');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id, status: 'accepted', closedAt: null });
    t.clock.advance(MINUTE);
    const resolved = await transition(id, 'resolve', '经核实，已责令整改');
    expect(resolved.body).toMatchObject({ status: 'resolved', closedAt: expect.any(String), overdue: false });

    const detail = await t.api.get(`/api/supervision/complaints/${id}`, w.supervisorToken);
    expect(detail.status).toBe(200);
    expect(detail.body.inspection).toMatchObject({ codeNo, departments: [{ departmentCode: lead.code, rating: { recognised: false } }] });
    expect(detail.body.rating.comment).toBe('检查人员态度粗暴');
    expect(detail.body.history).toEqual([
      {
        action: 'open',
        fromStatus: null,
        toStatus: 'open',
        note: null,
        actor: { role: 'enterprise', id: detail.body.rater.userId },
        at: detail.body.createdAt,
      },
      {
        action: 'accept',
        fromStatus: 'open',
        toStatus: 'accepted',
        note: '已受理，转执法监督处',
        actor: { role: 'supervisor', id: 'test-supervisor' },
        at: expect.any(String),
      },
      {
        action: 'resolve',
        fromStatus: 'accepted',
        toStatus: 'resolved',
        note: '经核实，已责令整改',
        actor: { role: 'supervisor', id: 'test-supervisor' },
        at: resolved.body.closedAt,
      },
    ]);
    expect(Date.parse(detail.body.history[2].at) - Date.parse(detail.body.history[1].at)).toBeGreaterThanOrEqual(MINUTE);
  });

  it('can dismiss an accepted complaint', async () => {
    const { codeNo } = await rated([lead], [{ recognised: true, issues: ['repeated'] }]);
    const { id } = await complaintOf(codeNo, lead);
    await transition(id, 'accept');
    const r = await transition(id, 'dismiss', '系首次检查，不构成重复检查');
    expect(r.body).toMatchObject({ status: 'dismissed', closedAt: expect.any(String) });
  });

  it('refuses transitions the workflow does not allow with 409 INVALID_TRANSITION and changes nothing', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false }]);
    const { id } = await complaintOf(codeNo, lead);
    for (const action of ['resolve', 'dismiss']) {
      const r = await transition(id, action);
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'INVALID_TRANSITION', status: 409, currentStatus: 'open', allowedActions: ['accept'] });
      expect(r.body.detail).toContain('open');
    }
    await transition(id, 'accept');
    expect((await transition(id, 'accept')).body.code).toBe('INVALID_TRANSITION');
    await transition(id, 'resolve');
    for (const action of ['accept', 'resolve', 'dismiss']) expect((await transition(id, action)).status).toBe(409);
    const detail = await t.api.get(`/api/supervision/complaints/${id}`, w.supervisorToken);
    expect(detail.body.status).toBe('resolved');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['open', 'accept', 'resolve']);
  });

  it('validates the request: a note is required, the action must be known, the complaint must exist', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false }]);
    const { id } = await complaintOf(codeNo, lead);
    expect((await t.api.post(`/api/supervision/complaints/${id}/transitions`, { action: 'accept' }, w.supervisorToken)).status).toBe(400);
    expect(
      (await t.api.post(`/api/supervision/complaints/${id}/transitions`, { action: 'accept', note: '  ' }, w.supervisorToken)).status,
    ).toBe(400);
    expect(
      (await t.api.post(`/api/supervision/complaints/${id}/transitions`, { action: 'close', note: 'x' }, w.supervisorToken)).status,
    ).toBe(400);
    expect((await transition(99_999_999, 'accept')).status).toBe(404);
    expect((await t.api.get('/api/supervision/complaints/99999999', w.supervisorToken)).body.code).toBe('NOT_FOUND');
    expect((await t.api.get('/api/supervision/complaints/abc', w.supervisorToken)).status).toBe(400);
  });

  it('lets exactly one of many concurrent identical transitions through', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false }]);
    const { id } = await complaintOf(codeNo, lead);
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => transition(id, 'accept', `并发受理 ${i}`)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'INVALID_TRANSITION')).toBe(true);
    const detail = await t.api.get(`/api/supervision/complaints/${id}`, w.supervisorToken);
    expect(detail.body.history.filter((h: { action: string }) => h.action === 'accept')).toHaveLength(1);
    const audit = await t.api.get(`/api/supervision/audit?action=complaint.accept&targetType=complaint&targetId=${id}`, w.supervisorToken);
    expect(audit.body.total).toBe(1);
  });

  it('lets exactly one of a concurrent resolve and dismiss win', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false }]);
    const { id } = await complaintOf(codeNo, lead);
    await transition(id, 'accept');
    const replies = await Promise.all([
      transition(id, 'resolve'),
      transition(id, 'dismiss'),
      transition(id, 'resolve'),
      transition(id, 'dismiss'),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = replies.find((r) => r.status === 200)!.body.status;
    const detail = await t.api.get(`/api/supervision/complaints/${id}`, w.supervisorToken);
    expect(detail.body.status).toBe(winner);
    expect(detail.body.history).toHaveLength(3);
  });
});

describe('the enterprise follows its complaints', () => {
  it('sees each department’s complaint state next to its rating in GET /api/me/inspections', async () => {
    const { codeNo, enterprise } = await rated([lead, partner], [{ recognised: false, issues: ['abusive'] }, { recognised: true }]);
    const mine = async () => {
      const r = await t.api.get('/api/me/inspections', enterprise.token);
      expect(r.status).toBe(200);
      return r.body.items.find((i: { codeNo: string }) => i.codeNo === codeNo);
    };
    const before = await mine();
    const complaint = await complaintOf(codeNo, lead);
    expect(before.departments[0]).toMatchObject({
      rating: { recognised: false },
      complaint: { id: complaint.id, status: 'open', deadline: complaint.deadline },
    });
    expect(before.departments[1]).toMatchObject({ rating: { recognised: true }, complaint: null });
    await transition(complaint.id, 'accept');
    expect((await mine()).departments[0].complaint.status).toBe('accepted');
  });

  it('never shows officers the rating, the complaint or the rater', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false, comment: '不认可' }]);
    const view = await t.api.get(`/api/inspections/${codeNo}`, lead.token);
    expect(view.status).toBe(200);
    expect(view.body.departments[0]).not.toHaveProperty('rating');
    expect(view.body.departments[0]).not.toHaveProperty('complaint');
    expect(JSON.stringify(view.body)).not.toContain('不认可');
  });
});

describe('CSV export', () => {
  it('streams UTF-8 with a BOM, CRLF rows, quoted Chinese text, and neutralises formulas', async () => {
    const dept = await w.department();
    const tricky = '态度恶劣, 说"下次再来"\n第二行';
    const { codeNo: a, enterprise } = await rated([dept], [{ recognised: false, comment: tricky }]);
    t.clock.advance(MINUTE);
    const { codeNo: b } = await rated([dept], [{ recognised: true, issues: ['repeated', 'abusive'], comment: '=HYPERLINK("http://x")' }]);
    const res = await fetch(`${t.url}/api/supervision/complaints/export.csv?departmentCode=${dept.code}`, {
      headers: { authorization: `Bearer ${w.supervisorToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="complaints-\d{8}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const rows = text.split('\r\n');
    expect(rows[0]).toBe(
      '"投诉编号","提出时间","状态","办理期限","是否逾期","办结时间","问题类型","部门代码","部门名称","检查码","检查类型","统一社会信用代码","企业名称","异议事项","评价意见","评价用户"',
    );
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(4);
    // Newest first; multi-value cells joined with 、; a formula is prefixed so Excel shows it as text.
    expect(rows[1]).toContain(`"${b}","触发式检查"`);
    expect(rows[1]).toContain('"重复检查、滥检查"');
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(rows[2]).toContain(`"${a}"`);
    expect(rows[2]).toContain('"待受理"');
    expect(rows[2]).toContain(`"${enterprise.name}"`);
    expect(rows[2]).toContain('"态度恶劣, 说""下次再来""\n第二行"');
    expect(rows[2]).toMatch(/^\d+,"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}","待受理",/);
  });

  it('applies the list filters', async () => {
    const dept = await w.department();
    await rated([dept], [{ recognised: false }]);
    const { codeNo } = await rated([dept], [{ recognised: true, issues: ['inaction'] }]);
    const res = await fetch(`${t.url}/api/supervision/complaints/export.csv?departmentCode=${dept.code}&issue=inaction`, {
      headers: { authorization: `Bearer ${w.supervisorToken}` },
    });
    const rows = (await res.text()).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(codeNo);
    const empty = await fetch(`${t.url}/api/supervision/complaints/export.csv?departmentCode=NOPE`, {
      headers: { authorization: `Bearer ${w.supervisorToken}` },
    });
    expect((await empty.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
    const bad = await t.api.get('/api/supervision/complaints/export.csv?status=nope', w.supervisorToken);
    expect(bad.status).toBe(400);
    const backwards = await t.api.get('/api/supervision/complaints/export.csv?from=2026-05-02&to=2026-05-01', w.supervisorToken);
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('protection of the rater: the department ratings summary', () => {
  let dept: TestDepartment;
  const summary = (token = dept.token, query = '') => t.api.get(`/api/department/ratings/summary${query}`, token);

  beforeAll(async () => {
    dept = await w.department();
  });

  it('answers "not enough ratings yet" below 5, then aggregates only, in blocks of 5', async () => {
    const bodies: RatingBody[] = [
      { recognised: true, comment: '秘密评语一' },
      { recognised: false, issues: ['repeated'], comment: '秘密评语二' },
      { recognised: true },
      { recognised: false, issues: ['abusive', 'inaction'] },
    ];
    for (const b of bodies) await rated([dept], [b]);
    const four = await summary();
    expect(four.status).toBe(200);
    expect(four.body).toMatchObject({ departmentCode: dept.code, available: false, minimumRatings: 5, summary: null });
    expect(four.body.message).toContain('5');

    await rated([dept], [{ recognised: true, issues: ['repeated'] }]);
    const five = await summary();
    expect(five.body).toMatchObject({
      available: true,
      summary: { ratings: 5, recognised: 3, notRecognised: 2, recognitionRate: 0.6, issues: { repeated: 2, inaction: 1, abusive: 1 } },
    });
    // No rating, comment or rater leaks.
    const text = JSON.stringify(five.body);
    expect(text).not.toContain('秘密评语');
    expect(text).not.toMatch(/ratedBy|userId|rater|comment/);

    // A sixth rating does not move the figures: the difference would expose that one rating.
    await rated([dept], [{ recognised: false, issues: ['abusive'] }]);
    expect((await summary()).body.summary).toEqual(five.body.summary);
  });

  it('is for the department’s own officers and supervisors only', async () => {
    expect((await summary(lead.token, `?departmentCode=${dept.code}`)).body.code).toBe('NOT_OWN_DEPARTMENT');
    expect((await summary(lead.token)).body.departmentCode).toBe(lead.code);
    const bySupervisor = await summary(w.supervisorToken, `?departmentCode=${dept.code}`);
    expect(bySupervisor.body).toMatchObject({ departmentCode: dept.code, available: true });
    expect((await summary(w.supervisorToken)).status).toBe(400);
    expect((await summary(w.supervisorToken, '?departmentCode=NOPE')).status).toBe(404);
    const e = await w.enterprise();
    expect((await summary(e.token)).status).toBe(403);
    expect((await summary(w.adminToken)).status).toBe(403);
    expect((await t.api.get('/api/department/ratings/summary')).status).toBe(401);
  });
});

describe('audit log', () => {
  const audit = (query = '') => t.api.get(`/api/supervision/audit${query}`, w.supervisorToken);

  it('records every complaint state change in the same transaction', async () => {
    const { codeNo } = await rated([lead], [{ recognised: false }]);
    const { id } = await complaintOf(codeNo, lead);
    await transition(id, 'accept', '受理');
    await transition(id, 'dismiss', '不予支持');
    const r = await audit(`?targetType=complaint&targetId=${id}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: { action: string }) => e.action)).toEqual(['complaint.dismiss', 'complaint.accept', 'complaint.open']);
    expect(r.body.items[0]).toMatchObject({
      actor: { role: 'supervisor', id: 'test-supervisor' },
      target: { type: 'complaint', id: String(id) },
      detail: { from: 'accepted', to: 'dismissed', note: '不予支持' },
    });
    expect(r.body.items[2].actor.role).toBe('enterprise');
    // A refused transition writes nothing.
    await transition(id, 'resolve');
    expect((await audit(`?targetType=complaint&targetId=${id}`)).body.total).toBe(3);
  });

  it('records changes of the exemption lists, not idempotent repeats', async () => {
    const e = await w.enterprise();
    const path = `/api/admin/exemptions/enterprises/${e.creditCode}`;
    expect((await t.api.put(path, w.adminToken)).status).toBe(200);
    expect((await t.api.put(path, w.adminToken)).status).toBe(200);
    expect((await t.api.delete(path, w.adminToken)).status).toBe(204);
    expect((await t.api.delete(path, w.adminToken)).status).toBe(404);
    const r = await audit(`?targetType=exempt_enterprises&targetId=${e.creditCode}`);
    expect(r.body.items.map((x: { action: string; actor: { id: string } }) => [x.action, x.actor.id])).toEqual([
      ['exemption.delete', 'test-admin'],
      ['exemption.put', 'test-admin'],
    ]);
    const item = lead.items[2]!;
    await t.api.put(`/api/admin/exemptions/items/${item}`, w.adminToken);
    expect((await audit(`?targetType=exempt_items&targetId=${item}`)).body.items[0]).toMatchObject({
      action: 'exemption.put',
      target: { type: 'exempt_items', id: item },
    });
  });

  it('records key rotations', async () => {
    const r = await t.api.post('/api/admin/keys/rotate', {}, w.adminToken);
    expect(r.status).toBe(201);
    const entries = await audit('?action=key.rotate');
    expect(entries.body.items[0]).toMatchObject({
      action: 'key.rotate',
      actor: { role: 'admin', id: 'test-admin' },
      target: { type: 'signing_key', id: r.body.kid },
    });
  });

  it('pages newest first and offers no way to change or delete entries', async () => {
    const page1 = await audit('?pageSize=3');
    const page2 = await audit('?pageSize=3&page=2');
    expect(page1.body.items).toHaveLength(3);
    expect(page1.body.total).toBeGreaterThan(6);
    const times = [...page1.body.items, ...page2.body.items].map((e: { at: string; id: number }) => [Date.parse(e.at), e.id]);
    for (let i = 1; i < times.length; i++)
      expect(times[i - 1]![0]! > times[i]![0]! || (times[i - 1]![0] === times[i]![0] && times[i - 1]![1]! > times[i]![1]!)).toBe(true);
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST']) {
      expect((await t.api.request(method, '/api/supervision/audit', { token: w.supervisorToken, body: {} })).status).toBe(405);
    }
    expect((await audit('?targetId=1')).status).toBe(400);
    expect(routes.some((r) => r.path.startsWith('/api/supervision/audit') && r.method !== 'get')).toBe(false);
  });
});

describe('role checks', () => {
  it('refuses officers, enterprises, admins and anonymous callers on every supervision endpoint', async () => {
    const { codeNo } = await rated([other], [{ recognised: false }]);
    const { id } = await complaintOf(codeNo, other);
    const e = await w.enterprise();
    const supervision = routes.filter((r) => r.path.startsWith('/api/supervision/') && !r.path.startsWith('/api/supervision/flags'));
    expect(supervision.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'get /api/supervision/complaints',
        'get /api/supervision/complaints/export.csv',
        'get /api/supervision/complaints/:id',
        'post /api/supervision/complaints/:id/transitions',
        'get /api/supervision/stats',
        'get /api/supervision/audit',
      ]),
    );
    for (const r of supervision) {
      const path = r.path.replace(':id', String(id));
      const body = r.method === 'post' ? { action: 'accept', note: '越权' } : undefined;
      for (const [who, token, status] of [
        ['anonymous', undefined, 401],
        ['officer', other.token, 403],
        ['enterprise', e.token, 403],
        ['admin', w.adminToken, 403],
      ] as const) {
        const reply = await t.api.request(r.method.toUpperCase(), path, { token, body });
        expect(reply.status, `${who} ${r.method} ${path}`).toBe(status);
        expect(reply.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    // None of the refused transitions happened.
    expect((await t.api.get(`/api/supervision/complaints/${id}`, w.supervisorToken)).body.status).toBe('open');
  });
});
