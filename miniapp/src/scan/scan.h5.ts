/**
 * Browser: the camera (getUserMedia) with a JavaScript QR decoder, in a full-screen overlay,
 * plus the fallbacks for when there is no camera or it cannot focus: upload a picture of the
 * code, or paste the code's content. (`Taro.scanCode` does nothing useful outside WeChat.)
 */
import { T } from '../strings';
import { decodeQr } from './decode';
import type { ScanOutcome } from './types';

export type { ScanOutcome } from './types';

const STYLE_ID = 'ic-scanner-style';
const FRAME_MAX = 640;
const PICTURE_SIZES = [1024, 512];
const FRAME_INTERVAL_MS = 120;

const CSS = `
.ic-scanner{position:fixed;inset:0;z-index:1000;display:flex;flex-direction:column;align-items:center;
  background:#0b1220;color:#fff;font-size:16px;line-height:1.5;overflow-y:auto;-webkit-overflow-scrolling:touch}
.ic-scanner *{box-sizing:border-box}
.ic-scanner__inner{width:100%;max-width:560px;padding:12px 16px 24px;display:flex;flex-direction:column;gap:14px}
.ic-scanner__top{display:flex;align-items:center;justify-content:space-between;min-height:48px}
.ic-scanner__title{font-size:20px;font-weight:600;margin:0}
.ic-scanner__view{position:relative;width:100%;aspect-ratio:1/1;max-height:56vh;border-radius:12px;overflow:hidden;background:#000}
.ic-scanner__video{width:100%;height:100%;object-fit:cover;display:block}
.ic-scanner__frame{position:absolute;left:15%;top:15%;width:70%;height:70%;border:3px solid rgba(255,255,255,.9);
  border-radius:12px;box-shadow:0 0 0 100vmax rgba(0,0,0,.35);pointer-events:none}
.ic-scanner--no-camera .ic-scanner__view{display:none}
.ic-scanner--no-camera .ic-scanner__status{text-align:left;padding:12px 14px;border-radius:10px;background:rgba(255,213,145,.12)}
.ic-scanner__status{margin:0;text-align:center;font-size:16px;color:#dbe4f3;min-height:24px}
.ic-scanner__status--warn{color:#ffd591}
.ic-scanner__actions{display:flex;gap:12px}
.ic-scanner__btn{flex:1;min-height:52px;border-radius:10px;border:1px solid rgba(255,255,255,.5);background:transparent;
  color:#fff;font-size:17px;display:flex;align-items:center;justify-content:center;cursor:pointer;padding:0 12px;font-family:inherit}
.ic-scanner__btn--primary{background:#1a73e8;border-color:#1a73e8;font-weight:600}
.ic-scanner__btn--small{flex:0 0 auto;min-height:44px;font-size:16px}
.ic-scanner__file{position:absolute;width:1px;height:1px;opacity:0;pointer-events:none}
.ic-scanner__paste{display:none;flex-direction:column;gap:10px}
.ic-scanner__paste--open{display:flex}
.ic-scanner__textarea{width:100%;min-height:112px;border-radius:10px;border:1px solid #8da2c0;padding:10px 12px;
  font-size:16px;font-family:inherit;color:#111;background:#fff;resize:vertical;word-break:break-all}
`;

function injectStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  document.head.appendChild(style);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scaledPixels(source: CanvasImageSource, width: number, height: number, max: number, canvas: HTMLCanvasElement) {
  const scale = Math.min(1, max / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h);
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    image.src = url;
  });
}

class Scanner {
  private readonly root = el('div', 'ic-scanner');
  private readonly video = el('video', 'ic-scanner__video');
  private readonly status = el('p', 'ic-scanner__status', T.scan.starting);
  private readonly textarea = el('textarea', 'ic-scanner__textarea');
  private readonly pastePanel = el('div', 'ic-scanner__paste');
  private readonly canvas = document.createElement('canvas');
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  constructor(private readonly finish: (outcome: ScanOutcome) => void) {}

  open(): void {
    injectStyle();
    this.build();
    document.body.appendChild(this.root);
    void this.startCamera();
  }

