import type { Page } from '@playwright/test';
import { expect, printsRequested, test } from './printRecorder';
import { join } from 'node:path';
import { ARTIFACTS, deskServerForThisFile, pdfQr, pdfText, shot } from './support';
import { residentIdCheckChar } from '../../shared/domain/idDocument';

const ADMIN = { staffNo: 'A001', name: '王经理', pin: '246810' };
const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642' };
const VISITOR = { name: '赵六', phone: '13700137000', goodId: '11010519491231002X', badId: '110105194912310021' };
const MASKED_ID = '110105********002X';

async function uploadDirectory(page: Page, file: string) {
  await page
    .locator('[data-testid=directory-upload] input[type=file]')
    .setInputFiles(join(import.meta.dirname, 'fixtures', file));
}

// One desk server serves the whole file: the tests run in order, the first one sets the desk up.
const desk = deskServerForThisFile();

test('a receptionist sets up the desk, checks a visitor in and out, and the pass prints', async ({ page }) => {
  // First run: the desk asks for its building, its code and the first administrator.
  await page.goto(desk.url);
  await expect(page.getByText('首次设置')).toBeVisible();
  await page.getByTestId('setup-submit').click();
  await expect(page.getByText('必填').first()).toBeVisible();
  await page.getByTestId('setup-siteName').fill('华远大厦');
  await page.getByTestId('setup-siteCode').fill('hy');
  await page.getByTestId('setup-deviceCode').fill('A1');
  await page.getByTestId('setup-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-pin').fill(ADMIN.pin);
  await page.getByTestId('setup-pinAgain').fill(ADMIN.pin);
  await shot(page, '01-setup');
  await page.getByTestId('setup-pinAgain').press('Enter');
  // The desk's first shift: there is no handover before it, so nothing to read or sign — just open it.
  await expect(page.getByTestId('shift-gate')).toContainText('这是第一个班次');
  await expect(page.getByTestId('shift-pin')).toHaveCount(0);
  await shot(page, '01b-first-shift');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('status-bar')).toContainText('HY-A1');

  // Sign out and back in: a wrong PIN is refused at the field, the right one opens the desk.
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await page.getByTestId('signin-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('signin-pin').fill('9999');
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('signin-pin-error')).toHaveText('工号或 PIN 不对');
  await shot(page, '02-signin-wrong-pin');
  await page.getByTestId('signin-pin').fill(ADMIN.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);

  // Import the directory: a file with bad rows names every bad line and imports nothing.
  await page.getByTestId('nav-directory').click();
  await uploadDirectory(page, 'directory-bad.csv');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('共有 3 处错误');
  await expect(problems).toContainText('电话格式不对');
  await expect(problems).toContainText('单元必填');
  await expect(problems).toContainText('身份应为');
  await shot(page, '03-directory-bad-file');
  await uploadDirectory(page, 'directory.csv');
  await expect(page.getByText('已导入 3 个单元、4 位住户')).toBeVisible();
  await shot(page, '04-directory-imported');

  // Check in, keyboard only: F2, type, Enter to move on, Ctrl+Enter to register.
  await page.keyboard.press('F2');
  const idField = page.getByTestId('visitor-idNumber');
  await expect(idField).toBeFocused();
  await idField.fill(VISITOR.badId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visitor-name')).toBeFocused();
  await page.keyboard.type(VISITOR.name);
  await page.keyboard.press('Enter');
  await page.keyboard.type(VISITOR.phone);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // party size stays 1
  await page.keyboard.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter'); // picks the first match and moves on to the purpose
  await expect(page.getByTestId('visitor-purpose').locator('input')).toBeFocused();
  await page.keyboard.type('拜访');
  await shot(page, '05-checkin-filled');
  await page.keyboard.press('Control+Enter');
  // The invalid ID number is caught at its field, and nothing is registered.
  await expect(page.getByTestId('visitor-idNumber-error')).toHaveText('身份证号校验位不对，请核对证件');
  await expect(page.getByTestId('status-bar')).toContainText('在场 0 批');
  await shot(page, '06-checkin-invalid-id');

  await idField.fill(VISITOR.goodId);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/赵六 已登记，访客单 HY-A1-V\d{6}-0001/)).toBeVisible();
  const passNo = (await page.getByText(/访客单 · HY-A1-V/).textContent())!.replace(/^.*· /, '').trim();
  expect(passNo).toMatch(/^HY-A1-V\d{6}-0001$/);
  // Registering sends the pass to the printer (here the browser's print dialog, recorded).
  await expect.poll(() => printsRequested(page)).toBe(1);
  // Printing never takes the keyboard: the next visitor's first field is ready to type into.
  await expect(page.getByTestId('print-frame')).toHaveCount(0);
  await expect(idField).toBeFocused();
  await expect(page.getByTestId('status-bar')).toContainText('在场 1 批');

  // The pass as printed: masked ID, never the full number.
  const preview = page.frameLocator('[data-testid=pass-preview]');
  await expect(preview.locator('body')).toContainText(MASKED_ID);
  await expect(preview.locator('body')).not.toContainText(VISITOR.goodId);
  await expect(preview.locator('svg')).toBeVisible();
  await shot(page, '07-pass-printed');

  // Export the pass as PDF: the PDF carries the masked ID, the pass number and a QR a scanner reads.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('pass-pdf').click();
  const download = await downloadPromise;
  const pdfPath = join(ARTIFACTS, 'visitor-pass.pdf');
  await download.saveAs(pdfPath);
  const text = pdfText(pdfPath);
  expect(text).toContain(MASKED_ID);
  expect(text).toContain(passNo);
  expect(text).not.toContain(VISITOR.goodId);
  expect(pdfQr(pdfPath)).toBe(passNo);

  // On site: the visitor is listed (masked); scanning the slip (code + Enter) checks them out.
  await page.keyboard.press('F3');
  const scan = page.getByTestId('scan-input');
  await expect(scan).toBeFocused();
  await expect(page.getByTestId('onsite-table')).toContainText(VISITOR.name);
  await expect(page.getByTestId('onsite-table')).toContainText(MASKED_ID);
  await shot(page, '08-on-site');
  await scan.pressSequentially(passNo.toLowerCase());
  await scan.press('Enter');
  await expect(page.getByTestId('last-checkout')).toContainText(`${VISITOR.name}（${passNo}）`);
  await expect(page.getByTestId('onsite-table')).toContainText('目前没有在场访客');
  await expect(page.getByTestId('onsite-count')).toHaveText('0 批 / 0 人');
  await shot(page, '09-checked-out');

  // The same slip scanned again is refused with a clear message.
  await scan.pressSequentially(passNo);
  await scan.press('Enter');
  await expect(page.getByTestId('scan-error')).toHaveText('这张访客单已登记离开');
});

