import Taro from '@tarojs/taro';

/** Page paths and their parameters, in one place. */
export const routes = {
  home: '/pages/index/index',
  result: (qrContent: string) => `/pages/result/index?q=${encodeURIComponent(qrContent)}`,
  rate: (codeNo: string) => `/pages/rate/index?codeNo=${encodeURIComponent(codeNo)}`,
  complaints: '/pages/complaints/index',
  login: (back?: string) => `/pages/login/index${back ? `?back=${encodeURIComponent(back)}` : ''}`,
  bind: (back?: string) => `/pages/bind/index${back ? `?back=${encodeURIComponent(back)}` : ''}`,
};

/**
 * A page parameter, decoded once if it still looks encoded. Runtimes differ on whether they decode
 * query values (WeChat passes a scanned link's `q` encoded); code content never contains '%'.
 */
export function param(params: Record<string, string | undefined>, name: string): string {
  const raw = params[name] ?? '';
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function go(url: string): void {
  void Taro.navigateTo({ url });
}

/** Replaces the current page (sign-in and binding pages, so "back" does not return to them). */
export function replace(url: string): void {
  void Taro.redirectTo({ url });
}

/** After sign-in or binding: back to where the person came from, else home. */
export function goBackTo(back: string): void {
  if (back.startsWith('/pages/') && back !== routes.home) void Taro.redirectTo({ url: back });
  else void Taro.reLaunch({ url: routes.home });
}

export function goHome(): void {
  void Taro.reLaunch({ url: routes.home });
}
