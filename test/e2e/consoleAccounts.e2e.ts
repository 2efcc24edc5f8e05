import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { expect, test, type Page } from '@playwright/test';
import { consoleAdmin, signInConsole, startHqWithConsole } from './consoleSupport';
import { ARTIFACTS, shot } from './support';
import type { TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';

test.describe.configure({ mode: 'serial' });
let hq: TestHq;
test.beforeAll(async () => {
  hq = await startHqWithConsole({ tls: true });
  await createSite(hq.db, { code: 'HY', name: '华悦花园', kind: 'residential' });
  await createSite(hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
});
test.afterAll(async () => hq?.close());
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
