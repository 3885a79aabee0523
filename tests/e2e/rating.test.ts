/**
 * 扫码评价 end to end: officers of two departments issue a joint code through the API and one of
 * them completes its part; the enterprise signs in, scans, rates that department, gets a receipt,
 * and a second rating of it (from a page opened before) is refused politely.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, devSignIn, launch, onlineVerdict, pasteCode, phone, screenshot } from './support/browser.js';
import { ensureH5Build } from './support/build.js';
import { Fixtures } from './support/fixtures.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let fixtures: Fixtures;
let browser: Browser;

beforeAll(async () => {
  ensureH5Build();
  server = await startServer();
  fixtures = new Fixtures(server.url);
  await fixtures.load();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('rate an inspection in the browser', () => {
  it('rates a completed department, shows a receipt, and refuses a second rating politely', async () => {
    const enterprise = fixtures.freshEnterprise();
    const [first, second] = fixtures.parts;
    const code = await fixtures.issue(enterprise, [first!, second!]);
    await fixtures.complete(code.codeNo, first!);
    const disputed = first!.items[1]!;

    const { context, page } = await phone(browser, server.url);
    await page.goto(server.url);
    await devSignIn(page, enterprise.creditCode);
    await byTestId(page, 'to-rate').waitFor();
    await screenshot(page, '09-home-with-pending-rating');

    await pasteCode(page, code.qrContent);
    expect(await onlineVerdict(page)).toBe('有效检查码');
    await screenshot(page, '10-result-own-completed');
    await byTestId(page, 'go-rate').click();

    const card = byTestId(page, `rating-${first!.departmentCode}`);
    await card.waitFor();
    // The department that has not completed has no form yet.
    await expect(byTestId(page, `rating-${second!.departmentCode}`).textContent()).resolves.toContain('尚未完成检查');

    // A second page with the same form open, as if on another phone of the same enterprise.
    const stale = await context.newPage();
    await stale.goto(page.url());
    await byTestId(stale, `rating-${first!.departmentCode}`).waitFor();

    await card.locator('[data-testid="choice-not-recognised"]').click();
    await card.locator(`[data-testid="disputed-${disputed.code}"]`).click();
    await card.locator('[data-testid="issue-repeated"]').click();
    await card.locator('[data-testid="comment"]').fill('三个月内第二次检查同一事项，影响正常营业。');
    await screenshot(page, '11-rate-form');
    await card.locator('[data-testid="submit-rating"]').click();

    const receipt = card.locator('[data-testid="receipt"]');
    await receipt.waitFor({ timeout: 20_000 });
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('评价已提交');
    expect(text).toContain('不认可');
    expect(text).toContain(disputed.name);
    expect(text).toContain('重复检查');
    expect(text).toContain(code.codeNo);
    await screenshot(page, '12-rate-receipt');

    // The stale page tries again: refused politely, with the rating that stands.
    const staleCard = byTestId(stale, `rating-${first!.departmentCode}`);
    await staleCard.locator('[data-testid="choice-recognised"]').click();
    await staleCard.locator('[data-testid="submit-rating"]').click();
    await staleCard.locator('[data-testid="rating-info"]').waitFor({ timeout: 20_000 });
    await expect(staleCard.locator('[data-testid="rating-info"]').textContent()).resolves.toContain('已经评价过');
    await expect(staleCard.locator('[data-testid="receipt-recognised"]').textContent()).resolves.toBe('不认可');
    await screenshot(stale, '13-rate-already-rated');

    // The ratings page shows the state: this one rated (a complaint), the other not completed.
    await page.goto(`${server.url}/#/pages/complaints/index`);
    const states = byTestId(page, 'department-state');
    await states.first().waitFor();
    await expect(byTestId(page, 'complaint-state').first().textContent()).resolves.toContain('处理状态');
    await screenshot(page, '14-complaints');

    // Binding (normally after a first WeChat sign-in): a wrong binding code is refused with what to do.
    await page.goto(`${server.url}/#/pages/bind/index`);
    await byTestId(page, 'bind-credit-code').fill(enterprise.creditCode);
    await byTestId(page, 'binding-code').fill('WRONG12345');
    await byTestId(page, 'bind-submit').click();
    await expect(byTestId(page, 'error').textContent()).resolves.toContain('请向平台运营方申请新的绑定码');
    await screenshot(page, '15-bind-refused');
    await context.close();
  });
});
