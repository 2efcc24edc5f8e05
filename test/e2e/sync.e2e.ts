import { expect, test } from './printRecorder';
import { ADMIN, setUpByFormAndOpenShift, shot } from './support';
import { startDeskServer, type DeskServer } from './deskServer';
import { startTestHq, type TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { PNG_1x1 } from '../support/mail';
import { typedFingerprint } from '../../shared/sync/fingerprint';

test.describe.configure({ mode: 'serial' });
let desk: DeskServer;
let hq: TestHq;
let siteId: string;
test.beforeAll(async () => {
  // HQ over HTTPS with its self-signed certificate, as `npm run hq` serves it; desks type its fingerprint.
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq({ tls: true })]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test('a desk that worked offline connects to HQ with a one-time code; its waiting records and pictures drain to 0', async ({
  page,
}) => {
  await setUpByFormAndOpenShift(page, desk);

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
  siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  const wrong = await issueEnrollCode(hq.db, siteId, 'B9');
  const code = await issueEnrollCode(hq.db, siteId, 'A1');
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  // A plain http address on the network is refused at its field: the secret would travel in clear.
  await page.getByTestId('hq-url').fill('http://192.168.1.20:8780');
  await page.getByTestId('enroll-code').fill(wrong);
  await page.getByTestId('enroll-fingerprint').fill(typedFingerprint(hq.tls!.fingerprint));
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('hq-url-error')).toHaveText(
    '总部地址必须以 https:// 开头（只有本机 127.0.0.1 / localhost 可用 http://）：否则设备密钥会以明文传输',
  );
  await page.getByTestId('hq-url').fill(hq.url);
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

test('a new PC joins the site from HQ with a code; the manager signs in there with the PIN from the first desk', async ({
  page,
}) => {
  const second = await startDeskServer();
  try {
    await page.goto(second.url);
    await page.getByTestId('setup-mode-hq').click();
    await expect(page.getByTestId('setup-hq-url')).toBeFocused();
    await page.keyboard.type(hq.url);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('setup-hq-code')).toBeFocused();
    // A code for A1, the first PC's desk code, is refused at the field: the numbers would repeat.
    await page.keyboard.type(await issueEnrollCode(hq.db, siteId, 'A1'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('setup-hq-fingerprint')).toBeFocused();
    // Another certificate's fingerprint (one digit off): refused at the field before the code is sent.
    const fp = typedFingerprint(hq.tls!.fingerprint);
    await page.keyboard.type(`${fp.slice(0, -1)}${fp.endsWith('0') ? '1' : '0'}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('setup-hq-fingerprint-error')).toHaveText(
      '总部的证书不是本前台接入时的那一张：可能不是真正的总部。请核对总部打印的指纹；未发送任何数据',
    );
    await shot(page, 'sync-new-desk-wrong-fingerprint');
    await page.getByTestId('setup-hq-fingerprint').fill(fp.toLowerCase());
    await page.getByTestId('setup-hq-fingerprint').press('Enter');
    await expect(page.getByTestId('setup-hq-code-error')).toHaveText(
      '此前台编号已被另一台电脑使用；请让总部按新的前台编号（如 A3）发接入码',
    );
    await shot(page, 'sync-new-desk-code-taken');
    await page.getByTestId('setup-hq-code').fill(await issueEnrollCode(hq.db, siteId, 'A2'));
    await page.getByTestId('setup-hq-fingerprint').press('Enter');
    await expect(page.getByText('已接入 华远大厦（HY-A2），已下载 1 位员工，请登录')).toBeVisible();

    // The manager from desk A1 signs in with their own PIN and opens this desk's first shift.
    await page.getByTestId('signin-staffNo').fill(ADMIN.staffNo);
    await page.getByTestId('signin-pin').fill(ADMIN.pin);
    await page.getByTestId('signin-pin').press('Enter');
    await page.getByTestId('shift-pattern').getByText('A 班').click();
    await page.getByTestId('shift-open').click();
    const bar = page.getByTestId('status-bar');
    await expect(bar).toContainText(ADMIN.name);
    await expect(bar).toContainText('HY-A2');
    await expect(page.getByTestId('sync-status')).toContainText('已连接总部');
    await shot(page, 'sync-new-desk-signed-in');
  } finally {
    await second.close();
  }
});