test('a deny-list visitor needs a supervisor PIN; the roll call prints; the desk speaks English', async ({ page }) => {
  const barred = { name: '钱七', id: `11010519900101123${residentIdCheckChar('11010519900101123')}`, phone: '13611112222' };
  await page.goto(desk.url);
  await page.getByTestId('signin-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('signin-pin').fill(ADMIN.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
  await desk.api(page, 'staff:create', { ...LEADER, role: 'shift_leader' });

  // A shift leader (here the admin) bars a person by ID number.
  await page.getByTestId('nav-deny').click();
  await page.getByTestId('deny-name').fill(barred.name);
  await page.getByTestId('deny-idNumber').fill(barred.id);
  await page.getByTestId('deny-reason-input').fill('多次滋扰住户');
  await page.getByTestId('deny-add').click();
  await expect(page.getByText('已加入禁入名单')).toBeVisible();
  await expect(page.getByRole('cell', { name: '110105********' + barred.id.slice(-4) })).toBeVisible();

  // Checking that person in stops and asks for a supervisor.
  await page.keyboard.press('F2');
  await page.getByTestId('visitor-idNumber').fill(barred.id);
  await page.getByTestId('visitor-name').fill(barred.name);
  await page.getByTestId('visitor-phone').fill(barred.phone);
  await page.getByTestId('host-select').locator('input').fill('王小明');
  await page.getByTestId('host-option').first().click();
  await page.getByTestId('visitor-purpose').locator('input').fill('送货');
  await page.getByTestId('checkin-submit').click();
  await expect(page.getByTestId('deny-hit')).toBeVisible();
  await expect(page.getByTestId('deny-staffNo')).toBeFocused();
  await page.waitForTimeout(400); // let the dialog finish its entrance before the screenshot
  await shot(page, '10-deny-hit');
  await page.getByTestId('deny-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('deny-pin').fill('0000');
  await page.getByTestId('deny-reason').fill('业主当面担保');
  await page.getByTestId('deny-override-submit').click();
  await expect(page.getByTestId('deny-pin-error')).toHaveText('工号或 PIN 不对，或此人无权批准');
  await expect(page.getByTestId('status-bar')).toContainText('在场 0 批');
  // The admin checking the visitor in cannot approve his own override, even with his right PIN (four eyes).
  await page.getByTestId('deny-pin').fill(ADMIN.pin);
  await page.getByTestId('deny-override-submit').click();
  await expect(page.getByTestId('deny-staffNo-error')).toHaveText('不能批准自己的操作，请另一位领班或经理批准');
  await page.getByTestId('deny-staffNo').fill(LEADER.staffNo);
  await page.getByTestId('deny-pin').fill(LEADER.pin);
  await page.getByTestId('deny-override-submit').click();
  await expect(page.getByText(/钱七 已登记，访客单 HY-A1-V\d{6}-0002/)).toBeVisible();

  // The evacuation roll call lists everyone on site, with the head count.
  await page.keyboard.press('F3');
  await page.getByTestId('print-roll').click();
  const rollJob = async () => {
    const jobs = await (await page.request.post(desk.url + 'api/print:recent', { data: {} })).json();
    return jobs.value.find((j: { docType: string }) => j.docType === 'onsite_roll') as { id: string } | undefined;
  };
  await expect.poll(rollJob).toBeDefined();
  const roll = (await rollJob())!;
  const html = (await (await page.request.post(desk.url + 'api/print:html', { data: { jobId: roll.id } })).json()).value
    .html as string;
  expect(html).toContain('在场访客名单（疏散点名）');
  expect(html).toContain(barred.name);
  expect(html).toMatch(/在场总人数 <b>1<\/b>/);

  // Every screen follows the language switch.
  await page.getByTestId('language').click();
  await page.getByTitle('English').click();
  await expect(page.getByText('Visitors on site')).toBeVisible();
  await expect(page.getByTestId('onsite-count')).toHaveText('Visits: 1 · people: 1');
  await expect(page.getByTestId('status-bar')).toContainText('On duty');
  await page.keyboard.press('Escape');
  await shot(page, '11-on-site-english');
});

test('a manager edits the shift patterns: a bad time is refused at its field, a night pattern saves', async ({ page }) => {
  await page.goto(desk.url);
  await page.getByTestId('signin-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('signin-pin').fill(ADMIN.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await page.getByTestId('nav-settings').click();
  // Two groups: this PC's printer and paper, and the site's rules that every desk takes.
  await expect(page.getByTestId('settings-desk-section')).toHaveText('本前台（这台电脑）');
  await expect(page.getByTestId('settings-site-section')).toHaveText('全项目（所有前台）');
  await shot(page, '12a-settings-groups');
  await page.getByTestId('pattern-add').click();
  await page.getByTestId('pattern-3-code').fill('D');
  await page.getByTestId('pattern-3-start').fill('25:00');
  await page.getByTestId('pattern-3-end').fill('06:00');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('时间格式应为 HH:mm')).toBeVisible();
  await page.getByTestId('pattern-3-start').fill('22:00');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await shot(page, '12-settings-shift-patterns');
  const saved = await (await page.request.post(desk.url + 'api/settings:get', { data: {} })).json();
  expect(saved.value.shiftPatterns.map((p: { code: string }) => p.code)).toEqual(['A', 'B', 'C', 'D']);
});
