import { sql } from 'kysely';
import { expect, test } from './printRecorder';
import { startDeskServer, type DeskServer } from './deskServer';
import { startTestHq, type TestHq } from '../support/hq';
import { appendMasterEvent, createSite, issueEnrollCode } from '../../hq/src/store/admin';

const ADMIN = { staffNo: 'A001', name: '王经理', pin: '246810' };

let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq()]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test('a record from a newer LobbyDesk is kept and listed on the sync page, and the desk keeps syncing', async ({ page }) => {
  await page.goto(desk.url);
  await page.getByTestId('setup-siteName').fill('华远大厦');
  await page.getByTestId('setup-siteCode').fill('HY');
  await page.getByTestId('setup-staffNo').fill(ADMIN.staffNo);
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-pin').fill(ADMIN.pin);
  await page.getByTestId('setup-pinAgain').fill(ADMIN.pin);
  await page.getByTestId('setup-pinAgain').press('Enter');
  await page.getByTestId('shift-pattern').getByText('A 班').click();
  await page.getByTestId('shift-open').click();
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await page.getByTestId('hq-url').fill(hq.url);
  await page.getByTestId('enroll-code').fill(await issueEnrollCode(hq.db, siteId, 'A1'));
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
  await expect(page.getByTestId('sync-parked')).toHaveText('0');

  // Another desk of the site already runs a newer build: HQ serves a record type this build does not know.
  const id = await hq.db.transaction().execute((trx) => appendMasterEvent(trx, siteId, 'StaffDisabled', { staffId: 'S-none' }));
  await sql`UPDATE events SET type = 'VisitorBadgePrinted' WHERE id = ${id}`.execute(hq.db);
  await page.getByTestId('sync-now-page').click();
  await expect(page.getByTestId('sync-parked')).toHaveText(
    '1 条由较新版本 LobbyDesk 写入的记录已保存在本前台，本机更新后自动应用：VisitorBadgePrinted v1 ×1',
  );
  await expect(page.getByTestId('sync-last-error')).toHaveCount(0);
});
