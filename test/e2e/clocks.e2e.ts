import { expect, test } from './printRecorder';
import { ADMIN, setUpSiteWithDirectory, shot } from './support';
import { startDeskServer, type DeskServer } from './deskServer';
import { startTestHq, type TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { residentIdCheckChar } from '../../shared/domain/idDocument';
import { deskTime } from '../../shared/domain/deskTime';

/**
 * A desk PC whose clock runs 6 hours slow (libfaketime on the desk server), against a real HQ on the
 * right time: once HQ has answered, the status bar says so in red and the check-in is stamped on HQ's clock.
 */
test.describe.configure({ mode: 'serial' });
let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer({ clockOffset: '-6h' }), startTestHq()]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

const first17 = '32010219751120456';
const VISITOR = { id: `${first17}${residentIdCheckChar(first17)}`, name: '周晓燕', phone: '13700137000' };
/** The site's real time between two instants as a screen shows it (`format`), as a pattern: the minute may turn meanwhile. */
const shown = (format: string, from: number, to: number) =>
  new RegExp([...new Set([from, to].map((ms) => deskTime(ms).format(format)))].join('|'));

test('a desk 6 h slow shows the red warning once HQ answered, and its check-in carries HQ’s time', async ({ page }) => {
  await page.goto(desk.url);
  await setUpSiteWithDirectory(page, desk);
  // Before any answer from HQ there is nothing to compare with: the PC's clock as is, no warning.
  expect((await desk.api(page, 'sync:status', {})).clock.offsetMs).toBeNull();
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await desk.api(page, 'sync:enroll', { hqUrl: hq.url, code: await issueEnrollCode(hq.db, siteId, 'A1') });
  const status = await desk.api(page, 'sync:now', {});
  expect(Math.round(status.clock.offsetMs / 60_000)).toBe(360);
  await desk.api(page, 'shift:open', { patternCode: 'A', handoverShiftId: null });

  await page.goto(desk.url);
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
  const warning = page.getByTestId('clock-warning');
  await expect(warning).toHaveText('时钟比总部慢 6 小时 0 分钟');
  await expect(warning).toHaveAttribute('title', '本机时钟比总部慢 6 小时 0 分钟：业务时间已按总部时间记录，请校准电脑时间');
  await expect(warning).toHaveCSS('background-color', 'rgb(207, 19, 34)');
  // The status bar's clock reads HQ's time too, not the PC's 6 h behind.
  await expect(page.getByTestId('status-bar')).toContainText(shown('HH:mm', Date.now() - 30_000, Date.now() + 30_000));

  // A check-in at machine speed: stamped (and listed) at the real time, not six hours earlier.
  const before = Date.now();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('visitor-idNumber')).toBeFocused();
  for (const v of [VISITOR.id, VISITOR.name, VISITOR.phone]) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter'); // party size stays 1
  await page.keyboard.type('zs');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visitor-purpose').locator('input')).toBeFocused();
  await page.keyboard.type('拜访');
  await page.getByTestId('visitor-idNumber').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`${VISITOR.name} 已登记`)).toBeVisible();
  const after = Date.now();
  await page.keyboard.press('F3');
  const row = page.getByTestId('onsite-table').locator('tr', { hasText: VISITOR.name });
  await expect(row).toContainText(shown('MM-DD HH:mm', before, after));
  await shot(page, 'clock-01-slow-desk-warning');

  const [visit] = await desk.api(page, 'visits:onSite', {});
  expect(Date.parse(visit.checkedInAt)).toBeGreaterThanOrEqual(before - 5_000);
  expect(Date.parse(visit.checkedInAt)).toBeLessThanOrEqual(after + 5_000);

  // The sync page says the same, on its clock line.
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await expect(page.getByTestId('sync-clock')).toHaveText(
    '本机时钟比总部慢 6 小时 0 分钟：业务时间已按总部时间记录，请校准电脑时间',
  );
});
