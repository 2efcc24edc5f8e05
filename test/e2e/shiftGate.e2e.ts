import type { Browser, Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { ADMIN, setUpByFormAndOpenShift, shot } from './support';
import { startDeskServer, type DeskServer } from './deskServer';

const REC = { staffNo: 'R001', name: '小李', pin: '1357' };

async function setUp(page: Page, desk: DeskServer) {
  await setUpByFormAndOpenShift(page, desk);
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
}

/** Keyboard only, at machine speed: staff number, Tab, PIN, Enter. */
async function signIn(page: Page, who: { staffNo: string; pin: string }) {
  await page.getByTestId('signin-staffNo').click();
  await page.keyboard.type(who.staffNo);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter');
}

async function newPage(browser: Browser, url: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  return page;
}

test.describe('a PC in another time zone', () => {
  // The desk's PC and its screen both run on UTC, as a PC set up abroad or left on the factory zone.
  test.use({ timezoneId: 'UTC' });

  test('a desk on a PC set to another time zone says so in the status bar, and shows the site’s time', async ({ browser }) => {
    const desk = await startDeskServer({ tz: 'UTC' });
    try {
      const page = await newPage(browser, desk.url);
      await setUp(page, desk);
      const warning = page.getByTestId('zone-warning');
      await expect(warning).toContainText('UTC');
      await expect(warning).toContainText('Asia/Shanghai');
      // The clock in the status bar is the site's (Beijing) day and hour, whatever the PC says.
      const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date());
      await expect(page.getByTestId('status-bar')).toContainText(beijing);
      await shot(page, 'shiftgate-01-zone-warning');
      // 设置 → the site's zone: an abbreviation is refused at the field; the PC's own zone silences the warning.
      await page.getByTestId('nav-settings').click();
      const zone = page.getByTestId('settings-siteTimeZone');
      await expect(zone).toHaveValue('Asia/Shanghai');
      await zone.fill('CST');
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-siteTimeZone-error')).toHaveText('不是有效的时区名（例如 Asia/Shanghai）');
      await zone.fill('UTC');
      await page.getByTestId('settings-save').click();
      await expect(page.getByText('设置已保存')).toBeVisible();
      await page.reload();
      await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
      await expect(page.getByTestId('zone-warning')).toHaveCount(0);
    } finally {
      await desk.close();
    }
  });
});

test.describe.serial('a shift left open for days, the reading gate, 在岗 and signing out', () => {
  let desk: DeskServer;
  test.afterAll(() => desk.close());

  test('在岗 lists the members of the open shift, not everyone signed in', async ({ page, browser }) => {
    desk = await startDeskServer();
    await setUp(page, desk);
    await expect(page.getByTestId('zone-warning')).toHaveCount(0);
    await desk.api(page, 'staff:create', { staffNo: REC.staffNo, name: REC.name, role: 'receptionist', pin: REC.pin });
    // The shift's log is long: its handover is more than one screen.
    for (let i = 1; i <= 24; i++)
      await desk.api(page, 'log:add', {
        entryId: crypto.randomUUID(),
        category: 'incident',
        priority: 'high',
        text: `重要事件 ${i}`,
      });
    // 小李 signs in at a second window but has not joined: not on duty.
    const rec = await newPage(browser, desk.url);
    await signIn(rec, REC);
    await expect(rec.getByTestId('shift-gate')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('status-bar')).toContainText(`在岗: ${ADMIN.name}`);
    await expect(page.getByTestId('status-bar')).not.toContainText(REC.name);
    // Joining puts 小李 on the shift and in 在岗 on every window.
    await rec.getByTestId('shift-open').click();
    await expect(rec.getByTestId('status-bar')).toContainText(`${ADMIN.name}、${REC.name}`);
    await expect(page.getByTestId('status-bar')).toContainText(`${ADMIN.name}、${REC.name}`);
    await shot(page, 'shiftgate-02-on-duty-members');
    await rec.context().close();
  });

  test('91 days later a member is not let straight in: the take-over gate, read by ↓ and PageDown with no Tab', async ({
    page,
  }) => {
    const dataDir = desk.dataDir;
    await desk.close();
    desk = await startDeskServer({ dataDir, clockOffset: '+91d' });
    await page.goto(desk.url);
    await signIn(page, REC);
    const gate = page.getByTestId('shift-gate');
    await expect(gate).toContainText('接管未交班的班次');
    await expect(page.getByTestId('left-open')).toContainText(REC.name);
    // The API refuses desk work to a member of the lapsed shift too.
    await expect(desk.api(page, 'log:list', {})).rejects.toThrow('err.shift.leftOpen');
    // The sheet has the keyboard from the start: ↓ and PageDown scroll it, no Tab needed.
    const sheet = page.getByTestId('handover-scroll');
    await expect(sheet).toBeFocused();
    await expect(page.getByTestId('shift-pin')).toBeDisabled();
    await shot(page, 'shiftgate-03-takeover-reading');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sheet.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const afterArrow = await sheet.evaluate((el) => el.scrollTop);
    await page.keyboard.press('PageDown');
    await expect.poll(() => sheet.evaluate((el) => el.scrollTop)).toBeGreaterThan(afterArrow + 100);
    for (let i = 0; i < 30 && !(await page.getByTestId('shift-pin').isEnabled()); i++) await page.keyboard.press('PageDown');
    await expect(page.getByTestId('read-hint')).toContainText('已读到最后');
    // Read to the end: the PIN field has the keyboard; type it and Enter.
    await expect(page.getByTestId('shift-pin')).toBeFocused();
    await page.keyboard.type(REC.pin);
    await page.keyboard.press('Enter');
    // The new shift is 小李's alone: 王经理's place on the lapsed one ended with it.
    await expect(page.getByTestId('status-bar')).toContainText(`在岗: ${REC.name}`);
    await expect(page.getByTestId('status-bar')).not.toContainText(ADMIN.name);
    const history = await desk.api(page, 'shift:history', {});
    expect(history[0]).toMatchObject({ abandoned: true });
    await shot(page, 'shiftgate-04-taken-over');
  });

  test('handing over ends with 交班完成 and signed out; Ctrl+Shift+F12 signs out from the desk', async ({ page }) => {
    await page.goto(desk.url);
    await signIn(page, REC);
    await expect(page.getByTestId('status-bar')).toContainText(REC.name);
    await page.keyboard.press('F6');
    await page.getByTestId('close-pin').click();
    await page.keyboard.type(REC.pin);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('signin-notice')).toContainText('交班完成');
    await expect(page.getByTestId('signin-staffNo')).toBeVisible();
    await expect(page.getByTestId('shift-gate')).toHaveCount(0);
    await shot(page, 'shiftgate-05-handed-over');

    // The next person reads 小李's sheet (the keyboard is on it) and signs.
    await signIn(page, ADMIN);
    await expect(page.getByTestId('shift-gate')).toBeVisible();
    for (let i = 0; i < 30 && !(await page.getByTestId('shift-pin').isEnabled()); i++) await page.keyboard.press('PageDown');
    await expect(page.getByTestId('shift-pin')).toBeFocused();
    await page.keyboard.type(ADMIN.pin);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status-bar')).toContainText(`在岗: ${ADMIN.name}`);
    await page.getByTestId('user-menu').hover();
    await expect(page.getByText('退出登录 (Ctrl+Shift+F12)')).toBeVisible();
    await shot(page, 'shiftgate-06-signout-key');
    await page.keyboard.press('Control+Shift+F12');
    await expect(page.getByTestId('signin-staffNo')).toBeVisible();
    await expect(page.getByTestId('signin-notice')).toHaveCount(0);
  });
});
