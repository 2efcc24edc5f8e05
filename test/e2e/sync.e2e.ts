import { expect, test } from './printRecorder';
import { shot } from './support';
import { startDeskServer, type DeskServer } from './deskServer';
import { startTestHq, type TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { PNG_1x1 } from '../support/mail';

const ADMIN = { staffNo: 'A001', name: '王经理', pin: '2468' };

let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq()]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test('a desk that worked offline connects to HQ with a one-time code; its waiting records and pictures drain to 0', async ({
  page,
}) => {
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

  // Offline: not connected, the desk's own records wait (setup, staff, the shift).
  const status = page.getByTestId('sync-status');
  await expect(status).toContainText('未连接总部');
  await expect(page.getByTestId('sync-waiting')).not.toHaveText('待同步 0 条');
  // A post-log entry with a photo: the picture waits too, and the status bar says so.
  await desk.api(page, 'log:add', {
    entryId: crypto.randomUUID(),
    category: 'incident',
    text: '大堂地面破损',
    attachment: { fileName: 'floor.png', contentBase64: PNG_1x1 },
  });
  await expect(page.getByTestId('sync-pictures')).toHaveText(' · 图片 1 张待上传');

  // HQ issues a code for site HY, desk A1; a code for another desk is refused at its field.
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  const wrong = await issueEnrollCode(hq.db, siteId, 'B9');
  const code = await issueEnrollCode(hq.db, siteId, 'A1');
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await page.getByTestId('hq-url').fill(hq.url);
  await page.getByTestId('enroll-code').fill(wrong);
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByText('此接入码属于其他项目或前台编号')).toBeVisible();
  await page.getByTestId('enroll-code').fill(code);
  await page.getByTestId('enroll-submit').click();

  await expect(status).toContainText('已连接总部');
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
  await expect(status).toContainText('上次同步');
  await expect(page.getByTestId('sync-pictures')).toHaveCount(0);
  await expect(page.getByTestId('sync-attachments-waiting')).toHaveText('0');
  // The photo is at HQ, byte for byte.
  const [picture] = await hq.db.selectFrom('attachments').select('data').execute();
  expect(picture.data.equals(Buffer.from(PNG_1x1, 'base64'))).toBe(true);
  await shot(page, 'sync-drained');
});
