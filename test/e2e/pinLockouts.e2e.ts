import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpSite, shot } from './support';
import { deskTime } from '../../shared/domain/deskTime';

const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642' };
const REC = { staffNo: 'R001', name: '小李', pin: '1357' };
const OTHER = { staffNo: 'R002', name: '小王', pin: '1358' };

const desk = deskServerForThisFile();

/** By API: the site, its people, a shift the leader opened and the second receptionist joined; then signed out. */
async function setUp(page: Page) {
  await setUpSite(page, desk);
  for (const s of [
    { ...LEADER, role: 'shift_leader' },
    { ...REC, role: 'receptionist' },
    { ...OTHER, role: 'receptionist' },
  ])
    await desk.api(page, 'staff:create', s);
  await desk.api(page, 'auth:signIn', { staffNo: LEADER.staffNo, pin: LEADER.pin });
  await desk.api(page, 'shift:open', { patternCode: 'A', handoverShiftId: null });
  await desk.api(page, 'auth:signIn', { staffNo: OTHER.staffNo, pin: OTHER.pin });
  await desk.api(page, 'shift:join', { handoverShiftId: null, pin: OTHER.pin });
  await desk.api(page, 'auth:signOut', {});
  await page.reload();
}

/** Site wall-clock time of an instant, as the desk shows it. */
const hm = (iso: string) => deskTime(iso).format('HH:mm');

async function typeSignIn(page: Page, who: { staffNo: string; pin: string }) {
  await page.getByTestId('signin-staffNo').fill('');
  await page.getByTestId('signin-staffNo').click();
  await page.keyboard.type(who.staffNo);
  await page.getByTestId('signin-pin').click();
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter');
}

test('wrong PINs lock a receptionist; the shift leader sees it in the status bar and in the staff list, a receptionist does not', async ({
  page,
}) => {
  await page.goto(desk.url);
  await setUp(page);

  // Someone tries PINs for 小李 as fast as the keyboard goes; each refusal empties the field for the next try.
  await page.getByTestId('signin-staffNo').click();
  await page.keyboard.type(REC.staffNo);
  await page.getByTestId('signin-pin').click();
  const pin = page.getByTestId('signin-pin');
  for (const guess of ['0000', '1111', '1234', '2580', '9999']) {
    await page.keyboard.type(guess);
    await page.keyboard.press('Enter');
    await expect(pin).toHaveValue('');
  }
  await expect(page.getByText(/连续输错 5 次，账号锁定至 \d\d:\d\d/)).toBeVisible();
  // The right PIN no longer gets in.
  await page.keyboard.type(REC.pin);
  await page.keyboard.press('Enter');
  await expect(pin).toHaveValue('');
  await expect(page.getByTestId('user-menu')).toHaveCount(0);

  // The shift leader signs in: the status bar says an account is locked, on whatever page is open.
  await typeSignIn(page, LEADER);
  await expect(page.getByTestId('user-menu')).toContainText(LEADER.name);
  const notice = page.getByTestId('lockout-notice');
  await expect(notice).toHaveText(/小李 的 PIN 已锁定，至 \d\d:\d\d/);
  const [lock] = (await desk.api(page, 'staff:lockouts', {})).accounts;
  await expect(notice).toHaveText(`小李 的 PIN 已锁定，至 ${hm(lock.lockedUntil)}`);
  expect(lock).toMatchObject({ staffNo: REC.staffNo, lockouts: 1 });
  // Five minutes from the fifth wrong PIN; the sixth try (the right PIN) came after it.
  expect(Date.parse(lock.lockedUntil) - Date.now()).toBeGreaterThan(3 * 60_000);
  expect(Date.parse(lock.lockedUntil) - Date.parse(lock.lastFailedAt)).toBeLessThanOrEqual(5 * 60_000);

  // One click opens the staff list, where 小李's row says until when (site time), the count and the last try.
  await notice.click();
  const row = page.getByTestId(`staff-row-${REC.staffNo}`);
  await expect(row.getByTestId(`staff-lock-${REC.staffNo}`)).toHaveText(
    `已锁定 至 ${hm(lock.lockedUntil)}连续第 1 次锁定 · 最后输错 ${hm(lock.lastFailedAt)}`,
  );
  await expect(page.getByTestId(`staff-lock-${LEADER.staffNo}`)).toHaveCount(0);
  await shot(page, 'pin-lockouts-01-leader');

  // Another receptionist on the same shift: no notice, no lock tag, and the backend refuses the list.
  await page.keyboard.press('Control+Shift+F12');
  await typeSignIn(page, OTHER);
  await expect(page.getByTestId('user-menu')).toContainText(OTHER.name);
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId(`staff-row-${REC.staffNo}`)).toBeVisible();
  await expect(page.getByTestId(`staff-lock-${REC.staffNo}`)).toHaveCount(0);
  await expect(page.getByTestId('lockout-notice')).toHaveCount(0);
  await expect(desk.api(page, 'staff:lockouts', {})).rejects.toThrow(/forbidden/);
  await shot(page, 'pin-lockouts-02-receptionist');
});

test('a script bursts sign-ins over many staff numbers: the signed-in leader’s status bar shows the desk-wide pause at once', async ({
  page,
  browser,
}) => {
  await page.goto(desk.url);
  await typeSignIn(page, LEADER);
  await expect(page.getByTestId('user-menu')).toContainText(LEADER.name);
  const notice = page.getByTestId('lockout-notice');
  // 小李 is still locked from the first test; the desk itself is not paused yet.
  await expect(notice).toContainText('小李 的 PIN 已锁定');
  await expect(notice).not.toContainText('PIN 尝试过多');

  // Another browser on the desk PC sends 25 sign-ins at once, each for a different staff number.
  const attacker = await browser.newPage();
  await attacker.goto(desk.url);
  const tries = Array.from({ length: 25 }, (_, i) =>
    attacker.request.post(`${desk.url}api/auth:signIn`, { data: { staffNo: `X${100 + i}`, pin: '0000' } }).then((r) => r.json()),
  );
  const codes = (await Promise.all(tries)).map((r: { error: { code: string } }) => r.error.code);
  expect(codes).toContain('pin_desk_busy');
  expect(codes.every((c) => c === 'pin_desk_busy' || c === 'wrong_pin')).toBe(true);

  // Without a reload or a click, the leader's screen says the desk is paused and until when.
  const { deskLimitUntil } = await desk.api(page, 'staff:lockouts', {});
  await expect(notice).toContainText(`PIN 尝试过多，前台暂停至 ${hm(deskLimitUntil)}`);
  await notice.click();
  await expect(page.getByTestId('desk-pin-limit')).toContainText(`所有人的登录和审批暂停至 ${hm(deskLimitUntil)}`);
  await shot(page, 'pin-lockouts-03-desk-limit');
  await attacker.close();
});
