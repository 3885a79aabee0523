import { describe, expect, it } from 'vitest';
import { fake } from '../test/taro';
// The WeChat flavour, imported by its own file name (tests resolve the .h5 files first).
import { scanCode } from './scan.ts';

describe('WeChat scanning (Taro.scanCode)', () => {
  it('gives back the scanned content', async () => {
    fake.scanResult = { result: 'https://jcm.example.cn/c/a.b.c' };
    expect(await scanCode()).toEqual({ kind: 'content', content: 'https://jcm.example.cn/c/a.b.c' });
  });

  it('tells a cancel from a failure', async () => {
    fake.scanResult = null;
    expect(await scanCode()).toEqual({ kind: 'cancelled' });
    fake.scanResult = new Error('scanCode:fail camera unavailable');
    expect(await scanCode()).toEqual({ kind: 'failed' });
  });
});
