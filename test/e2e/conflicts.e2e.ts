import { expect, test } from './printRecorder';
import { shot } from './support';
import { startDeskServer, type DeskServer } from './deskServer';
import { startTestHq, type TestHq } from '../support/hq';
import { checkInInput, importSampleDirectory, openTestDesk, TestClock, type TestDesk } from '../support/desk';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { listConflicts } from '../../hq/src/store/conflicts';

const ADMIN = { staffNo: 'A001', name: '王经理', pin: '246810' };
const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642' };

let desk: DeskServer;
let hq: TestHq;
let other: TestDesk;
test.beforeAll(async () => {
  [desk, hq, other] = await Promise.all([
    startDeskServer(),
    startTestHq(),
    openTestDesk({ deviceCode: 'A2', clock: new TestClock(Date.now()) }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([desk.close(), other.close()]);
  await hq.close();
});

test('a shift leader opens the conflict inbox, sees a setting two desks changed apart with both sides, and resolves it with a note', async ({
  page,
}) => {
  await page.goto(desk.url);
  const api = (name: string, input: unknown) => desk.api(page, name, input);
  await api('setup:complete', { siteName: '华远大厦', siteCode: 'HY', siteKind: 'mixed', deviceCode: 'A1', admin: ADMIN });
  await api('shift:open', { patternCode: 'A', handoverShiftId: null });
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await api('sync:enroll', { hqUrl: hq.url, code: await issueEnrollCode(hq.db, siteId, 'A1') });
  await other.backend.services.sync.enroll(hq.url, await issueEnrollCode(hq.db, siteId, 'A2'));

  // Desk A2 has checked a visitor in: its pass number names it to the other desk.
  await importSampleDirectory(other);
  await other.ok('visits:checkIn', await checkInInput(other));
  // Apart, two managers change the mail return days from the same default: 10 here, 21 at desk A2 later.
  await api('settings:update', { mailReturnDays: 10 });
  other.clock.ms = Date.now() + 30_000;
  await other.ok('settings:update', { mailReturnDays: 21 });
  await api('sync:now', {});
  await other.backend.services.sync.syncNow();
  await api('sync:now', {});
  expect((await listConflicts(hq.db, siteId)).map((c) => c.kind)).toEqual(['setting_overwritten']);

  // The shift leader takes over the desk and opens the inbox from the menu with the keyboard.
  await api('staff:create', { ...LEADER, role: 'shift_leader' });
  await api('auth:signIn', { staffNo: LEADER.staffNo, pin: LEADER.pin });
  const state = await api('shift:state', {});
  if (state.handoverShiftId) await api('shift:handover', {});
  await api('shift:join', { handoverShiftId: state.handoverShiftId, pin: LEADER.pin });
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText(LEADER.name);
  await page.getByRole('menuitem', { name: '冲突待办' }).focus();
  await page.keyboard.press('Enter');

  const card = page.getByTestId('conflict-setting_overwritten');
  await expect(card).toContainText('站点设置被覆盖');
  await expect(card.getByTestId('conflict-setting_overwritten-subject')).toHaveText('无人认领挂号邮件退件天数');
  await shot(page, 'i15-conflict-inbox');
  const rows = card.getByTestId('conflict-setting_overwritten-sides').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('A2');
  await expect(rows.nth(0)).toContainText('21');
  await expect(rows.nth(0)).toContainText('记录以此为准');
  await expect(rows.nth(1)).toContainText('A1');
  await expect(rows.nth(1)).toContainText(ADMIN.name);
  await expect(rows.nth(1)).toContainText('10');
  await expect(rows.nth(1)).toContainText('被覆盖，仍保留');

  // No note: said at the field, nothing written. Then the note typed and Enter at once.
  await card.getByTestId('conflict-setting_overwritten-noted').click();
  await expect(card.getByTestId('conflict-setting_overwritten-note-error')).toHaveText('必填');
  await card.getByTestId('conflict-setting_overwritten-note').focus();
  await page.keyboard.type('与 A2 经理确认，按 21 天执行');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('conflicts-none')).toBeVisible();

  // The resolution is an event: after a sync HQ and the other desk no longer list it.
  await api('sync:now', {});
  await other.backend.services.sync.syncNow();
  expect(await listConflicts(hq.db, siteId)).toEqual([]);
  expect(await other.ok('conflicts:list', {})).toEqual([]);
  const [resolved] = await listConflicts(hq.db, siteId, true);
  expect(resolved.resolution).toMatchObject({ note: '与 A2 经理确认，按 21 天执行', byName: LEADER.name });
});
