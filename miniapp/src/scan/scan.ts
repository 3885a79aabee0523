import Taro from '@tarojs/taro';
import type { ScanOutcome } from './types';

export type { ScanOutcome } from './types';

/** WeChat: the system scanner (camera, or a picture from the album). */
export async function scanCode(): Promise<ScanOutcome> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    return res.result ? { kind: 'content', content: res.result } : { kind: 'failed' };
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? error);
    return /cancel/i.test(message) ? { kind: 'cancelled' } : { kind: 'failed' };
  }
}