  private build(): void {
    const inner = el('div', 'ic-scanner__inner');
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-label', T.scan.title);
    this.root.dataset.testid = 'scanner';

    const top = el('div', 'ic-scanner__top');
    const cancel = el('button', 'ic-scanner__btn ic-scanner__btn--small', T.scan.cancel);
    cancel.type = 'button';
    cancel.dataset.testid = 'scanner-cancel';
    cancel.onclick = () => this.close({ kind: 'cancelled' });
    top.append(el('h2', 'ic-scanner__title', T.scan.title), cancel);

    const view = el('div', 'ic-scanner__view');
    this.video.muted = true;
    this.video.setAttribute('playsinline', 'true');
    this.video.setAttribute('autoplay', 'true');
    view.append(this.video, el('div', 'ic-scanner__frame'));

    this.status.dataset.testid = 'scanner-status';
    this.status.setAttribute('aria-live', 'polite');

    const actions = el('div', 'ic-scanner__actions');
    const upload = el('label', 'ic-scanner__btn', T.scan.upload);
    const file = el('input', 'ic-scanner__file');
    file.type = 'file';
    file.accept = 'image/*';
    file.dataset.testid = 'scanner-upload-input';
    file.onchange = () => {
      const picked = file.files?.[0];
      file.value = '';
      if (picked) void this.decodePicture(picked);
    };
    upload.append(file);
    const pasteToggle = el('button', 'ic-scanner__btn', T.scan.paste);
    pasteToggle.type = 'button';
    pasteToggle.dataset.testid = 'scanner-paste-toggle';
    pasteToggle.onclick = () => {
      this.pastePanel.classList.add('ic-scanner__paste--open');
      this.textarea.focus();
    };
    actions.append(upload, pasteToggle);

    this.textarea.placeholder = T.scan.pastePlaceholder;
    this.textarea.dataset.testid = 'scanner-paste-input';
    this.textarea.setAttribute('aria-label', T.scan.paste);
    const verify = el('button', 'ic-scanner__btn ic-scanner__btn--primary', T.scan.verify);
    verify.type = 'button';
    verify.dataset.testid = 'scanner-paste-submit';
    verify.onclick = () => {
      const content = this.textarea.value.trim();
      if (content) this.close({ kind: 'content', content });
      else this.say(T.scan.emptyPaste, true);
    };
    this.pastePanel.append(this.textarea, verify);

    inner.append(top, view, this.status, actions, this.pastePanel);
    this.root.append(inner);
  }

  /** No camera: the picture and paste fallbacks are all there is, so the empty viewfinder goes. */
  private noCamera(): void {
    this.root.classList.add('ic-scanner--no-camera');
    this.say(T.scan.noCamera, true);
  }

  private say(text: string, warn = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('ic-scanner__status--warn', warn);
  }

  private async startCamera(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.noCamera();
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
      if (this.done) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.stream = stream;
      this.video.srcObject = stream;
      await this.video.play().catch(() => undefined);
      this.say(T.scan.aim);
      this.tick();
    } catch {
      this.noCamera();
    }
  }

  private readonly tick = (): void => {
    if (this.done) return;
    const { videoWidth, videoHeight, readyState } = this.video;
    if (readyState >= 2 && videoWidth > 0) {
      const pixels = scaledPixels(this.video, videoWidth, videoHeight, FRAME_MAX, this.canvas);
      const content = pixels ? decodeQr(pixels) : null;
      if (content) {
        this.close({ kind: 'content', content });
        return;
      }
    }
    this.timer = setTimeout(this.tick, FRAME_INTERVAL_MS);
  };

  private async decodePicture(file: File): Promise<void> {
    try {
      const image = await loadImage(file);
      for (const size of PICTURE_SIZES) {
        const pixels = scaledPixels(image, image.naturalWidth, image.naturalHeight, size, this.canvas);
        const content = pixels ? decodeQr(pixels, true) : null;
        if (content) {
          this.close({ kind: 'content', content });
          return;
        }
      }
    } catch {
      // not an image: same advice as an image without a code
    }
    this.say(T.scan.imageNoCode, true);
  }

  private close(outcome: ScanOutcome): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    this.stream?.getTracks().forEach((t) => t.stop());
    this.video.srcObject = null;
    this.root.remove();
    this.finish(outcome);
  }
}

export function scanCode(): Promise<ScanOutcome> {
  return new Promise((resolve) => new Scanner(resolve).open());
}
