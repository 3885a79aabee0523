import jsQR from 'jsqr';

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Finds a QR code in RGBA pixels. Camera frames try the normal polarity only (about 50 ms for
 * 640×480); still pictures also try inverted (light-on-dark screens).
 */
export function decodeQr(pixels: Pixels, thorough = false): string | null {
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert' });
  return found && found.data ? found.data : null;
}
