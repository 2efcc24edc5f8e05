import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestDesk, type TestDesk } from '../support/desk.js';
import { counts, expectFieldError, failure } from './helpers.js';

const SETUP = { siteName: '华远大厦', siteCode: 'hy', siteKind: 'mixed', deviceCode: 'a1', admin: ADMIN } as const;

describe('first-run setup', () => {
  let desk: TestDesk;
  afterEach(() => desk?.close());

  it('reports not set up, refuses other work, then records the site and signs the admin in', async () => {
    desk = await openTestDesk({ setUp: false });
    expect(await desk.ok('setup:status')).toEqual({ isSetUp: false });
    expect(failure(await desk.call('visits:onSite')).code).toBe('setup_required');
    expect(failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin })).code).toBe('setup_required');

    const session = await desk.ok('setup:complete', SETUP);
    expect(session.staff).toMatchObject({ staffNo: 'A001', name: '王经理', role: 'admin', active: true });
    expect(session).toMatchObject({ siteName: '华远大厦', siteCode: 'HY', deviceCode: 'A1' });
    expect(await desk.ok('setup:status')).toEqual({
      isSetUp: true,
      needsAdmin: false,
      siteName: '华远大厦',
      siteCode: 'HY',
      deviceCode: 'A1',
    });
    // The admin is signed in at the window that did the setup.
    expect((await desk.ok('auth:session'))?.staff.staffNo).toBe('A001');
    // Desk work waits for the first shift; with no handover before it there is nothing to acknowledge.
    expect(failure(await desk.call('visits:onSite'))).toMatchObject({ code: 'shift_required', message: 'err.shift.notOpen' });
    const opened = await desk.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
    expect(opened).toMatchObject({ onShift: true, handoverShiftId: null });
    expect(await desk.ok('visits:onSite')).toEqual([]);
  });

  it('survives a restart', async () => {
    desk = await openTestDesk();
    await desk.reopen();
    expect((await desk.ok('setup:status')).isSetUp).toBe(true);
    // Sessions live in memory: after a restart everyone signs in again.
    expect(failure(await desk.call('visits:onSite')).code).toBe('unauthenticated');
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    expect(await desk.ok('visits:onSite')).toEqual([]);
  });

  it('a second setup is refused and changes nothing', async () => {
    desk = await openTestDesk();
    const before = counts(desk, ['events', 'staff', 'meta']);
    const error = failure(await desk.call('setup:complete', { ...SETUP, siteName: '别的大厦', siteCode: 'XX' }, 'other-window'));
    expect(error.code).toBe('already_set_up');
    expect(counts(desk, ['events', 'staff', 'meta'])).toEqual(before);
    expect((await desk.ok('setup:status')).siteName).toBe('华远大厦');
  });

  it('bad setup fields are reported at the field and nothing is written', async () => {
    desk = await openTestDesk({ setUp: false });
    const cases: [Record<string, unknown>, string][] = [
      [{ siteName: '' }, 'siteName'],
      [{ siteCode: '1HY' }, 'siteCode'],
      [{ siteCode: 'HUAYUAN1' }, 'siteCode'],
      [{ siteKind: 'castle' }, 'siteKind'],
      [{ deviceCode: 'A-1' }, 'deviceCode'],
      [{ admin: { ...ADMIN, pin: '12' } }, 'admin.pin'],
      [{ admin: { ...ADMIN, pin: 'abcd' } }, 'admin.pin'],
      [{ admin: { ...ADMIN, staffNo: 'A 001' } }, 'admin.staffNo'],
      [{ admin: { ...ADMIN, name: '' } }, 'admin.name'],
    ];
    for (const [override, path] of cases) {
      expectFieldError(await desk.call('setup:complete', { ...SETUP, ...override } as never), path);
    }
    expect(counts(desk, ['events', 'staff', 'meta'])).toEqual({ events: 0, staff: 0, meta: 0 });
    expect((await desk.ok('setup:status')).isSetUp).toBe(false);
  });
});
