import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, expectFieldError, failure } from './helpers.js';

const eventsOf = (desk: TestDesk, type: string) =>
  (desk.backend.database.raw.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;

const activeAdmins = (desk: TestDesk) =>
  (
    desk.backend.database.raw.prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as {
      n: number;
    }
  ).n;

describe('staff lifecycle', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('an admin edits a name and a role; the list and the person’s own session show it', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '李小红');
    const edited = await desk.ok('staff:update', { staffId: rec.id, name: '李红', role: 'shift_leader' });
    expect(edited).toMatchObject({ name: '李红', role: 'shift_leader', active: true });
    expect((await desk.ok('auth:session', {}, rec.session))?.staff).toMatchObject({ name: '李红', role: 'shift_leader' });
    expect(eventsOf(desk, 'StaffUpdated')).toBe(1);
    // Saving what is already there writes nothing.
    await desk.ok('staff:update', { staffId: rec.id, name: '李红', role: 'shift_leader' });
    expect(eventsOf(desk, 'StaffUpdated')).toBe(1);
  });

  it('a bad name is refused at the field and writes nothing', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    const before = desk.count('events');
    expectFieldError(await desk.call('staff:update', { staffId: rec.id, name: '', role: 'receptionist' }), 'name');
    expect(desk.count('events')).toBe(before);
  });

  it('disabling ends the person’s session at once, refuses their sign-in clearly, and keeps their name in history', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '李小红');
    expect((await desk.ok('shift:state', {}, rec.session)).onShift).toBe(true);
    const disabled = await desk.ok('staff:disable', { staffId: rec.id });
    expect(disabled.active).toBe(false);
    expect(failure(await desk.call('visits:onSite', {}, rec.session)).code).toBe('unauthenticated');
    expect(await desk.ok('auth:session', {}, rec.session)).toBeNull();

    const refused = failure(await desk.call('auth:signIn', { staffNo: 'R001', pin: '1357' }, 'again'));
    expect(refused).toMatchObject({ code: 'forbidden', issues: [{ path: 'staffNo', message: 'err.staff.disabled' }] });
    // A wrong PIN still reads as a wrong PIN: a guess learns nothing about who left.
    expect(failure(await desk.call('auth:signIn', { staffNo: 'R001', pin: '9999' }, 'again')).code).toBe('wrong_pin');

    const shift = (await desk.ok('shift:state')).current!;
    expect(shift.members.map((m) => m.name)).toContain('李小红');
    expect((await desk.ok('staff:list')).find((s) => s.id === rec.id)).toMatchObject({ name: '李小红', active: false });
  });

  it('enabling lets them sign in again with their PIN', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    await desk.ok('staff:disable', { staffId: rec.id });
    expect((await desk.ok('staff:enable', { staffId: rec.id })).active).toBe(true);
    await desk.ok('auth:signIn', { staffNo: 'R001', pin: '1357' }, 'back');
    expect((await desk.ok('auth:session', {}, 'back'))?.staff.staffNo).toBe('R001');
  });

  it('a PIN reset sets the new PIN and the old one stops working', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    await desk.ok('staff:resetPin', { staffId: rec.id, pin: '8642' });
    expect(failure(await desk.call('auth:signIn', { staffNo: 'R001', pin: '1357' }, 'w')).code).toBe('wrong_pin');
    const signedIn = await desk.ok('auth:signIn', { staffNo: 'R001', pin: '8642' }, 'w');
    expect(eventsOf(desk, 'StaffPinReset')).toBe(1);
    // The admin knows that PIN: its owner does nothing else until they choose their own.
    expect(signedIn.mustChangePin).toBe(true);
    expect(failure(await desk.call('visits:onSite', {}, 'w')).message).toBe('err.pin.mustChange');
    await desk.ok('auth:changePin', { currentPin: '8642', newPin: '9753' }, 'w');
    expect((await desk.ok('auth:session', {}, 'w'))?.mustChangePin).toBe(false);
    expect(await desk.ok('visits:onSite', {}, 'w')).toEqual([]);
    // Nobody resets their own PIN around the current one.
    expect(
      failure(await desk.call('staff:resetPin', { staffId: (await desk.ok('auth:session'))!.staff.id, pin: '135790' })).code,
    ).toBe('forbidden');
  });
});

