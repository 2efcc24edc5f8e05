import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { join } from 'node:path';
import { ADMIN, ARTIFACTS, deskServerForThisFile, openShiftSignedIn, pdfQr, pdfText, shot } from './support';

const GUARD = { staffNo: 'G001', name: '门岗老赵', pin: '9753' };
const APPLICANT = { id: '11010519491231002X', masked: '110105********002X', phone: '13800138000' };

const desk = deskServerForThisFile();

/** Calls the desk's API as the page's session (the setup tested in visitor.e2e.ts is not repeated here). */
const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);

async function signIn(page: Page, who: { staffNo: string; name: string; pin: string }) {
  await page.getByTestId('signin-staffNo').fill(who.staffNo);
  await page.getByTestId('signin-pin').fill(who.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('user-menu')).toContainText(who.name);
}

test('the desk issues a release pass for three items; the gate scans it, releases the goods, and a second scan says "already used"', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk, { staff: [{ ...GUARD, role: 'guard' }] });

  // F7: the application, keyboard first. The owner is found by pinyin initials; Enter moves on.
  await page.keyboard.press('F7');
  await expect(page.getByTestId('host-select').locator('input')).toBeFocused();
  await page.keyboard.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  // Picking the owner sets the relation and prefills the applicant's name.
  await expect(page.getByTestId('pass-relation')).toContainText('业主');
  await expect(page.getByTestId('applicant-name')).toHaveValue('张三');
  await page.getByTestId('applicant-idNumber').fill(APPLICANT.id);
  await page.getByTestId('applicant-phone').fill(APPLICANT.phone);
  await page.getByTestId('applicant-phone').press('Enter');
  await expect(page.getByTestId('item-desc-0')).toBeFocused();
  await page.keyboard.type('双人床');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-qty-0')).toBeFocused();
  await page.keyboard.press('Enter'); // quantity 1; Enter on the last quantity starts a new line
  await expect(page.getByTestId('item-desc-1')).toBeFocused();
  // Quick picks fill the blank line, then add one; the focus lands on the quantity to correct.
  await page.getByTestId('quick-fridge').click();
  await expect(page.getByTestId('item-desc-1')).toHaveValue('冰箱');
  await page.getByTestId('quick-box').click();
  await expect(page.getByTestId('item-qty-2')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await page.getByTestId('pass-carrier').fill('蚂蚁搬家');
  await page.getByTestId('pass-plate').fill('沪A12345');
  await shot(page, 'p01-release-pass-filled');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByText(/已开具放行条 HY-A1-P\d{6}-0001/)).toBeVisible();
  const passNo = (await page.getByText(/放行条 · HY-A1-P/).textContent())!.replace(/^.*· /, '').trim();
  expect(passNo).toMatch(/^HY-A1-P\d{6}-0001$/);
  const preview = page.frameLocator('[data-testid=release-pass-preview]');
  await expect(preview.locator('body')).toContainText('物品放行条');
  for (const item of ['双人床', '冰箱', '纸箱']) await expect(preview.locator('body')).toContainText(item);
  await expect(preview.locator('body')).toContainText(APPLICANT.masked);
  await expect(preview.locator('body')).not.toContainText(APPLICANT.id);
  await expect(preview.locator('svg')).toBeVisible();
  await shot(page, 'p02-release-pass-issued');

  // The PDF: the three items with their quantities, the masked ID, and a QR a scanner reads as the pass number.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('release-pass-pdf').click();
  const pdfPath = join(ARTIFACTS, 'release-pass.pdf');
  await (await downloadPromise).saveAs(pdfPath);
  const text = pdfText(pdfPath);
  expect(text).toContain(passNo);
  expect(text).toMatch(/双人床\s+1/);
  expect(text).toMatch(/冰箱\s+1/);
  expect(text).toMatch(/纸箱\s+12/);
  expect(text).toContain(APPLICANT.masked);
  expect(text).not.toContain(APPLICANT.id);
  expect(text).not.toContain('补打');
  expect(pdfQr(pdfPath)).toBe(passNo);

  // A reprint says so on paper.
  await page.getByTestId('release-pass-a6').click();
  await expect(preview.locator('body')).toContainText('补打 · 第1次');
  await shot(page, 'p03-release-pass-reprint-a6');

  // The gate: a guard signs in and sees the gate check and nothing of the desk.
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await signIn(page, GUARD);
  await expect(page.getByTestId('gate-scan')).toBeFocused();
  await expect(page.getByTestId('nav-gate')).toBeVisible();
  await expect(page.getByTestId('nav-checkIn')).toHaveCount(0);
  await expect(page.getByTestId('nav-passIssue')).toHaveCount(0);
  // The gate post's status bar still says which desk and who is on duty.
  await expect(page.getByTestId('status-bar')).toContainText('HY-A1');
  await expect(page.getByTestId('status-bar')).toContainText(GUARD.name);

  // Scan (the scanner types the code and Enter): green, with the goods to count.
  await page.getByTestId('gate-scan').pressSequentially(passNo.toLowerCase());
  await page.getByTestId('gate-scan').press('Enter');
  await expect(page.getByTestId('gate-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('gate-verdict')).toContainText('可以放行');
  await expect(page.getByTestId('gate-items')).toContainText('纸箱');
  await expect(page.getByTestId('gate-pass')).toContainText(APPLICANT.masked);
  await shot(page, 'p04-gate-valid');

  // A count that differs from the pass cannot go through unexplained; corrected, all three lines leave.
  await page.getByTestId('gate-released-2').fill('10');
  await expect(page.getByTestId('gate-differs')).toBeVisible();
  await page.getByTestId('gate-release').click();
  await expect(page.getByTestId('gate-action-error')).toHaveText('数量与放行条不符，须写明差异');
  await shot(page, 'p05-gate-difference-needs-note');
  await page.getByTestId('gate-released-2').fill('12');
  await expect(page.getByTestId('gate-differs')).toHaveCount(0);
  await page.getByTestId('gate-note').press('Control+Enter');
  await expect(page.getByTestId('gate-verdict')).toHaveAttribute('data-verdict', 'released');
  await expect(page.getByTestId('gate-verdict')).toContainText('已放行');
  await shot(page, 'p06-gate-released');

  // Single use: the same pass scanned again is red, saying when and by whom it was used.
  await page.getByTestId('gate-scan').pressSequentially(passNo);
  await page.getByTestId('gate-scan').press('Enter');
  await expect(page.getByTestId('gate-verdict')).toHaveAttribute('data-verdict', 'used');
  await expect(page.getByTestId('gate-verdict')).toContainText('已使用');
  await expect(page.getByTestId('gate-verdict')).toContainText(GUARD.name);
  await expect(page.getByTestId('gate-release')).toHaveCount(0);
  await shot(page, 'p07-gate-already-used');

  // Back at the desk the pass is listed as used.
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await signIn(page, ADMIN);
  await page.keyboard.press('F8');
  await page.getByTestId('passes-tab-released').click();
  await expect(page.getByTestId('passes-table')).toContainText(passNo);
  await expect(page.getByTestId('passes-table')).toContainText('已使用');
  await shot(page, 'p08-passes-released');
});

