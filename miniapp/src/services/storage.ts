import Taro from '@tarojs/taro';

/** JSON values in Taro's synchronous storage (wx storage on weapp, localStorage on h5). */
export function readStored<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the app keeps working, only without the cache.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing to do
  }
}