describe('who may manage whom', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('a manager manages people up to shift leader, and nobody above', async () => {
    const mgr = await addStaff(desk, 'manager', 'M001', '864209');
    const other = await addStaff(desk, 'manager', 'M002', '975310');
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    const admin = (await desk.ok('auth:session'))!.staff;
    const as = mgr.session;

    await desk.ok('staff:update', { staffId: rec.id, name: '王小明', role: 'shift_leader' }, as);
    await desk.ok('staff:resetPin', { staffId: rec.id, pin: '8642' }, as);
    await desk.ok('staff:disable', { staffId: rec.id }, as);
    await desk.ok('staff:enable', { staffId: rec.id }, as);

    const before = desk.count('events');
    expectFieldError(
      await desk.call('staff:update', { staffId: rec.id, name: '王小明', role: 'admin' }, as),
      'role',
      'err.staff.roleOutOfReach',
    );
    expectFieldError(await desk.call('staff:update', { staffId: rec.id, name: '王小明', role: 'manager' }, as), 'role');
    for (const target of [admin.id, other.id]) {
      expect(failure(await desk.call('staff:update', { staffId: target, name: '改名', role: 'receptionist' }, as)).message).toBe(
        'err.staff.outOfReach',
      );
      expect(failure(await desk.call('staff:disable', { staffId: target }, as)).code).toBe('forbidden');
      expect(failure(await desk.call('staff:resetPin', { staffId: target, pin: '111357' }, as)).code).toBe('forbidden');
    }
    expect(desk.count('events')).toBe(before);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'check');
  });

  it('a receptionist or shift leader can do none of it', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357');
    const leader = await addStaff(desk, 'shift_leader', 'L001', '2468');
    const before = desk.count('events');
    for (const as of [rec.session, leader.session]) {
      const target = as === rec.session ? leader.id : rec.id;
      expect(failure(await desk.call('staff:update', { staffId: target, name: '改名', role: 'receptionist' }, as)).code).toBe(
        'forbidden',
      );
      expect(failure(await desk.call('staff:disable', { staffId: target }, as)).code).toBe('forbidden');
      expect(failure(await desk.call('staff:enable', { staffId: target }, as)).code).toBe('forbidden');
      expect(failure(await desk.call('staff:resetPin', { staffId: target, pin: '8642' }, as)).code).toBe('forbidden');
    }
    expect(desk.count('events')).toBe(before);
  });

  it('nobody disables themself or changes their own role', async () => {
    const me = (await desk.ok('auth:session'))!.staff;
    await addStaff(desk, 'admin', 'A002', '135792');
    expect(failure(await desk.call('staff:disable', { staffId: me.id })).message).toBe('err.staff.self');
    expectFieldError(
      await desk.call('staff:update', { staffId: me.id, name: me.name, role: 'manager' }),
      'role',
      'err.staff.self',
    );
    // A name is one's own to correct.
    expect((await desk.ok('staff:update', { staffId: me.id, name: '王总', role: 'admin' })).name).toBe('王总');
  });
});

describe('the last active admin', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('the one admin left can neither disable nor demote themself', async () => {
    const me = (await desk.ok('auth:session'))!.staff;
    expect(failure(await desk.call('staff:disable', { staffId: me.id })).code).toBe('forbidden');
    expectFieldError(await desk.call('staff:update', { staffId: me.id, name: me.name, role: 'manager' }), 'role');
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'check');
  });

  it('two admins removing each other in the same instant: one is refused, one admin stays', async () => {
    const me = (await desk.ok('auth:session'))!.staff;
    const second = await addStaff(desk, 'admin', 'A002', '135792');
    const [disable, demote] = await Promise.all([
      desk.call('staff:disable', { staffId: second.id }),
      desk.call('staff:update', { staffId: me.id, name: me.name, role: 'receptionist' }, second.session),
    ]);
    // Whichever ran first, the other one's author had just lost the right to do it.
    expect([disable.ok, demote.ok].filter(Boolean)).toHaveLength(1);
    expect(activeAdmins(desk)).toBe(1);
  });

  it('six admins disabling and demoting each other all at once leave exactly one active admin', async () => {
    const others = [];
    for (let i = 2; i <= 6; i++) others.push(await addStaff(desk, 'admin', `A00${i}`, `13579${i}`));
    const me = (await desk.ok('auth:session'))!.staff;
    const everyone = [{ id: me.id, session: 'admin' }, ...others];
    // Every admin, at once, disables or demotes every other admin.
    const calls = everyone.flatMap((actor, i) =>
      everyone
        .filter((t) => t.id !== actor.id)
        .map((t) =>
          i % 2 === 0
            ? desk.call('staff:disable', { staffId: t.id }, actor.session)
            : desk.call('staff:update', { staffId: t.id, name: '管理员', role: 'receptionist' }, actor.session),
        ),
    );
    const results = await Promise.all(calls);
    expect(activeAdmins(desk)).toBe(1);
    // Each of the six lost their admin role only by someone who still held it.
    expect(results.some((r) => !r.ok)).toBe(true);
    // The one left is an admin who can still sign in and manage staff.
    const left = desk.backend.database.raw
      .prepare("SELECT id, staff_no AS staffNo FROM staff WHERE role = 'admin' AND active = 1")
      .get() as {
      id: string;
      staffNo: string;
    };
    const pin = left.staffNo === ADMIN.staffNo ? ADMIN.pin : others.find((o) => o.id === left.id)!.pin;
    await desk.ok('auth:signIn', { staffNo: left.staffNo, pin }, 'last');
    await desk.ok('staff:list', {}, 'last');
  });
});
