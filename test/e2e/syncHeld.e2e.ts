import { expect, test } from './printRecorder';
import { startDeskServer, type DeskServer } from './deskServer';
import { enrolOnSyncPage, setUpByFormAndOpenShift } from './support';
import { startTestHq, type TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';
import { runCli } from '../../hq/src/cli';

let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq()]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test("a manager made at the desk waits for HQ's administrator, listed on the sync page in the desk's words; refused at HQ, the page says so with the administrator's reason", async ({
  page,
}) => {
  await setUpByFormAndOpenShift(page, desk);
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await enrolOnSyncPage(page, hq, siteId);
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
  // The site's first admin was accepted: nothing is listed.
  await expect(page.getByText('等待总部管理员确认')).toHaveCount(0);

  await desk.api(page, 'staff:create', { staffNo: 'M001', name: '陈经理', role: 'manager', pin: '975310' });
  await page.getByTestId('sync-now-page').click();
  // Said as the inbox says it: what, about whom, why — no event type, reason code or payload.
  const row = page.getByTestId('rejection').filter({ hasText: '陈经理 · M001' });
  await expect(row).toContainText('新增员工');
  await expect(row).toContainText('等待总部管理员确认');
  await expect(row).not.toContainText('StaffCreated');
  await expect(row).not.toContainText('held_for_hq');
  // Nothing HQ's data could fix: no re-send offered.
  await expect(row.getByTestId('rejection-resend')).toHaveCount(0);

  const lines: string[] = [];
  await runCli(hq.db, ['pending', 'HY'], (l) => lines.push(l));
  expect(lines[0]).toBe('1 change(s) wait for confirmation at HY');
  await runCli(hq.db, ['refuse', lines[1].split('\t')[0], '未经总部同意'], () => {});
  await page.getByTestId('sync-now-page').click();
  await expect(row).toContainText('总部管理员拒绝了此项变更');
  // The administrator's own words, as they wrote them.
  await expect(row).toContainText('总部说明');
  await expect(row).toContainText('未经总部同意');
  await expect(row).not.toContainText('refused at HQ');
});
