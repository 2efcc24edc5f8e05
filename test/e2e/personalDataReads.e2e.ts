import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const RECEPTIONIST = { staffNo: 'R001', name: '小李', pin: '1357' };
const MANAGER = { staffNo: 'M001', name: '陈经理', pin: '975310' };

const desk = deskServerForThisFile();

test('a manager opens an anonymous complainant with a reason, and 个人信息访问记录 shows who, when, what and why', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk, {
    staff: [
      { ...RECEPTIONIST, role: 'receptionist' },
      { ...MANAGER, role: 'manager' },
    ],
  });
  // The receptionist takes the anonymous complaint of 张三 (1-2-301).
  await desk.api(page, 'auth:signIn', { staffNo: RECEPTIONIST.staffNo, pin: RECEPTIONIST.pin });
  await desk.api(page, 'shift:join', { handoverShiftId: null, pin: RECEPTIONIST.pin });
  const [zhang] = await desk.api(page, 'directory:search', { q: '张三', limit: 1 });
  const { ticket } = await desk.api(page, 'tickets:create', {
    requestId: crypto.randomUUID(),
    kind: 'complaint',
    channel: 'walk_in',
    occupantId: zhang.occupantId,
    anonymous: true,
    severity: 'important',
    description: '保安夜间脱岗',
    place: 'service',
    category: 'fees',
    problem: 'bill',
  });
  // Searching unit by unit finds nothing for the receptionist.
  expect(await desk.api(page, 'tickets:search', { q: '1-2-301' })).toEqual([]);

  // The manager signs in at the desk and joins the shift.
  await desk.api(page, 'auth:signIn', { staffNo: MANAGER.staffNo, pin: MANAGER.pin });
  await desk.api(page, 'shift:join', { handoverShiftId: null, pin: MANAGER.pin });
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText(MANAGER.name);
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('ticket-board-open').getByTestId('ticket-row').filter({ hasText: ticket.ticketNo }).click();
  const drawer = page.getByTestId('ticket-drawer');
  await expect(drawer).toContainText('匿名');
  await expect(drawer).not.toContainText('1-2-301');

  // No reason, no identity: the message is at the field.
  await drawer.getByTestId('ticket-identity-open').click();
  await expect(drawer.getByTestId('ticket-identity-reason')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId('ticket-identity-reason-error')).toBeVisible();
  await page.keyboard.type('核实投诉人身份以安排回访');
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId('ticket-identity')).toHaveText('1-2-301 · 张三 · 138****8000');
  await shot(page, 'pd01-anonymous-identity-opened');

  await page.locator('.ant-drawer-close').click();
  await page.getByTestId('nav-settings').click();
  const reads = page.getByTestId('privacy-reads');
  await expect(reads).toContainText('个人信息访问记录');
  const line = reads.locator('tbody tr').filter({ hasText: ticket.ticketNo });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(`${MANAGER.name} ${MANAGER.staffNo}`);
  await expect(line).toContainText('匿名投诉人身份');
  await expect(line).toContainText('核实投诉人身份以安排回访');
  await expect(line).not.toContainText('张三');
  await reads.scrollIntoViewIfNeeded();
  await shot(page, 'pd02-personal-data-reads');
});
