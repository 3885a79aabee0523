import { bindingRequest, devLoginRequest, sessionResponse, userSchema, wechatLoginRequest } from '@inspection-code/shared';
import { route } from '../http/route.js';
import { bindEnterprise, currentUser, devLogin, wechatLogin } from './auth.service.js';

export const authRoutes = [
  route({
    method: 'post',
    path: '/api/auth/dev-login',
    tag: 'auth',
    summary: 'Dev login (only when AUTH_DEV_LOGIN is on): subject is a credit code, an active officer certificate, or a user name',
    access: 'anyone',
    body: devLoginRequest,
    response: sessionResponse,
    errors: ['DEV_LOGIN_DISABLED', 'UNKNOWN_REFERENCE', 'OFFICER_INACTIVE'],
    handler: ({ services, body }) => devLogin(services, body.role, body.subject),
  }),
  route({
    method: 'post',
    path: '/api/auth/wechat',
    tag: 'auth',
    summary: 'WeChat login: exchanges a wx.login code at code2session for a session',
    access: 'anyone',
    body: wechatLoginRequest,
    response: sessionResponse,
    errors: ['WECHAT_LOGIN_FAILED', 'UPSTREAM_UNAVAILABLE'],
    handler: ({ services, body }) => wechatLogin(services, body.code),
  }),
  route({
    method: 'get',
    path: '/api/me',
    tag: 'auth',
    summary: 'The signed-in user',
    access: ['enterprise', 'officer', 'supervisor', 'admin'],
    response: userSchema,
    handler: ({ services, user }) => currentUser(services, user!),
  }),
  route({
    method: 'post',
    path: '/api/me/binding',
    tag: 'auth',
    summary: 'Binds the WeChat user to its enterprise with a one-time binding code from the platform operator',
    access: ['enterprise'],
    body: bindingRequest,
    response: sessionResponse,
    errors: ['BINDING_FAILED'],
    handler: ({ services, user, body }) => bindEnterprise(services, user!, body.creditCode, body.bindingCode),
  }),
];
