/**
 * 扫码核验 in real Chromium against the real server on the h5 build: a genuine code through the
 * (fake) camera, a forged one through the picture upload, another enterprise's code through
 * paste, and the genuine code again with the network cut.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, launch, onlineVerdict, pasteCode, phone, screenshot } from './support/browser.js';
import { ensureH5Build } from './support/build.js';
import { qrPng, writeQrVideo } from './support/camera.js';
import { Fixtures, type IssuedCode } from './support/fixtures.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let fixtures: Fixtures;
let browser: Browser;
let cameraBrowser: Browser;
let work: string;
let genuine: IssuedCode;

/** The same token with the payload's enterprise swapped and the signature kept. */
function forge(qrContent: string, creditCode: string): string {
  const cut = qrContent.lastIndexOf('/') + 1;
  const [header, payload, signature] = qrContent.slice(cut).split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  claims.e = creditCode;
  return `${qrContent.slice(0, cut)}${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

beforeAll(async () => {
  ensureH5Build();
  server = await startServer();
  fixtures = new Fixtures(server.url);
  await fixtures.load();
  genuine = await fixtures.issue(fixtures.freshEnterprise());
  work = mkdtempSync(join(tmpdir(), 'ic-e2e-camera-'));
  const video = join(work, 'code.y4m');
  writeQrVideo(video, genuine.qrContent);
  cameraBrowser = await launch(video);
  // No camera at all: the scanner falls back to upload and paste, as on a desktop browser.
  browser = await launch();
});

afterAll(async () => {
  await cameraBrowser?.close();
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('scan and verify in the browser', () => {
  it('reads a genuine code from the camera and shows 有效检查码 with the full record', async () => {
    const { context, page } = await phone(cameraBrowser, server.url);
    await page.goto(server.url);
    await byTestId(page, 'scan').waitFor();
    await screenshot(page, '01-home-visitor');

    await byTestId(page, 'scan').click();
    await page.locator('[data-testid="verdict"]').waitFor({ timeout: 30_000 });
    expect(await onlineVerdict(page)).toBe('有效检查码');
    const record = byTestId(page, 'record');
    await expect(record.textContent()).resolves.toContain(genuine.enterprise.name);
    await expect(record.textContent()).resolves.toContain('触发式检查');
    const officer = fixtures.parts[0]!.officers[0]!;
    await expect(record.textContent()).resolves.toContain(officer.certNo);
    await expect(record.textContent()).resolves.toContain(officer.name);
    await expect(byTestId(page, 'record-validity').textContent()).resolves.toMatch(/\d{4}年\d+月\d+日 \d{2}:\d{2} 至/);
    await screenshot(page, '02-result-valid-camera');
    await context.close();
  });

  it('calls a forged code 伪造, from an uploaded picture', async () => {
    const { context, page } = await phone(browser, server.url);
    await page.goto(server.url);
    await byTestId(page, 'scan').click();
    await byTestId(page, 'scanner-status').filter({ hasText: '无法使用摄像头' }).waitFor();
    await screenshot(page, '03-scanner-no-camera');
    const forged = forge(genuine.qrContent, fixtures.enterprises.at(-1)!.creditCode);
    await byTestId(page, 'scanner-upload-input').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: await qrPng(forged) });
    expect(await onlineVerdict(page)).toBe('伪造');
    await expect(byTestId(page, 'verdict-advice').textContent()).resolves.toContain('企业可拒绝本次检查');
    await expect(byTestId(page, 'record').count()).resolves.toBe(0);
    await screenshot(page, '04-result-forged');
    await context.close();
  });

  it("tells a signed-in enterprise that another enterprise's code is not its own", async () => {
    const { context, page } = await phone(browser, server.url);
    await page.goto(server.url);
    const ours = fixtures.freshEnterprise();
    await byTestId(page, 'go-sign-in').click();
    await byTestId(page, 'credit-code').waitFor();
    await screenshot(page, '05-sign-in');
    await byTestId(page, 'credit-code').fill(ours.creditCode);
    await byTestId(page, 'dev-login').click();
    await byTestId(page, 'enterprise-name').waitFor();
    await screenshot(page, '06-home-signed-in');

    await pasteCode(page, genuine.qrContent);
    expect(await onlineVerdict(page)).toBe('非本企业检查码');
    await expect(byTestId(page, 'verdict-advice').textContent()).resolves.toContain('企业可拒绝本次检查');
    await expect(byTestId(page, 'go-rate').count()).resolves.toBe(0);
    await screenshot(page, '07-result-wrong-enterprise');
    await context.close();
  });

  it('verifies the genuine code offline with the cached keys, and says what it could not check', async () => {
    const { context, page } = await phone(browser, server.url);
    await page.goto(server.url);
    await byTestId(page, 'scan').waitFor();
    // The app caches the signing keys when it starts online.
    await page.waitForFunction(() => localStorage.getItem('ic.jwks') !== null);
    await context.setOffline(true);

    await pasteCode(page, genuine.qrContent);
    await byTestId(page, 'offline-limits').waitFor({ timeout: 20_000 });
    const banner = page.locator('[data-testid="verdict"]');
    await expect(banner.getAttribute('data-source')).resolves.toBe('offline');
    await expect(banner.locator('[data-testid="verdict-source"]').textContent()).resolves.toBe('离线验证');
    await expect(banner.locator('[data-testid="verdict-words"]').textContent()).resolves.toBe('有效检查码');
    await expect(byTestId(page, 'offline-limits').textContent()).resolves.toContain('是否已被撤销');
    await expect(byTestId(page, 'claims').textContent()).resolves.toContain(genuine.codeNo);
    await screenshot(page, '08-result-offline');

    // Back online, a retry brings the server's verdict and the record.
    await context.setOffline(false);
    await byTestId(page, 'error-retry').click();
    expect(await onlineVerdict(page)).toBe('有效检查码');
    await context.close();
  });
});
