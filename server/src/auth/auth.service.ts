import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role, User as UserView } from '@inspection-code/shared';
import { findCausally } from '../db/cluster.js';
import { inTransaction, isRetryable, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { Enterprise, Officer } from '../registry/registry.entities.js';
import type { Services } from '../services.js';
import { randomCode } from '../util/randomCode.js';
import type { Principal } from './principal.js';
import { BindingCode, User } from './user.entity.js';

const BINDING_CODE_TTL_MS = 7 * 86_400_000;

/** Resolves a session token to the caller, re-reading the database so deactivation and unbinding act at once. */
export async function resolvePrincipal(s: Services, token: string): Promise<Principal> {
  const claims = s.sessions.verify(token, s.clock());
  switch (claims.role) {
    case 'enterprise': {
      // A user created by a login through another server an instant ago: findCausally looks again.
      const user = await findCausally(s.ds, (m) => m.findOneBy(User, { id: claims.sub }));
      if (!user) throw new AppError('UNAUTHENTICATED', 'This user no longer exists; sign in again.');
      return { role: 'enterprise', subject: user.id, userId: user.id, creditCode: user.enterpriseCreditCode };
    }
    case 'officer': {
      const officer = await findCausally(s.ds, (m) => m.findOneBy(Officer, { certNo: claims.sub }));
      if (!officer) throw new AppError('UNAUTHENTICATED', 'This officer is not registered; sign in again.');
      if (!officer.active) throw new AppError('FORBIDDEN', `Officer ${officer.certNo} is not active and may not act.`);
      return { role: 'officer', subject: officer.certNo, certNo: officer.certNo, departmentCode: officer.departmentCode };
    }
    case 'supervisor':
    case 'admin':
      return { role: claims.role, subject: claims.sub };
  }
}

async function userView(m: EntityManager, p: Principal): Promise<UserView> {
  if (p.role === 'enterprise') {
    const enterprise = p.creditCode ? await m.findOneBy(Enterprise, { creditCode: p.creditCode }) : null;
    return {
      id: p.userId,
      role: p.role,
      subject: p.subject,
      enterprise: enterprise ? { creditCode: enterprise.creditCode, name: enterprise.name } : null,
      departmentCode: null,
    };
  }
  return { id: p.subject, role: p.role, subject: p.subject, enterprise: null, departmentCode: p.role === 'officer' ? p.departmentCode : null };
}

function session(s: Services, role: Role, sub: string) {
  return s.sessions.issue({ role, sub }, s.clock());
}

export async function currentUser(s: Services, p: Principal): Promise<UserView> {
  return userView(s.ds.manager, p);
}

/** Finds or creates the user behind a WeChat openid (or a dev login); safe when two logins race. */
async function userForOpenId(s: Services, openId: string, bindTo: string | null): Promise<User> {
  for (let attempt = 1; ; attempt++) {
    const existing = await findCausally(s.ds, (m) => m.findOneBy(User, { openId }));
    if (existing) return existing;
    const now = s.clock();
    try {
      await s.ds.getRepository(User).insert({ id: randomUUID(), openId, enterpriseCreditCode: bindTo, boundAt: bindTo ? now : null, createdAt: now });
    } catch (err) {
      // Someone logged in with the same openid at the same moment (1062, or 1213 on Galera): look again.
      if ((!isUniqueViolation(err) && !isRetryable(err)) || attempt >= 3) throw err;
    }
  }
}

/** SPEC §5 dev login: only when enabled; the subject must exist (and an officer be active). */
export async function devLogin(s: Services, role: Role, subject: string): Promise<{ token: string; user: UserView }> {
  if (!s.config.devLogin) throw new AppError('DEV_LOGIN_DISABLED', 'Dev login is disabled on this server.');
  const m = s.ds.manager;
  let principal: Principal;
  switch (role) {
    case 'enterprise': {
      const creditCode = subject.trim().toUpperCase();
      if (!(await m.findOneBy(Enterprise, { creditCode }))) {
        throw new AppError('UNKNOWN_REFERENCE', `No enterprise with credit code ${creditCode}.`);
      }
      const user = await userForOpenId(s, `dev:${creditCode}`, creditCode);
      principal = { role, subject: user.id, userId: user.id, creditCode: user.enterpriseCreditCode };
      break;
    }
    case 'officer': {
      const officer = await m.findOneBy(Officer, { certNo: subject });
      if (!officer) throw new AppError('UNKNOWN_REFERENCE', `No officer with certificate ${subject}.`);
      if (!officer.active) throw new AppError('OFFICER_INACTIVE', `Officer ${subject} is not active.`);
      principal = { role, subject, certNo: subject, departmentCode: officer.departmentCode };
      break;
    }
    case 'supervisor':
    case 'admin':
      principal = { role, subject };
  }
  return { token: session(s, role, principal.subject), user: await userView(m, principal) };
}

interface Code2Session {
  openid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat login: the mini program's wx.login code is exchanged at WeChat's code2session endpoint. */
export async function wechatLogin(s: Services, code: string): Promise<{ token: string; user: UserView }> {
  const { appId, secret, apiBase } = s.config.wechat;
  const url = `${apiBase}/sns/jscode2session?${new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' })}`;
  let reply: Code2Session;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    reply = (await res.json()) as Code2Session;
  } catch {
    throw new AppError('UPSTREAM_UNAVAILABLE', 'WeChat login could not be reached; try again in a moment.');
  }
  if (!reply.openid || (reply.errcode ?? 0) !== 0) {
    throw new AppError('WECHAT_LOGIN_FAILED', `WeChat refused the login code (${reply.errcode ?? '?'}: ${reply.errmsg ?? 'no openid'}); open the mini program again.`);
  }
  const user = await userForOpenId(s, reply.openid, null);
  const principal: Principal = { role: 'enterprise', subject: user.id, userId: user.id, creditCode: user.enterpriseCreditCode };
  return { token: session(s, 'enterprise', user.id), user: await userView(s.ds.manager, principal) };
}

const hash = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');

/** The operator issues a one-time binding code for an enterprise, after checking who asks for it. */
export async function issueBindingCode(s: Services, creditCode: string, issuedBy: string) {
  if (!(await s.ds.manager.findOneBy(Enterprise, { creditCode }))) {
    throw new AppError('NOT_FOUND', `No enterprise with credit code ${creditCode}.`);
  }
  const bindingCode = randomCode(10, randomBytes);
  const now = s.clock();
  const expiresAt = new Date(now.getTime() + BINDING_CODE_TTL_MS);
  await s.ds.getRepository(BindingCode).insert({ codeHash: hash(bindingCode), creditCode, issuedBy, issuedAt: now, expiresAt, usedAt: null, usedBy: null });
  return { creditCode, bindingCode, expiresAt: expiresAt.toISOString() };
}

/** Binds the signed-in WeChat user to an enterprise by spending a binding code. */
export async function bindEnterprise(s: Services, p: Principal, creditCode: string, bindingCode: string) {
  if (p.role !== 'enterprise') throw new AppError('FORBIDDEN', 'Only enterprise users bind to an enterprise.');
  const now = s.clock();
  await inTransaction(s.ds, async (m) => {
    const spent = await m
      .createQueryBuilder()
      .update(BindingCode)
      .set({ usedAt: now, usedBy: p.userId })
      .where('codeHash = :h AND creditCode = :c AND usedAt IS NULL AND expiresAt > :now', { h: hash(bindingCode), c: creditCode, now })
      .execute();
    if (spent.affected !== 1) {
      // One message for every reason, so a guesser learns nothing about which part was wrong.
      throw new AppError('BINDING_FAILED', 'This binding code is not valid for this enterprise (wrong, used or expired). Ask the platform operator for a new one.');
    }
    await m.update(User, { id: p.userId }, { enterpriseCreditCode: creditCode, boundAt: now });
  });
  const principal: Principal = { ...p, creditCode };
  return { token: session(s, 'enterprise', p.userId), user: await userView(s.ds.manager, principal) };
}
