/**
 * A stand-in for `@tarojs/taro` in component tests: in-memory storage, recorded navigation, and
 * requests answered by the test's fake API (`fakeApi`). Only what the app uses.
 */
import { useEffect, useLayoutEffect } from 'react';

type Json = unknown;
export interface FakeRequest {
  url: string;
  method: string;
  data?: Json;
  header: Record<string, string>;
}
export interface FakeResponse {
  statusCode: number;
  data: Json;
}
export type Handler = (req: FakeRequest) => FakeResponse | 'network-error' | Promise<FakeResponse | 'network-error'>;

const storage = new Map<string, unknown>();

export const fake = {
  storage,
  handler: null as Handler | null,
  requests: [] as FakeRequest[],
  navigations: [] as { kind: string; url: string }[],
  routerParams: {} as Record<string, string>,
  scanResult: null as null | { result: string } | Error,
  loginCode: 'wx-code-1',
  reset() {
    storage.clear();
    this.handler = null;
    this.requests = [];
    this.navigations = [];
    this.routerParams = {};
    this.scanResult = null;
  },
};

async function request(options: { url: string; method?: string; data?: Json; header?: Record<string, string> }) {
  const req: FakeRequest = { url: options.url, method: options.method ?? 'GET', data: options.data, header: options.header ?? {} };
  fake.requests.push(req);
  if (!fake.handler) throw new Error(`no fake API for ${req.method} ${req.url}`);
  const res = await fake.handler(req);
  if (res === 'network-error') throw { errMsg: 'request:fail' };
  return { ...res, header: {} };
}

const navigate = (kind: string) => async (o: { url: string }) => {
  fake.navigations.push({ kind, url: o.url });
  return { errMsg: `${kind}:ok` };
};

const Taro = {
  getStorageSync: (key: string) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, structuredClone(value)),
  removeStorageSync: (key: string) => void storage.delete(key),
  request,
  navigateTo: navigate('navigateTo'),
  redirectTo: navigate('redirectTo'),
  reLaunch: navigate('reLaunch'),
  navigateBack: async () => ({ errMsg: 'navigateBack:ok' }),
  login: async () => ({ code: fake.loginCode, errMsg: 'login:ok' }),
  scanCode: async () => {
    const r = fake.scanResult;
    if (r instanceof Error) throw { errMsg: r.message };
    if (!r) throw { errMsg: 'scanCode:fail cancel' };
    return { ...r, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' };
  },
  getCurrentPages: () => [],
  showToast: async () => ({ errMsg: 'showToast:ok' }),
};

export default Taro;

export function useRouter() {
  return { params: fake.routerParams, path: '' };
}
export function useDidShow(callback: () => void) {
  useEffect(() => {
    callback();
    // Once per mount, as a page is shown once per test.
  }, []);
}
export function useLaunch(callback: () => void) {
  useLayoutEffect(() => {
    callback();
  }, []);
}
