import type { Locator, Page } from '@playwright/test';
import dayjs from 'dayjs';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, shot, signInByForm } from './support';
import { residentIdCheckChar } from '../../shared/domain/idDocument';

/**
 * The search-and-pick field shared by check-in, fees, mail intake, release passes and intake
 * tickets, at machine speed: the query typed with no delay and Enter pressed at once. The pick must
 * be the typed unit or person, never the first match of an earlier search or the unit served last.
 */
const ADMIN = { staffNo: 'A001', name: '王经理', pin: '246810' };
const DIRECTORY = [
  '单元,楼栋,面积,姓名,电话,身份,公司',
  '1-2-301,1栋,89.5,张三,13800138000,业主,',
  '2-1-1502,2栋,120,周明,13700001502,业主,',
  'T-1801,写字楼,,,021-55556666,公司,华夏科技有限公司',
  '1-102,1栋,60,钱多多,13600001102,业主,',
  '4-101,4栋,80,孙甲,13600004101,业主,',
  '4-202,4栋,80,孙乙,13600004202,业主,',
  '4-401,4栋,80,赵一,13600004401,业主,',
  '4-402,4栋,80,赵二,13600004402,业主,',
  '4-403,4栋,80,赵三,13600004403,业主,',
  '4-502,4栋,80,欧阳娜娜,13600004502,业主,',
].join('\n');
const residentId = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
const VISITORS = [
  { id: residentId('11010519491231002'), name: '赵六', phone: '13700137000' },
  { id: residentId('11010119900307447'), name: '吴天宇', phone: '13700137001' },
  { id: residentId('11010119900307737'), name: '周晓燕', phone: '13700137002' },
];

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const hostInput = (page: Page) => page.getByTestId('host-select').first().locator('input');
/** What the field shows as picked once the search text is gone. */
const picked = (page: Page): Locator => page.getByTestId('host-select').first().locator('.ant-select-content-has-value');

/** Types the query as a fast typist (or a barcode wedge) does and presses Enter at once. */
async function typeAndEnter(page: Page, query: string) {
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
}

/** Searches for `first` and waits until its list is on screen, then replaces the text by `query` + Enter. */
async function afterAnEarlierSearch(page: Page, first: string, firstName: string, query: string) {
  await page.keyboard.type(first);
  await expect(page.getByTestId('host-option').first()).toContainText(firstName);
  await page.keyboard.press('Control+A');
  await typeAndEnter(page, query);
}

const signIn = (page: Page) => signInByForm(page, desk);

test('setup: a directory with units whose codes share prefixes', async ({ page }) => {
  await page.goto(desk.url);
  await api(page, 'setup:complete', { siteName: '华远大厦', siteCode: 'HY', siteKind: 'mixed', deviceCode: 'A1', admin: ADMIN });
  await api(page, 'directory:import', { fileName: 'directory.csv', contentBase64: b64(DIRECTORY) });
  const month = dayjs().format('YYYY-MM');
  const charges = ['单元,收费项目,月份', ...['1-102', '4-202', '4-403', '4-502'].map((u) => `${u},物业管理费,${month}`)];
  await api(page, 'fees:importCharges', { fileName: 'charges.csv', contentBase64: b64(charges.join('\n')) });
  await api(page, 'shift:open', { patternCode: 'A', handoverShiftId: null });
});

test('check-in: 2-1-1502 after a search for 张三, then hxkj, each + Enter at once, registers the typed host', async ({
  page,
}) => {
  await signIn(page);
  const register = async (v: (typeof VISITORS)[number], pickHost: () => Promise<void>, unit: string) => {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('visitor-idNumber')).toBeFocused();
    await page.getByTestId('visitor-idNumber').fill(v.id);
    await page.getByTestId('visitor-name').fill(v.name);
    await page.getByTestId('visitor-phone').fill(v.phone);
    await hostInput(page).focus();
    await pickHost();
    // Enter picked and moved on to the purpose, with the typed host in the field.
    await expect(page.getByTestId('visitor-purpose').locator('input')).toBeFocused();
    await expect(picked(page)).toContainText(unit);
    await page.keyboard.type('拜访');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(new RegExp(`${v.name} 已登记`))).toBeVisible();
  };
  await register(VISITORS[0], () => typeAndEnter(page, '张三'), '1-2-301');
  await register(VISITORS[1], () => afterAnEarlierSearch(page, '张三', '张三', '2-1-1502'), '2-1-1502');
  await register(VISITORS[2], () => typeAndEnter(page, 'hxkj'), 'T-1801');
  const onSite: { visitorName: string; hostUnitCode: string }[] = await api(page, 'visits:onSite', {});
  expect(Object.fromEntries(onSite.map((v) => [v.visitorName, v.hostUnitCode]))).toEqual({
    赵六: '1-2-301',
    吴天宇: '2-1-1502',
    周晓燕: 'T-1801',
  });

  // A text nobody in the directory matches: Enter picks nobody and says so at the field.
  await page.keyboard.press('F2');
  await hostInput(page).focus();
  await typeAndEnter(page, '9-9-909');
  await expect(page.getByTestId('host-notice')).toHaveText('名录中没有「9-9-909」，未选中任何人');
  await expect(hostInput(page)).toBeFocused();
  await expect(picked(page)).toHaveCount(0);
  await page.waitForTimeout(400); // let the list finish its entrance before the screenshot
  await shot(page, 'hp01-checkin-no-match');
});

