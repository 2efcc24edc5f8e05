import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { addStaff, failure } from './helpers.js';

const DAY = 24 * 60;

describe('a shift left open for days', () => {
  let desk: TestDesk;
  let unitId: string;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let rec2: Awaited<ReturnType<typeof addStaff>>;
  let firstShiftId: string;
  beforeEach(async () => {
    desk = await openTestDesk({ autoTakeOver: false });
    ({ unitId } = await feeDesk(desk));
    // The admin's A shift (09:00–17:00) is open; two receptionists join it and take a receipt.
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    rec2 = await addStaff(desk, 'receptionist', 'R002', '2468', '小王');
    await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08'], {}, rec.session), rec.session);
    firstShiftId = (await desk.ok('drawer:state', {}, rec.session)).shiftId;
    expect((await desk.ok('drawer:state', {}, rec.session)).receipts).toBe(1);
    // Nobody hands over. 91 days later 小李 comes back to the desk.
    desk.clock.advance(91 * DAY);
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, rec.session);
    await desk.ok('auth:signIn', { staffNo: rec2.staffNo, pin: rec2.pin }, rec2.session);
  });
  afterEach(() => desk.close());

  it('its own members no longer sign straight in: desk work is refused and the gate asks them to take it over', async () => {
    const state = await desk.ok('shift:state', {}, rec.session);
    expect(state).toMatchObject({ onShift: false, takeOver: true, handoverShiftId: firstShiftId, current: { stale: true } });
    for (const [name, input] of [
      ['drawer:state', {}],
      ['log:list', {}],
      ['fees:account', { unitId }],
    ] as const) {
      const error = failure(await desk.call(name, input, rec.session));
      expect(error).toMatchObject({ code: 'shift_required', message: 'err.shift.leftOpen' });
    }
    // Nobody is on duty at the desk any more, though three windows are signed in.
    expect((await desk.ok('status:get', {}, rec.session)).onDuty).toEqual([]);
    // The admin, who opened it, is refused the same way.
    await desk.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    expect(failure(await desk.call('drawer:state', {})).message).toBe('err.shift.leftOpen');
  });

  it('taking it over closes it unsigned as of its end plus the grace, for everyone; the drawer starts fresh', async () => {
    const sheet = (await desk.ok('shift:handover', {}, rec.session))!;
    expect(sheet.shiftId).toBe(firstShiftId);
    await desk.ok('shift:open', { patternCode: 'A', handoverShiftId: firstShiftId, pin: rec.pin }, rec.session);
    const drawer = await desk.ok('drawer:state', {}, rec.session);
    expect(drawer.shiftId).not.toBe(firstShiftId);
    expect(drawer.receipts).toBe(0);
    expect(drawer.expected.cash).toBe(0);

    const closed = (await desk.ok('shift:history', {}, rec.session)).find((s) => s.id === firstShiftId)!;
    // A ends at 17:00 on 22 Nov; the grace is an hour: closed at 18:00 that day, not 91 days later.
    expect(closed).toMatchObject({ abandoned: true, closedAt: '2026-11-22T10:00:00.000Z' });
    expect(closed.members.map((m) => m.leftAt)).toEqual(closed.members.map(() => '2026-11-22T10:00:00.000Z'));
    const raw = desk.backend.database.raw;
    const closes = raw.prepare("SELECT payload FROM events WHERE type = 'ShiftClosed'").all() as { payload: string }[];
    expect(closes.map((c) => JSON.parse(c.payload))).toMatchObject([{ shiftId: firstShiftId, signedBy: null, abandoned: true }]);

    // The other member of the lapsed shift is not on the new one either: they read and sign to join.
    const s2 = await desk.ok('shift:state', {}, rec2.session);
    expect(s2).toMatchObject({ onShift: false, takeOver: false, handoverShiftId: firstShiftId });
    expect(failure(await desk.call('log:list', {}, rec2.session)).message).toBe('err.shift.notOnShift');
  });

  it('two members taking it over in the same second: one new shift, one close', async () => {
    await desk.ok('shift:handover', {}, rec.session);
    await desk.ok('shift:handover', {}, rec2.session);
    const results = await Promise.all([
      desk.call('shift:open', { patternCode: 'A', handoverShiftId: firstShiftId, pin: rec.pin }, rec.session),
      desk.call('shift:open', { patternCode: 'A', handoverShiftId: firstShiftId, pin: rec2.pin }, rec2.session),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const raw = desk.backend.database.raw;
    const n = (type: string) => (raw.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;
    expect(n('ShiftClosed')).toBe(1);
    expect(n('ShiftOpened')).toBe(2);
  });
});

describe('在岗 (on duty) in the status bar', () => {
  it('lists the members of the open shift, not every window signed in; a guard at the gate counts', async () => {
    const desk = await openTestDesk();
    try {
      await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
      await addStaff(desk, 'guard', 'G001', '9753', '门岗老赵');
      // Signed in but has not read and signed the handover: not on duty.
      await desk.ok('staff:create', { staffNo: 'R002', name: '小王', role: 'receptionist', pin: '2468' });
      await desk.ok('auth:signIn', { staffNo: 'R002', pin: '2468' }, 'R002');
      expect((await desk.ok('status:get', {}, 'R002')).onDuty.sort()).toEqual(['小李', '王经理', '门岗老赵'].sort());
      await desk.ok('shift:leave', {}, 'R001');
      expect((await desk.ok('status:get', {}, 'R002')).onDuty.sort()).toEqual(['王经理', '门岗老赵'].sort());
    } finally {
      await desk.close();
    }
  });
});
