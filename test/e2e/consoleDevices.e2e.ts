import { expect, test } from '@playwright/test';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';
import { addConsoleUser, signInConsole, startHqWithConsole } from './consoleSupport';
import type { TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';
import { runCli } from '../../hq/src/cli';

/**
 * A site's devices in the HQ console against a real HQ on embedded PostgreSQL and a real desk: the HQ
 * admin issues an enrolment code, the desk enrols with it on its sync page, and the device appears; a
 * revocation is confirmed in a dialog naming the desk, an empty reason writes nothing, and the revoked
 * desk's next sync is refused. The auditor sees the devices but no act.
 */
const desk = deskServerForThisFile();
let hq: TestHq;
test.beforeAll(async () => {
  hq = await startHqWithConsole();
});
test.afterAll(async () => hq?.close());

const device = (code: string) =>
  hq.db.selectFrom('devices').select(['id', 'revoked_at']).where('code', '=', code).executeTakeFirst();
const deviceAudit = async () =>
  (await hq.db.selectFrom('hq_console_audit').select(['action', 'detail']).orderBy('id').execute()).filter((l) =>
    l.action.startsWith('devices.'),
  );

test('an enrolment code from the console enrols a real desk; revoking it is confirmed, with a reason', async ({ page }) => {
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await setUpAndOpenShift(page, desk);
  await page.reload();

  const hqPage = await page.context().newPage();
  await signInConsole(hqPage, hq);
  await hqPage.goto(`${hq.url}/#/site/${siteId}/devices`);
  const tab = hqPage.getByTestId('devices-tab');
  await expect(tab).toContainText('本项目还没有接入的前台');

  // Bad input first: an empty desk code and a malformed one are refused at the field, no code issued.
  await hqPage.getByTestId('devices-issue-submit').click();
  await expect(hqPage.getByTestId('devices-issue-code-error')).toHaveText('必填');
  await hqPage.getByTestId('devices-issue-code').fill('A-1!');
  await hqPage.getByTestId('devices-issue-code').press('Enter');
  await expect(hqPage.getByTestId('devices-issue-code-error')).toContainText('1–4 位字母或数字');
  expect(await hq.db.selectFrom('enroll_codes').selectAll().execute()).toEqual([]);

  // Machine speed: typed and Enter with no wait; the code is shown once with its expiry.
  await hqPage.getByTestId('devices-issue-code').fill('a1');
  await hqPage.getByTestId('devices-issue-code').press('Enter');
  const issued = hqPage.getByTestId('devices-issued');
  await expect(issued).toContainText('A1 的接入码（只显示这一次）');
  await expect(hqPage.getByTestId('devices-issued-expiry')).toContainText('有效至');
  const code = (await hqPage.getByTestId('devices-issued-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{10}$/);

  // The desk enrols with it on its sync page, as a person types it.
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await page.getByTestId('hq-url').fill(hq.url);
  await page.getByTestId('enroll-code').pressSequentially(code, { delay: 30 });
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('sync-status')).toContainText('已连接总部');
  await desk.api(page, 'sync:now', {});

  await hqPage.getByTestId('devices-reload').click();
  await expect(hqPage.getByTestId('device-A1-state')).toHaveText('在线');
  await expect(hqPage.getByTestId('device-A1')).toContainText('0 秒');
  await shot(hqPage, 'console-devices');
  await hqPage.getByTestId('devices-issued-close').click();
  await expect(issued).toHaveCount(0);

  // A manager made at the desk is held for HQ and refused there: the other tab says so in people's words.
  await desk.api(page, 'staff:create', { staffNo: 'M001', name: '陈经理', role: 'manager', pin: '975310' });
  await desk.api(page, 'sync:now', {});
  const pending: string[] = [];
  await runCli(hq.db, ['pending', 'HY'], (l) => pending.push(l));
  await runCli(hq.db, ['refuse', pending[1].split('\t')[0], '未经总部同意'], () => {});
  await hqPage.getByRole('tab', { name: '退回与冲突' }).click();
  const rejection = hqPage.getByTestId('rejection').filter({ hasText: '陈经理 · M001' });
  await expect(rejection).toContainText('新增员工');
  await expect(rejection).toContainText('总部管理员拒绝了此项变更');
  await expect(rejection).toContainText('未经总部同意');
  await expect(rejection).toContainText('A1');
  await expect(hqPage.getByTestId('rejections')).not.toContainText('StaffCreated');
  await expect(hqPage.getByTestId('rejections')).not.toContainText('refused_at_hq');
  await expect(hqPage.getByTestId('conflicts')).toContainText('没有待处理的冲突');
  await shot(hqPage, 'console-rejections');
  // In the other languages, the desk's own words too.
  for (const [lang, what, why] of [
    ['en', 'Staff added', 'An HQ administrator refused this change'],
    ['zh-Hant', '新增員工', '總部管理員拒絕了此項變更'],
  ]) {
    await hqPage.evaluate((l) => localStorage.setItem('lobbydesk.console.language', l), lang);
    await hqPage.reload();
    await expect(rejection).toContainText(what);
    await expect(rejection).toContainText(why);
  }
  await hqPage.evaluate(() => localStorage.setItem('lobbydesk.console.language', 'zh-Hans'));
  await hqPage.goto(`${hq.url}/#/site/${siteId}/devices`);
  await hqPage.reload();
  await expect(hqPage.getByRole('tab', { name: '设备' })).toBeVisible();

  // Revoke: the dialog names A1; an empty reason writes nothing.
  await hqPage.getByTestId('device-A1-revoke').click();
  const dialog = hqPage.getByRole('dialog');
  await expect(dialog).toContainText('吊销设备 A1？');
  await expect(dialog).toContainText('永久');
  await hqPage.getByTestId('devices-revoke-confirm').click();
  await expect(hqPage.getByTestId('devices-revoke-reason-error')).toHaveText('必填');
  await hqPage.getByTestId('devices-revoke-reason').fill('   ');
  await hqPage.getByTestId('devices-revoke-confirm').click();
  await expect(hqPage.getByTestId('devices-revoke-reason-error')).toHaveText('必填');
  expect((await device('A1'))?.revoked_at).toBeNull();
  expect((await deviceAudit()).map((l) => l.action)).toEqual(['devices.issueCode']);
  await shot(hqPage, 'console-devices-revoke');
  // Cancel leaves it as it was; then revoked with a reason.
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(hqPage.getByTestId('device-A1-state')).toHaveText('在线');
  await hqPage.getByTestId('device-A1-revoke').click();
  await hqPage.getByTestId('devices-revoke-reason').fill('电脑被盗，报警回执 2026-118');
  await hqPage.getByTestId('devices-revoke-confirm').click();
  await expect(hqPage.getByTestId('device-A1-state')).toHaveText('已吊销');
  await expect(hqPage.getByTestId('device-A1-revoke')).toHaveCount(0);
  expect((await device('A1'))?.revoked_at).not.toBeNull();
  const audit = await deviceAudit();
  expect(audit.map((l) => l.action)).toEqual(['devices.issueCode', 'devices.revoke']);
  expect(audit[1].detail).toMatchObject({ reason: '电脑被盗，报警回执 2026-118' });

  // The revoked desk's identity can still move to a new PC: a replacement code, confirmed first.
  await hqPage.getByTestId('device-A1-replace').click();
  await expect(hqPage.getByRole('tooltip')).toContainText('为 A1 发放替换接入码？');
  await hqPage
    .getByRole('tooltip')
    .getByRole('button', { name: /发\s*放/ })
    .click();
  await expect(issued).toContainText('替换 A1 的接入码（只显示这一次）');
  const replacement = (await hqPage.getByTestId('devices-issued-code').innerText()).trim();
  const a1 = await device('A1');
  expect(await hq.db.selectFrom('enroll_codes').select('replaces').where('code', '=', replacement).executeTakeFirst()).toEqual({
    replaces: a1!.id,
  });

  // The revoked desk is refused at its next sync.
  await desk.api(page, 'sync:now', {});
  await page.reload();
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await expect(page.getByTestId('sync-last-error')).toContainText('revoked');

  // The auditor reads the devices and sees no act.
  await addConsoleUser(hq, { login: 'audit', name: '审计周', password: 'Audit-HQ-2026', role: 'auditor', siteIds: [siteId] });
  const auditPage = await page
    .context()
    .browser()!
    .newContext()
    .then((c) => c.newPage());
  await signInConsole(auditPage, hq, { login: 'audit', password: 'Audit-HQ-2026' });
  await auditPage.goto(`${hq.url}/#/site/${siteId}/devices`);
  await expect(auditPage.getByTestId('device-A1-state')).toHaveText('已吊销');
  await expect(auditPage.getByTestId('devices-issue-submit')).toHaveCount(0);
  await expect(auditPage.getByRole('columnheader', { name: '操作' })).toHaveCount(0);
});
