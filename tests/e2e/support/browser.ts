import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './build.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

/** Debian's Chromium. With `cameraVideo`, a fake camera plays that y4m file (permission prompts auto-accepted). */
export function launch(cameraVideo?: string): Promise<Browser> {
  const camera = cameraVideo
    ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${cameraVideo}`]
    : [];
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...camera] });
}

/** A phone-sized page in Shanghai, with the camera allowed for the app's origin. */
export async function phone(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.grantPermissions(['camera'], { origin });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let transitions and fonts settle so the picture shows what a person sees.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Waits for the server's verdict (the offline one is shown first) and returns its banner words. */
export async function onlineVerdict(page: Page): Promise<string> {
  const banner = page.locator('[data-testid="verdict"][data-source="online"]');
  await banner.waitFor({ timeout: 20_000 });
  return (await banner.locator('[data-testid="verdict-words"]').textContent())?.trim() ?? '';
}

/** Opens the scanner from the current page and pastes QR content into its fallback. */
export async function pasteCode(page: Page, qrContent: string, scanButton = 'scan'): Promise<void> {
  await byTestId(page, scanButton).click();
  await byTestId(page, 'scanner-paste-toggle').click();
  await byTestId(page, 'scanner-paste-input').fill(qrContent);
  await byTestId(page, 'scanner-paste-submit').click();
  await page.locator('[data-testid="verdict"]').waitFor({ timeout: 20_000 });
}

/** Signs in through the sign-in page's dev sign-in (browser flavour) and returns to the home page. */
export async function devSignIn(page: Page, creditCode: string): Promise<void> {
  await byTestId(page, 'go-sign-in').click();
  await byTestId(page, 'credit-code').fill(creditCode);
  await byTestId(page, 'dev-login').click();
  await byTestId(page, 'enterprise-name').waitFor({ timeout: 20_000 });
}
