import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const REC = { staffNo: 'R001', name: '小李', pin: '1357' };

const desk = deskServerForThisFile();

async function signIn(page: Page, who: { staffNo: string; name: string; pin: string }) {
  await page.getByTestId('signin-staffNo').fill(who.staffNo);
  await page.getByTestId('signin-pin').fill(who.pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('user-menu')).toContainText(who.name);
}

/** Empties a field and types into it as a person would, at machine speed. */
async function retype(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).fill('');
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
}

test('an admin edits the site details in 设置: an emoji or a bidi override in the name is refused at the field, good details save and head the desk', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk, { directory: false, staff: [{ ...REC, role: 'receptionist' }] });
  await page.reload();
  await page.getByTestId('nav-settings').click();
  const details = page.getByTestId('site-details');
  await expect(page.getByTestId('site-siteName')).toHaveValue('华远大厦');

  await retype(page, 'site-siteName', '华远大厦🏢');
  await page.getByTestId('site-details-save').click();
  await expect(page.getByTestId('site-siteName-error')).toHaveText('名字里不能有表情符号，打印不出来');

  // U+202E would print the rest of the name backwards on every receipt.
  await retype(page, 'site-siteName', '华远\u202E厦大');
  await page.getByTestId('site-details-save').click();
  await expect(page.getByTestId('site-siteName-error')).toHaveText('名字里不能有文字方向控制符或看不见的字符');

  await retype(page, 'site-phone', '请打前台');
  await page.getByTestId('site-details-save').click();
  await expect(page.getByTestId('site-phone-error')).toBeVisible();
  await shot(page, 'site-details-refused');

  await retype(page, 'site-siteName', '华远国际大厦');
  await retype(page, 'site-address', '上海市浦东新区世纪大道 100 号');
  await retype(page, 'site-phone', '021-55556666-801');
  await retype(page, 'site-companyName', '上海华远物业服务有限公司');
  await page.keyboard.press('Tab');
  await page.getByTestId('site-details-save').click();
  await expect(page.getByText('项目信息已保存')).toBeVisible();
  await expect(page.getByTestId('site-siteName-error')).toHaveCount(0);
  await expect(page.locator('.brand')).toContainText('华远国际大厦');
  await shot(page, 'site-details-saved');

  // The backend kept them: after a reload the desk is headed with the new name and the form shows them.
  await page.reload();
  await expect(page.locator('.brand')).toContainText('华远国际大厦');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('site-companyName')).toHaveValue('上海华远物业服务有限公司');
  await expect(page.getByTestId('site-phone')).toHaveValue('021-55556666-801');

  // A receptionist sees the details but cannot change them.
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await signIn(page, REC);
  // 小李 joins the open shift (the handover gate is another spec's subject).
  const { handoverShiftId } = await desk.api(page, 'shift:state', {});
  await desk.api(page, 'shift:join', { handoverShiftId, pin: REC.pin });
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('site-siteName')).toHaveValue('华远国际大厦');
  await expect(page.getByTestId('site-siteName')).toBeDisabled();
  await expect(details.getByTestId('site-details-save')).toHaveCount(0);
  await expect(details).toContainText('项目信息只有系统管理员可以修改');
});