test('a tenant without the owner consent is stopped at the field; a cancelled pass is red at the gate', async ({ page }) => {
  await page.goto(desk.url);
  await signIn(page, ADMIN);
  await page.keyboard.press('F7');
  await page.getByTestId('host-select').locator('input').fill('王小明');
  await expect(page.getByTestId('host-option').first()).toContainText('王小明');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pass-relation')).toContainText('租户');
  // The unit has no owner on record: the desk says so before anyone submits.
  await expect(page.getByText('名录中本单元没有业主，请先更新名录')).toBeVisible();
  await page.getByTestId('applicant-idNumber').fill(APPLICANT.id);
  await page.getByTestId('applicant-phone').fill('02166668888');
  await page.getByTestId('item-desc-0').fill('洗衣机');
  await page.getByTestId('pass-submit').click();
  await expect(page.getByTestId('pass-consent-error')).toHaveText('租户或受托人申请须记录业主同意（公司须登记联系人同意）');
  await shot(page, 'p09-tenant-needs-consent');

  // A pass issued through the API for the owner, then cancelled at the desk with a reason.
  const [owner] = await api(page, 'directory:search', { q: '张三' });
  const now = new Date();
  const { pass } = await api(page, 'passes:issue', {
    requestId: crypto.randomUUID(),
    occupantId: owner.occupantId,
    applicant: { name: '张三', phone: APPLICANT.phone, idType: 'resident_id', idNumber: APPLICANT.id },
    relation: 'owner',
    items: [{ description: '书桌', quantity: 1 }],
    reason: 'disposal',
    validFrom: now.toISOString(),
    validUntil: new Date(now.getTime() + 3_600_000).toISOString(),
  });
  await page.keyboard.press('F8');
  await page.getByTestId('passes-tab-pending').click();
  await page
    .getByRole('row', { name: new RegExp(pass.passNo) })
    .getByTestId('pass-cancel')
    .click();
  // Keyboard-first: Enter in the reason field cancels the pass.
  await page.getByTestId('pass-cancel-reason').fill('业主改期');
  await page.getByTestId('pass-cancel-reason').press('Enter');
  await expect(page.getByText(`放行条 ${pass.passNo} 已作废`)).toBeVisible();

  await page.keyboard.press('F9');
  await page.getByTestId('gate-scan').fill(pass.passNo);
  await page.getByTestId('gate-scan').press('Enter');
  await expect(page.getByTestId('gate-verdict')).toHaveAttribute('data-verdict', 'cancelled');
  await expect(page.getByTestId('gate-verdict')).toContainText('业主改期');
  await shot(page, 'p10-gate-cancelled');
});