test('fees: after a payment on 1-102, oynn, 4-202 and 4-40…3 + Enter each open the typed account', async ({ page }) => {
  await signIn(page);
  const account = page.getByTestId('fee-account');
  await page.keyboard.press('F10');
  await expect(hostInput(page)).toBeFocused();
  await typeAndEnter(page, '1-102');
  await expect(account).toContainText('1-102');
  await page.getByTestId('fee-charges').getByTestId('fee-month').first().click();
  await page.getByTestId('fee-tendered').fill('500');
  await page.getByTestId('fee-tendered').press('Control+Enter');
  await expect(page.getByTestId('receipt-no')).toHaveText(/HY-A1-\d{4}-000001/);

  // The unit just served is neither offered first nor picked: oynn is 欧阳娜娜 of 4-502.
  await page.keyboard.press('F10');
  await expect(hostInput(page)).toBeFocused();
  await typeAndEnter(page, 'oynn');
  await expect(account).toContainText('4-502');
  await expect(account).not.toContainText('1-102');

  await page.keyboard.press('F10');
  await typeAndEnter(page, '4-202');
  await expect(account).toContainText('4-202');

  // 4-40 shows 4-401 first; the 3 typed after a pause must open 4-403, not the 4-401 on screen.
  await page.keyboard.press('F10');
  await page.keyboard.type('4-40');
  await expect(page.getByTestId('host-option').first()).toContainText('4-401');
  await typeAndEnter(page, '3');
  await expect(account).toContainText('4-403');
  await expect(picked(page)).toContainText('4-403');
  // No list is left open over the account after the pick.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'hp02-fees-typed-account');
});

test('mail intake: 2-1-1502 after a search for 张三 registers the item to 2-1-1502', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('F12');
  const scan = page.getByTestId('mail-tracking-input');
  const row = (tracking: string) => page.getByTestId('mail-batch-table').locator('tr', { hasText: tracking });
  await expect(scan).toBeFocused();
  await scan.pressSequentially('XA200000001CN');
  await page.keyboard.press('Enter');
  await expect(hostInput(page)).toBeFocused();
  await typeAndEnter(page, 'zs');
  await expect(row('XA200000001CN')).toContainText('1-2-301');

  await expect(scan).toBeFocused();
  await scan.pressSequentially('XA200000002CN');
  await page.keyboard.press('Enter');
  await expect(hostInput(page)).toBeFocused();
  await afterAnEarlierSearch(page, '张三', '张三', '2-1-1502');
  await expect(row('XA200000002CN')).toContainText('2-1-1502');

  await expect(scan).toBeFocused();
  await scan.pressSequentially('XA200000003CN');
  await page.keyboard.press('Enter');
  await expect(hostInput(page)).toBeFocused();
  await typeAndEnter(page, '4-403');
  await expect(row('XA200000003CN')).toContainText('4-403');
  await shot(page, 'hp03-mail-typed-recipient');
});

test('release pass: 2-1-1502 after a search for 张三 + Enter picks 2-1-1502 and its owner', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('F7');
  await expect(hostInput(page)).toBeFocused();
  await afterAnEarlierSearch(page, 'zs', '张三', '2-1-1502');
  await expect(picked(page)).toContainText('2-1-1502');
  await expect(page.getByTestId('pass-relation')).toContainText('业主');
  await expect(page.getByTestId('applicant-name')).toHaveValue('周明');
  await shot(page, 'hp04-release-pass-typed-unit');
});

test('intake ticket: 4-403 after a search for 4-40 + Enter picks 4-403', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('F11');
  await hostInput(page).focus();
  await afterAnEarlierSearch(page, '4-40', '4-401', '4-403');
  await expect(picked(page)).toContainText('4-403 赵三');
  await hostInput(page).focus();
  await typeAndEnter(page, 'oynn');
  await expect(picked(page)).toContainText('4-502 欧阳娜娜');
  await shot(page, 'hp05-ticket-typed-customer');
});
