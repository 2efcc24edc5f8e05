import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { ADMIN, deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const REC = { staffNo: 'R001', name: '小李', pin: '1357' };
const NEW = { staffNo: 'R002', name: '小王', pin: '1358' };

const desk = deskServerForThisFile();

/** Types the staff number and PIN as a person at the desk would, and presses Enter at once. */
async function typeSignIn(page: Page, who: { staffNo: string; pin: string }) {
  await page.getByTestId('signin-staffNo').click();
  await page.keyboard.type(who.staffNo);
  await page.getByTestId('signin-pin').click();
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter');
}

async function signOut(page: Page) {
  await page.keyboard.press('Control+Shift+F12');
  await expect(page.getByTestId('signin-staffNo')).toBeVisible();
}

test('an admin corrects a role, disables a receptionist who is then refused at sign-in, and enables them again', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk, {
    directory: false,
    staff: [
      { ...REC, role: 'receptionist' },
      { ...NEW, role: 'receptionist' },
    ],
  });
  await page.reload();
  await page.getByTestId('nav-staff').click();

  // 小王 was added as a receptionist but is the new 领班, and her name is 王小红.
  await page.getByTestId(`staff-edit-${NEW.staffNo}`).click();
  await page.getByTestId('staff-edit-name').fill('');
  await page.getByTestId('staff-edit-name').click();
  await page.keyboard.type('王小红');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('staff-edit-role').locator('input')).toBeFocused();
  await page.getByTestId('staff-edit-role').click();
  await page.getByTitle('领班').click();
  await page.keyboard.press('Control+Enter');
  const newRow = page.getByTestId(`staff-row-${NEW.staffNo}`);
  await expect(newRow).toContainText('王小红');
  await expect(newRow).toContainText('领班');

  // 小李 left: disabled, after a confirmation that says what it does.
  await page.getByTestId(`staff-disable-${REC.staffNo}`).click();
  await expect(page.getByText('停用 小李？此人立即退出')).toBeVisible();
  await page.getByTestId(`staff-disable-ok-${REC.staffNo}`).click();
  const recRow = page.getByTestId(`staff-row-${REC.staffNo}`);
  await expect(recRow).toContainText('已停用');
  await shot(page, 'staff-lifecycle-01-disabled');

  await signOut(page);
  await typeSignIn(page, REC);
  await expect(page.getByTestId('signin-staffNo-error')).toHaveText('此工号已停用，不能登录。如有疑问请找管理员');
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
  await shot(page, 'staff-lifecycle-02-refused');

  // Back from leave: the admin enables 小李, whose own PIN works again.
  await page.getByTestId('signin-staffNo').fill('');
  await page.getByTestId('signin-pin').fill('');
  await typeSignIn(page, ADMIN);
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.name);
  await page.getByTestId('nav-staff').click();
  await page.getByTestId(`staff-enable-${REC.staffNo}`).click();
  await expect(recRow).toContainText('在职');
  await signOut(page);
  await typeSignIn(page, REC);
  await expect(page.getByTestId('user-menu')).toContainText(REC.name);
});

test('a PIN reset by the admin: its owner signs in with it and must choose their own before the desk opens', async ({ page }) => {
  await page.goto(desk.url);
  await expect(page.getByTestId('signin-staffNo')).toBeVisible();
  await typeSignIn(page, ADMIN);
  await page.getByTestId('nav-staff').click();
  await page.getByTestId(`staff-reset-${REC.staffNo}`).click();
  await page.getByTestId('staff-reset-pin').click();
  await page.keyboard.type('9024');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已为 小李 重设 PIN，请当面告知本人')).toBeVisible();
  await signOut(page);

  await typeSignIn(page, { staffNo: REC.staffNo, pin: '9024' });
  await expect(page.getByTestId('must-change-pin')).toBeVisible();
  await shot(page, 'staff-lifecycle-03-must-change');
  await page.getByTestId('changepin-current').click();
  await page.keyboard.type('9024');
  await page.keyboard.press('Enter');
  await page.keyboard.type('5173');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('must-change-pin')).toHaveCount(0);
  await expect(page.getByTestId('user-menu')).toContainText(REC.name);
  await signOut(page);
  await typeSignIn(page, { staffNo: REC.staffNo, pin: '5173' });
  await expect(page.getByTestId('user-menu')).toContainText(REC.name);
  await expect(page.getByTestId('must-change-pin')).toHaveCount(0);
});
