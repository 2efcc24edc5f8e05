import { expect, test } from './printRecorder';
import { startDeskServer, type DeskServer } from './deskServer';
import { enrolOnSyncPage, setUpByFormAndOpenShift, shot } from './support';
import { startTestHq, type TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';

// HQ's clock is an hour slow at first: everything this desk wrote before it knew HQ's time looks ahead of it.
let hqSlowMs = 60 * 60_000;
let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq({ clock: () => new Date(Date.now() - hqSlowMs) })]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test("a record HQ refused while its clock was wrong is re-sent from the sync page once HQ's clock is right", async ({ page }) => {
  await setUpByFormAndOpenShift(page, desk);
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await enrolOnSyncPage(page, hq, siteId);
  // Her own record as a colleague, said in the desk's words (the reason code never shown).
  const line = page.getByTestId('rejection').filter({ hasText: '新增员工' }).filter({ hasText: '王经理 · A001' });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('本台时钟超前太多');
  await shot(page, 'i15-rejection-resend');
  await expect(line).not.toContainText('hlc_ahead');

  // Re-sent while HQ's clock is still wrong: HQ refuses it again, and says why.
  await line.getByTestId('rejection-resend').click();
  await expect(page.getByText('总部仍然退回：本台时钟超前太多')).toBeVisible();
  await expect(line).toHaveCount(1);

  hqSlowMs = 0;
  await line.getByTestId('rejection-resend').click();
  await expect(page.getByText('总部已接受这条记录')).toBeVisible();
  await expect(line).toHaveCount(0);
});
