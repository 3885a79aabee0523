import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQr, type Pixels } from './decode';

/** Renders a QR code's modules into RGBA pixels, as a camera frame or a picture would hold them. */
function render(text: string, scale = 6, invert = false): Pixels {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const size = (n + quiet * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - quiet;
      const my = Math.floor(y / scale) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1;
      const v = dark !== invert ? 0 : 255;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { data, width: size, height: size };
}

const code =
  'https://jcm.example.cn/c/eyJhbGciOiJFUzI1NiIsImtpZCI6ImtUM1NUMDAwMSJ9.eyJjIjoiSkMyMDI2MDMwMjAwMDAwMDQyIiwiZSI6IjkxMzEwMDAwNjMxNjk2MzgyQyIsImQiOlsiU0hTQyIsIlNIRkQiXSwiayI6InAiLCJuYmYiOjE3NzI0MTMyMDAsImV4cCI6MTc3MjQ0MjAwMH0.MV72qS0Fh8MCwQ6tbZbbkaGhP0WEr7-Xrbv9-xaGJ6eVHVnmFuNSfSMNdfNlipeQSiF4DJYYR_seUXrRIXWvHA';

describe('QR decoding in the browser', () => {
  it('reads a code of full length (≤ 400 characters)', () => {
    expect(decodeQr(render(code))).toBe(code);
  });

  it('reads a light-on-dark picture only when asked to be thorough', () => {
    const inverted = render(code, 6, true);
    expect(decodeQr(inverted)).toBeNull();
    expect(decodeQr(inverted, true)).toBe(code);
  });

  it('finds nothing in a blank frame', () => {
    expect(decodeQr({ data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 })).toBeNull();
  });
});
