import { expect, test } from '@playwright/test';
import { consoleAdmin, signInConsole, startHqWithConsole } from './consoleSupport';
import { shot } from './support';
import type { TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';

test.describe.configure({ mode: 'serial' });
let hq: TestHq;
test.beforeAll(async () => {
  // Over HTTPS with HQ's self-signed certificate, as `npm run hq` serves it (the session cookie is Secure).
  hq = await startHqWithConsole({ tls: true });
  await createSite(hq.db, { code: 'HY', name: '华悦花园', kind: 'residential' });
  await createSite(hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
});
test.afterAll(async () => hq?.close());
test.use({ ignoreHTTPSErrors: true });

test('HQ serves the console; a wrong password is refused at the form, the right one (typed, Enter, no wait) signs in', async ({
  page,
}) => {
  await page.goto(`${hq.url}/`);
  await expect(page).toHaveTitle('LobbyDesk 总部管理台');
  // Nothing typed: each field says so, nothing is sent.
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-login-error')).toHaveText('必填');
  await page.getByTestId('signin-login').fill(consoleAdmin.login);
  await page.getByTestId('signin-password').fill('wrong-password-1');
  await page.getByTestId('signin-password').press('Enter');
  await expect(page.getByTestId('signin-problem')).toContainText('账号或密码（或验证码）不正确');
  await shot(page, 'console-signin-refused');

  await page.getByTestId('signin-password').fill(consoleAdmin.password);
  await page.getByTestId('signin-password').press('Enter');
  await expect(page.getByTestId('console-user')).toHaveText('总部张主任 · 总部管理员');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ldhq_session')!;
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/console/api' });
  // The home page is the portfolio; the plain list of sites is the menu's "项目".
  await page.getByRole('menuitem', { name: '项目', exact: true }).click();
  await expect(page.getByTestId('sites-table')).toContainText('华悦花园');
  await expect(page.getByTestId('sites-table')).toContainText('写字楼');
  await shot(page, 'console-sites');

  // A site opens from its row; a reload keeps the session and the page.
  await page.getByText('金泰大厦').click();
  await expect(page.getByTestId('site-page')).toContainText('JT · 金泰大厦');
  await page.reload();
  await expect(page.getByTestId('site-page')).toContainText('JT · 金泰大厦');

  // Signed out: the session is gone at HQ too (the old cookie signs nobody in).
  await page.getByTestId('console-signout').click();
  await expect(page.getByTestId('signin-login')).toBeVisible();
  const me = await page.request.post(`${hq.url}/console/api/session.me`, {
    headers: { origin: hq.url, cookie: `ldhq_session=${cookie.value}` },
    data: {},
  });
  expect(await me.json()).toEqual({ ok: true, value: null });
});

test('a page on another origin open on the same PC cannot call the console, even with the cookie', async ({ page }) => {
  await signInConsole(page, hq);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ldhq_session')!;
  const asEvil = await page.request.post(`${hq.url}/console/api/sites.list`, {
    headers: { origin: 'https://evil.example', cookie: `ldhq_session=${cookie.value}` },
    data: {},
  });
  expect(asEvil.status()).toBe(403);
  // A cross-site form post (no JSON body) is refused before any procedure runs: 415, not a form HQ reads.
  const form = await page.request.post(`${hq.url}/console/api/sites.list`, {
    headers: { origin: hq.url, cookie: `ldhq_session=${cookie.value}`, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'x=1',
  });
  expect(form.status()).toBe(415);
  const headers = (await page.request.get(`${hq.url}/`)).headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});
