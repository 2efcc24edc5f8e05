import { sql } from 'kysely';
import { expect, test } from './printRecorder';
import { startDeskServer, type DeskServer } from './deskServer';
import { enrolOnSyncPage, setUpByFormAndOpenShift, shot } from './support';
import { startTestHq, type TestHq } from '../support/hq';
import { appendMasterEvent, createSite } from '../../hq/src/store/admin';

let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq()]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test('records from a newer LobbyDesk are counted in the status bar and named on the sync page', async ({ page }) => {
  await setUpByFormAndOpenShift(page, desk);
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await enrolOnSyncPage(page, hq, siteId);
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
  await expect(page.getByTestId('sync-parked-count')).toHaveCount(0);

  // Two records HQ holds from a build newer than this desk's (a version of the event it does not know yet).
  for (const n of [1, 2]) {
    const id = await hq.db.transaction().execute((trx) =>
      appendMasterEvent(trx, siteId, 'LogItemResolved', {
        entryId: `e${n}`,
        resolution: '已处理',
        at: new Date().toISOString(),
      }),
    );
    await sql`UPDATE events SET v = 9 WHERE id = ${id}`.execute(hq.db);
  }
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-parked-count')).toContainText('新版本记录 2 条待本机更新');
  await expect(page.getByTestId('sync-parked')).toContainText('LogItemResolved v9 ×2');
  await shot(page, 'i15-parked');
  // The pull went on: nothing waits, nothing failed.
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
});
