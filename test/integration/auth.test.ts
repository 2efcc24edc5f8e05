import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, counts, expectFieldError, failure } from './helpers.js';

describe('signing in', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('a wrong PIN or an unknown staff number is refused the same way, at the PIN field', async () => {
    const wrong = failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '999999' }, 'w'));
    expect(wrong.code).toBe('wrong_pin');
    expect(wrong.issues).toEqual([{ path: 'pin', message: 'err.pin.wrong' }]);
    // No "tries left": it would tell a real staff number from an unknown one.
    expect(wrong.details).toBeUndefined();
    const unknown = failure(await desk.call('auth:signIn', { staffNo: 'Z999', pin: '999999' }, 'w'));
    expect(unknown.code).toBe('wrong_pin');
    expect(unknown.issues).toEqual([{ path: 'pin', message: 'err.pin.wrong' }]);
    expect(failure(await desk.call('visits:onSite', {}, 'w')).code).toBe('unauthenticated');
    // A well-formed sign-in works afterwards, and staff numbers are not case-sensitive.
    await desk.ok('auth:signIn', { staffNo: 'a001', pin: ADMIN.pin }, 'w');
    expect(await desk.ok('visits:onSite', {}, 'w')).toEqual([]);
  });

  it('a malformed PIN is a field error', async () => {
    expectFieldError(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '12' }, 'w'), 'pin', 'err.pin.format');
    expectFieldError(await desk.call('auth:signIn', { staffNo: '', pin: ADMIN.pin }, 'w'), 'staffNo');
  });

  it('five wrong PINs lock the account for five minutes, even against the right PIN', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w')).code);
    expect(codes).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin']);
    const fifth = failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w'));
    expect(fifth.code).toBe('pin_locked_out');
    expect(fifth.issues).toEqual([{ path: 'pin', message: 'err.pin.lockedOut' }]);

    const locked = failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w'));
    expect(locked.code).toBe('pin_locked_out');
    expect(locked.details?.until).toBe(new Date(desk.clock.ms + 5 * 60_000).toISOString());
    desk.clock.advance(4);
    expect(failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w')).code).toBe('pin_locked_out');
    desk.clock.advance(1);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w');

    // The count starts again from zero after a good sign-in: four wrong ones do not lock.
    for (let i = 0; i < 4; i++) await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w');
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w');
  });

  it('a lockout that comes back lasts longer: 5 minutes, then 15, then 60, and 60 again', async () => {
    const lockedFor: number[] = [];
    for (let round = 0; round < 4; round++) {
      let last = failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w'));
      for (let i = 1; i < 5; i++) last = failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w'));
      expect(last.code).toBe('pin_locked_out');
      const minutes = (Date.parse(String(last.details?.until)) - desk.clock.ms) / 60_000;
      lockedFor.push(minutes);
      desk.clock.advance(minutes);
    }
    expect(lockedFor).toEqual([5, 15, 60, 60]);
    // The right PIN once the lock is over starts the ladder again at 5 minutes.
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w');
    for (let i = 0; i < 5; i++) await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w');
    const until = failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w')).details?.until;
    expect(until).toBe(new Date(desk.clock.ms + 5 * 60_000).toISOString());
  });

  it('the lockout of one person does not lock another', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    for (let i = 0; i < 5; i++) await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: '000000' }, 'w');
    expect(failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w')).code).toBe('pin_locked_out');
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, 'w');
  });

  it('signing out ends the session', async () => {
    await desk.ok('auth:signOut');
    expect(await desk.ok('auth:session')).toBeNull();
    expect(failure(await desk.call('visits:onSite')).code).toBe('unauthenticated');
  });

  it('changing the PIN needs the current one; afterwards only the new one signs in', async () => {
    const bad = failure(await desk.call('auth:changePin', { currentPin: '111111', newPin: '135790' }));
    expect(bad.code).toBe('wrong_pin');
    expect(bad.issues?.[0].path).toBe('currentPin');
    await desk.ok('auth:changePin', { currentPin: ADMIN.pin, newPin: '135790' });
    expect(failure(await desk.call('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w')).code).toBe('wrong_pin');
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: '135790' }, 'w');
    // The new PIN survives a restart (it is an event applied to the staff table).
    await desk.reopen();
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: '135790' }, 'w');
  });

  it('a weak new PIN is refused at its field before the current PIN is looked at; nothing is written or counted', async () => {
    const before = counts(desk, ['events', 'pin_attempts', 'pin_desk_attempts']);
    const tries = [
      ['999999', 'err.pin.weak'],
      ['456789', 'err.pin.weak'],
      ['987654', 'err.pin.weak'],
      ['8642', 'err.pin.shortForRole'],
    ];
    for (const [newPin, message] of tries) {
      // A wrong current PIN too: the answer is about the new PIN only.
      expectFieldError(await desk.call('auth:changePin', { currentPin: '135791', newPin }), 'newPin', message);
    }
    expect(counts(desk, ['events', 'pin_attempts', 'pin_desk_attempts'])).toEqual(before);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'w');
  });
});

