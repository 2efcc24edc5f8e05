import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot, signInByForm } from './support';
import { residentIdCheckChar } from '../../shared/domain/idDocument';

/** A receptionist's run of visitors at machine speed: one after another, then their slips come back. */
const residentId = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
const FIRST = { id: residentId('32010219751120456'), name: '周晓燕', phone: '13700137000' };
const NEXT = { id: residentId('51010419900228123'), name: '吴天宇', phone: '13700137001' };

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);
const openDropdowns = (page: Page) => page.locator('.ant-select-dropdown:visible');

const signIn = (page: Page) => signInByForm(page, desk);

/** Keyboard only, as at the desk: type, Enter to move on; the host by pinyin initials. */
async function typeVisitor(page: Page, v: { id: string; name: string; phone: string }) {
  await expect(page.getByTestId('visitor-idNumber')).toBeFocused();
  await page.keyboard.type(v.id);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visitor-name')).toBeFocused();
  await page.keyboard.type(v.name);
  await page.keyboard.press('Enter');
  await page.keyboard.type(v.phone);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // party size stays 1
  await page.keyboard.type('zs');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visitor-purpose').locator('input')).toBeFocused();
  await page.keyboard.type('拜访');
}

test('setup', async ({ page }) => {
  const switchboard = ['单元,楼栋,面积,姓名,电话,身份,公司', 'T-2001,写字楼,,,021-55556666 转 818,公司,远航贸易有限公司'];
  await setUpAndOpenShift(page, desk, {
    beforeShift: () =>
      api(page, 'directory:import', {
        fileName: 'more.csv',
        contentBase64: Buffer.from(switchboard.join('\n')).toString('base64'),
      }),
  });
});

test('after registering, the form is empty with the cursor in the first field, and the next visitor is not pre-filled', async ({
  page,
}) => {
  await signIn(page);
  await page.keyboard.press('F2');
  await typeVisitor(page, FIRST);
  // Registered from the ID field (where the recall runs when it is left), with the purpose list open.
  await page.getByTestId('visitor-idNumber').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`${FIRST.name} 已登记`)).toBeVisible();

  await expect(page.getByTestId('visitor-idNumber')).toBeFocused();
  for (const f of ['visitor-idNumber', 'visitor-name', 'visitor-phone', 'visitor-plate', 'visitor-note'])
    await expect(page.getByTestId(f)).toHaveValue('');
  await expect(page.getByTestId('visitor-purpose').locator('input')).toHaveValue('');
  await expect(page.getByTestId('host-select').locator('.ant-select-content-has-value')).toHaveCount(0);
  await expect(openDropdowns(page)).toHaveCount(0);
  await shot(page, 'cf01-checkin-fresh-form');

  // The next visitor, typed at once: their own values only, no recall of the visit just made.
  await typeVisitor(page, NEXT);
  await expect(page.getByTestId('visitor-idNumber')).toHaveValue(NEXT.id);
  await expect(page.getByTestId('visitor-name')).toHaveValue(NEXT.name);
  await expect(page.getByTestId('visitor-phone')).toHaveValue(NEXT.phone);
  await expect(page.getByTestId('recall-banner')).toHaveCount(0);
  await expect(page.getByTestId('already-on-site')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`${NEXT.name} 已登记`)).toBeVisible();
  await expect(openDropdowns(page)).toHaveCount(0);
  const onSite: { visitorName: string; idNumber?: string }[] = await api(page, 'visits:onSite', {});
  expect(onSite.map((v) => v.visitorName).sort()).toEqual([FIRST.name, NEXT.name].sort());
});

test('checking in someone still on site warns; a 15-digit old ID is told to use 其他证件', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('F2');
  const idField = page.getByTestId('visitor-idNumber');
  await expect(idField).toBeFocused();
  await page.keyboard.type(FIRST.id);
  await page.keyboard.press('Enter');
  const warning = page.getByTestId('already-on-site');
  await expect(warning).toContainText('此人仍在场：访客单 HY-A1-V');
  await expect(warning).toContainText('1-2-301');
  // The returning visitor's details are recalled as usual.
  await expect(page.getByTestId('visitor-name')).toHaveValue(FIRST.name);
  await shot(page, 'cf02-checkin-already-on-site');
  await page.getByRole('button', { name: '清 空' }).click();
  await expect(warning).toHaveCount(0);

  await idField.fill('110105491231002');
  await page.getByTestId('visitor-name').fill('郑老伯');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('visitor-idNumber-error')).toHaveText('这是 15 位旧身份证号，请把证件类型改为「其他证件」再登记');
  await shot(page, 'cf03-checkin-old-15-digit-id');
});

test('the host phone for the confirmation call: Alt+P shows the switchboard and extension for 30 s', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('F2');
  await page.getByTestId('host-select').locator('input').focus();
  await page.keyboard.type('远航');
  await page.keyboard.press('Enter');
  const phone = page.getByTestId('host-phone');
  await expect(phone).toHaveText('021-5555****转818');
  await page.keyboard.press('Alt+P');
  await expect(phone).toHaveText('021-55556666转818');
  await expect(page.getByTestId('host-phone-countdown')).toContainText('秒后隐藏');
  // The key typed nothing into the field the cursor was in.
  await expect(page.getByTestId('visitor-purpose').locator('input')).toHaveValue('');
  await expect(page.getByTestId('host-phone-countdown')).toHaveText('30 秒后隐藏（已记录查看）');
  await expect(openDropdowns(page)).toHaveCount(0);
  await shot(page, 'cf05-checkin-host-phone-revealed');
  // Hidden again once its 30 seconds are up.
  await expect(phone).toHaveText('021-5555****转818', { timeout: 40_000 });
  await expect(page.getByTestId('host-phone-reveal')).toBeVisible();
  await page.getByRole('button', { name: '清 空' }).click();
  await expect(phone).toHaveCount(0);
});

test('check-out: a refused scan leaves the field empty, so the next valid scan is read alone', async ({ page }) => {
  await signIn(page);
  const onSite: { passNo: string; visitorName: string }[] = await api(page, 'visits:onSite', {});
  const [first, second] = onSite.map((v) => v.passNo).sort();
  await page.keyboard.press('F3');
  const scan = page.getByTestId('scan-input');
  await expect(scan).toBeFocused();
  await scan.pressSequentially('HY-A1-V000000-9999');
  await scan.press('Enter');
  await expect(page.getByTestId('scan-error')).toBeVisible();
  await expect(page.getByTestId('scan-refused-code')).toHaveText('HY-A1-V000000-9999');
  await expect(scan).toHaveValue('');
  await expect(scan).toBeFocused();
  await shot(page, 'cf04-checkout-refused-scan');

  // The next slip, scanned straight after the refusal: read alone, checked out.
  await scan.pressSequentially(first);
  await scan.press('Enter');
  await expect(page.getByTestId('last-checkout')).toContainText(first);
  await expect(scan).toHaveValue('');
  // Scanned twice: refused, and the field is empty again for the second visitor's slip.
  await scan.pressSequentially(first);
  await scan.press('Enter');
  await expect(page.getByTestId('scan-error')).toHaveText('这张访客单已登记离开');
  await expect(scan).toHaveValue('');
  await scan.pressSequentially(second);
  await scan.press('Enter');
  await expect(page.getByTestId('last-checkout')).toContainText(second);
  await expect(page.getByTestId('onsite-count')).toHaveText('0 批 / 0 人');
});
