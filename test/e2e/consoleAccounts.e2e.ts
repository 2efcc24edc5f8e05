import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { expect, test, type Page } from '@playwright/test';
import { addConsoleUser, consoleAdmin, signInConsole, startHqWithConsole } from './consoleSupport';
import { ARTIFACTS, shot } from './support';
import type { TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { checkInInput, openTestDesk, type TestDesk } from '../support/desk';
import { cashPayment, feeDesk } from '../support/fees';
import { receiptVerifyRef } from '../../shared/print/receipt';
import { maskPhone } from '../../shared/domain/mask';

test.describe.configure({ mode: 'serial' });
let hq: TestHq;
let desk: TestDesk | undefined;
let hy: string;
test.beforeAll(async () => {
  hq = await startHqWithConsole({ tls: true });
  hy = await createSite(hq.db, { code: 'HY', name: '华悦花园', kind: 'residential' });
  await createSite(hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
});
test.afterAll(async () => {
  await desk?.close();
  await hq?.close();
});
test.use({ ignoreHTTPSErrors: true });

/** A screenshot for the README (docs/screenshots) as well as the artifacts. */
async function readmeShot(page: Page, name: string) {
  await shot(page, name);
  copyFileSync(join(ARTIFACTS, `${name}.png`), join(import.meta.dirname, '../../docs/screenshots', `${name}.png`));
}

const logins = async () =>
  (await hq.db.selectFrom('hq_console_users').select('login').orderBy('login').execute()).map((u) => u.login);

test('the admin creates an HQ user: a weak password is refused at its field and nothing is written; the user must then choose their own', async ({
  page,
}) => {
  await page.goto(`${hq.url}/`);
  await page.getByTestId('signin-login').fill(consoleAdmin.login);
  await page.getByTestId('signin-password').fill('not-the-password-1');
  await page.getByTestId('signin-password').press('Enter');
  await expect(page.getByTestId('signin-problem')).toContainText('账号或密码（或验证码）不正确');
  await signInConsole(page, hq);
  await page.getByRole('menuitem', { name: '总部账号' }).click();
  await expect(page.getByTestId('account-row-hqadmin')).toContainText('全部项目');

  await page.getByTestId('accounts-new').click();
  await page.getByTestId('account-login').fill('cw-li');
  await page.getByTestId('account-name').fill('财务李');
  await page.getByTestId('account-password').fill('short-1');
  await page.getByTestId('account-sites-some').click();
  await page.getByTestId('account-password').press('Enter');
  // The list of sites is empty and the password too short: both fields say so, HQ holds no new user.
  await expect(page.getByTestId('account-sites-error')).toHaveText('至少选一个项目');
  await page.getByTestId('account-sites').click();
  await page.getByTitle('HY · 华悦花园').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-password-error')).toHaveText('密码至少 10 位');
  await page.getByTestId('account-password').fill('12345678901234');
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-password-error')).toHaveText('密码不能只有数字或只有字母');
  expect(await logins()).toEqual(['hqadmin']);
  await readmeShot(page, 'console-accounts-refused');

  await page.getByTestId('account-password').fill('Finance-2026x');
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-row-cw-li')).toContainText('华悦花园');
  await expect(page.getByTestId('account-row-cw-li')).toContainText('须改密码');
  await expect(page.getByTestId('account-row-cw-li')).toContainText('从未登录');
  expect(await logins()).toEqual(['cw-li', 'hqadmin']);
  await readmeShot(page, 'console-accounts');

  // The new user signs in with the admin's password and must choose their own before anything else.
  await page.getByTestId('console-signout').click();
  await signInAs(page, 'cw-li', 'Finance-2026x');
  await expect(page.getByTestId('must-change-page')).toBeVisible();
  await page.getByTestId('password-current').fill('Finance-2026x');
  await page.getByTestId('password-new').fill('Finance-2027y');
  await page.getByTestId('password-repeat').fill('Finance-2027z');
  await page.getByTestId('password-repeat').press('Enter');
  await expect(page.getByTestId('password-repeat-error')).toHaveText('两次输入的新密码不一致');
  await page.getByTestId('password-repeat').fill('Finance-2027y');
  await page.getByTestId('password-repeat').press('Enter');
  await expect(page.getByTestId('console-user')).toHaveText('财务李 · 财务');
  await expect(page.getByRole('menuitem', { name: '总部账号' })).toHaveCount(0);
});

test('the admin changes a role, resets a password and disables a user; the last admin cannot disable themselves', async ({
  page,
}) => {
  await signInConsole(page, hq);
  await page.getByRole('menuitem', { name: '总部账号' }).click();
  await page.getByTestId('account-disable-hqadmin').click();
  await page.getByTestId('account-disable-confirm-hqadmin').click();
  await expect(page.getByTestId('accounts-problem')).toHaveText('这是最后一位管理全部项目的管理员，不能停用或降级。');
  await expect(page.getByTestId('account-row-hqadmin')).toContainText('启用');

  await page.getByTestId('account-edit-cw-li').click();
  await page.getByTestId('account-role').click();
  await page.getByTitle('客服经理').click();
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-row-cw-li')).toContainText('客服经理');

  await page.getByTestId('account-reset-cw-li').click();
  await page.getByTestId('account-password').fill('Short-1');
  await page.getByTestId('account-password').press('Enter');
  await expect(page.getByTestId('account-password-error')).toHaveText('密码至少 10 位');
  await page.getByTestId('account-password').fill('Reset-cw-2026');
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-row-cw-li')).toContainText('须改密码');

  await page.getByTestId('account-disable-cw-li').click();
  await page.getByTestId('account-disable-confirm-cw-li').click();
  await expect(page.getByTestId('account-row-cw-li')).toContainText('已停用');
  const cw = await hq.db
    .selectFrom('hq_console_users')
    .select(['role', 'disabled_at'])
    .where('login', '=', 'cw-li')
    .executeTakeFirstOrThrow();
  expect(cw.role).toBe('service');
  expect(cw.disabled_at).not.toBeNull();
  await page.getByTestId('console-signout').click();
  await signInAs(page, 'cw-li', 'Reset-cw-2026');
  await expect(page.getByTestId('signin-problem')).toContainText('账号或密码（或验证码）不正确');
});

async function signInAs(page: Page, login: string, password: string) {
  await page.getByTestId('signin-login').fill(login);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-password').press('Enter');
}

test('TOTP: enrolled from the QR page with a first code; then a sign-in asks for a code, typed at human speed', async ({
  page,
}) => {
  await signInConsole(page, hq);
  await page.getByRole('menuitem', { name: '我的登录安全' }).click();
  await page.getByTestId('totp-begin').click();
  await expect(page.getByTestId('totp-qr')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').locator('code').textContent())!.trim();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  await page.getByTestId('totp-code').fill('000');
  await page.getByTestId('totp-code').press('Enter');
  await expect(page.getByTestId('totp-code-error')).toHaveText('请输入 6 位数字');
  await readmeShot(page, 'console-totp');
  await page.getByTestId('totp-code').fill(totp.generate());
  await page.getByTestId('totp-code').press('Enter');
  await expect(page.getByTestId('totp-on')).toBeVisible();

  await page.getByTestId('console-signout').click();
  await signInAs(page, consoleAdmin.login, consoleAdmin.password);
  await expect(page.getByTestId('signin-totp')).toBeFocused();
  // The code that switched TOTP on is spent: the next step's code (accepted a step early) signs in.
  await page.getByTestId('signin-totp').pressSequentially(totp.generate({ timestamp: Date.now() + 30_000 }), { delay: 120 });
  await page.getByTestId('signin-totp').press('Enter');
  await expect(page.getByTestId('console-user')).toHaveText('总部张主任 · 总部管理员');
});

test('receipt verification: a receipt paid and voided with approval at a real desk, synced; its reference typed and Enter at machine speed, another at human speed, a forged one', async ({
  page,
}) => {
  desk = await openTestDesk({ deviceCode: 'A1' });
  const { unitId } = await feeDesk(desk);
  await desk.ok('staff:create', { staffNo: 'S001', name: '刘班长', role: 'shift_leader', pin: '8642' });
  const kept = (await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']))).receipt;
  const voided = (await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-09', '2026-10']))).receipt;
  await desk.ok('fees:void', { receiptId: voided.id, approval: { staffNo: 'S001', pin: '8642', reason: '收错单元' } });
  const visit = await checkInInput(desk);
  await desk.ok('visits:checkIn', visit);
  // Enrolled as at the desk's sync page (HTTPS, HQ's fingerprint pinned), then synced.
  await desk.backend.services.sync.enroll(hq.url, await issueEnrollCode(hq.db, hy, 'A1'), hq.tls!.fingerprint);
  await desk.backend.services.sync.syncNow();
  // The references the desk prints in the receipts' QR codes (a copy printed before the void).
  const refOf = async (id: string) => {
    const r = await desk!.ok('fees:receipt', { receiptId: id });
    return { r, ref: receiptVerifyRef(r.receiptNo, r.totalFen, r.id) };
  };
  const v = await refOf(voided.id);
  const k = await refOf(kept.id);

  // The auditor (the admin has TOTP on by now): verification is every role's, audit search the auditor's too.
  const auditor = { login: 'sj', name: '审计赵', password: 'Auditor-2026x', role: 'auditor' as const };
  await addConsoleUser(hq, auditor);
  await signInConsole(page, hq, auditor);
  await page.getByRole('menuitem', { name: '收据验真' }).click();
  await expect(page.getByTestId('verify-ref')).toBeFocused();
  // A scanner: the whole reference and Enter, no wait between.
  await page.keyboard.type(v.ref);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verify-status')).toHaveText('这张收据已作废');
  const details = page.getByTestId('verify-details');
  await expect(details).toContainText(v.r.receiptNo);
  await expect(details).toContainText(`¥${(v.r.totalFen / 100).toFixed(2)}`);
  await expect(details).toContainText('收错单元');
  await expect(details).toContainText('刘班长');
  await readmeShot(page, 'console-verify');
  // The next scan replaces the text (it stays selected), at a person's speed this time.
  await page.getByTestId('verify-ref').pressSequentially(k.ref, { delay: 15 });
  await page.getByTestId('verify-ref').press('Enter');
  await expect(page.getByTestId('verify-status')).toHaveText('真实有效的收据');
  await expect(page.getByTestId('verify-details')).toContainText(k.r.receiptNo);
  await expect(page.getByTestId('verify-details')).toContainText('A1');
  // The amount altered: unknown, and nothing of the real receipt is shown.
  const [, no, fen, id] = k.ref.split('/');
  await page.getByTestId('verify-ref').fill(`LDR1/${no}/${Number(fen) + 1000}/${id}`);
  await page.getByTestId('verify-ref').press('Enter');
  await expect(page.getByTestId('verify-status')).toHaveText('查无此收据');
  await expect(page.getByTestId('verify-verdict')).not.toContainText(k.r.receiptNo);
  await page.getByTestId('verify-ref').fill('');
  await page.getByTestId('verify-ref').press('Enter');
  await expect(page.getByTestId('verify-ref-error')).toHaveText('必填');

  // The same desk's records in the audit search: the visitor's phone and ID number masked as the desk masks them.
  await page.getByRole('menuitem', { name: '审计查询' }).click();
  await page.getByTestId('audit-type').locator('input').fill('VisitorCheckedIn');
  await page.getByTestId('audit-search').click();
  const table = page.getByTestId('audit-events-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await table.locator('.ant-table-row-expand-icon').first().click();
  await expect(table.locator('.audit-payload')).toContainText(maskPhone(visit.visitor.phone));
  await expect(table).not.toContainText(visit.visitor.phone);
  await expect(table).not.toContainText(visit.visitor.idNumber);
  await readmeShot(page, 'console-audit');
  await page.getByTestId('audit-tab-console').click();
  await expect(page.getByTestId('audit-console-table')).toContainText('session.signIn');
});