describe('idle lock', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await desk.ok('settings:update', { idleLockMinutes: 10 });
  });
  afterEach(() => desk.close());

  it('a window idle longer than the setting is locked until someone signs in again', async () => {
    desk.clock.advance(9);
    await desk.ok('visits:onSite');
    desk.clock.advance(9); // 18 minutes since sign-in, but only 9 since the last action
    await desk.ok('visits:onSite');
    desk.clock.advance(11);
    const locked = failure(await desk.call('visits:onSite'));
    expect(locked.code).toBe('locked');
    // Still locked on the next call, and a locked window reads as signed out.
    expect(failure(await desk.call('visits:onSite')).code).toBe('locked');
    expect(await desk.ok('auth:session')).toBeNull();

    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    expect(await desk.ok('visits:onSite')).toEqual([]);
  });

  it('locking by hand takes effect at once', async () => {
    await desk.ok('auth:lock');
    expect(failure(await desk.call('status:get')).code).toBe('locked');
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    await desk.ok('status:get');
  });

  it('an idle lock at one window leaves another window signed in', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    desk.clock.advance(6);
    await desk.ok('visits:onSite', {}, rec.session);
    desk.clock.advance(6);
    expect(failure(await desk.call('visits:onSite')).code).toBe('locked');
    await desk.ok('visits:onSite', {}, rec.session);
  });

  it('the idle time must be 1 to 120 minutes', async () => {
    expectFieldError(await desk.call('settings:update', { idleLockMinutes: 0 }), 'idleLockMinutes', 'err.range');
    expectFieldError(await desk.call('settings:update', { idleLockMinutes: 121 }), 'idleLockMinutes', 'err.range');
    expect((await desk.ok('settings:get')).idleLockMinutes).toBe(10);
  });
});

describe('roles', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('a receptionist cannot create staff, change settings or edit the deny list; nothing is written', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    const before = counts(desk, ['events', 'staff', 'deny_list', 'settings']);
    const tries = [
      await desk.call('staff:create', { staffNo: 'R002', name: '小王', role: 'receptionist', pin: '2468' }, rec.session),
      await desk.call('staff:create', { staffNo: 'X001', name: '小王', role: 'admin', pin: '246813' }, rec.session),
      await desk.call('settings:update', { idleLockMinutes: 60 }, rec.session),
      await desk.call('deny:add', { name: '某人', reason: '滋扰' }, rec.session),
      await desk.call('directory:import', { fileName: 'x.csv', contentBase64: 'eA==' }, rec.session),
    ];
    expect(tries.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    expect(counts(desk, ['events', 'staff', 'deny_list', 'settings'])).toEqual(before);
    // What a receptionist may do still works.
    expect((await desk.ok('staff:list', {}, rec.session)).map((s) => s.staffNo)).toEqual(['A001', 'R001']);
  });

  it('a shift leader may edit the deny list but not the settings; a manager may change settings', async () => {
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642');
    const manager = await addStaff(desk, 'manager', 'M001', '975310');
    await desk.ok('deny:add', { name: '某人', reason: '滋扰' }, leader.session);
    expect(failure(await desk.call('settings:update', { idleLockMinutes: 60 }, leader.session)).code).toBe('forbidden');
    expect(
      failure(
        await desk.call('staff:create', { staffNo: 'R9', name: '小王', role: 'receptionist', pin: '2468' }, manager.session),
      ).code,
    ).toBe('forbidden');
    expect((await desk.ok('settings:update', { idleLockMinutes: 60 }, manager.session)).idleLockMinutes).toBe(60);
  });

  it('a window nobody signed in at may call only the public procedures', async () => {
    expect(failure(await desk.call('visits:onSite', {}, 'stranger')).code).toBe('unauthenticated');
    expect(failure(await desk.call('staff:list', {}, 'stranger')).code).toBe('unauthenticated');
    expect(await desk.ok('auth:session', {}, 'stranger')).toBeNull();
    expect((await desk.ok('setup:status', {}, 'stranger')).isSetUp).toBe(true);
  });

  it('a staff number can be given only once, even by two quick submits', async () => {
    const input = { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '1357' } as const;
    const [a, b] = await Promise.all([desk.call('staff:create', input), desk.call('staff:create', input)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expectFieldError(a.ok ? b : a, 'staffNo', 'err.staffNo.taken');
    expectFieldError(await desk.call('staff:create', { ...input, staffNo: 'r001' }), 'staffNo', 'err.staffNo.taken');
    expect(desk.count('staff')).toBe(2);
    expect(desk.backend.database.raw.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'StaffCreated'").get()).toEqual({
      n: 2,
    });
  });
});

describe('actors', () => {
  it('every event records the staff id of whoever caused it', async () => {
    const desk = await openTestDesk();
    try {
      const admin = (await desk.ok('auth:session'))!.staff;
      const leader = await addStaff(desk, 'shift_leader', 'S001', '8642');
      await desk.ok('deny:add', { name: '某人', reason: '滋扰' }, leader.session);
      await desk.ok('auth:changePin', { currentPin: leader.pin, newPin: '8643' }, leader.session);
      const rows = desk.backend.database.raw.prepare('SELECT type, actor FROM events ORDER BY device_seq').all();
      expect(rows).toEqual([
        { type: 'SiteConfigured', actor: admin.id },
        { type: 'StaffCreated', actor: admin.id },
        { type: 'ShiftOpened', actor: admin.id },
        { type: 'ShiftJoined', actor: admin.id },
        { type: 'StaffCreated', actor: admin.id },
        { type: 'ShiftJoined', actor: leader.id },
        { type: 'DenyEntryAdded', actor: leader.id },
        { type: 'StaffPinChanged', actor: leader.id },
      ]);
      // The deny list shows who added the entry.
      expect((await desk.ok('deny:list'))[0].addedByName).toBe(leader.name);
    } finally {
      await desk.close();
    }
  });
});
