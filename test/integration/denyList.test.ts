import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, counts, expectFieldError, failure, later, snapshot } from './helpers.js';

describe('deny list', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  });
  afterEach(() => desk.close());

  const denyZhao = () => desk.ok('deny:add', { idNumber: '11010519491231002X', reason: '多次滋扰住户' }, leader.session);
  const checkInAsRec = async (extra: Record<string, unknown> = {}) =>
    desk.call('visits:checkIn', { ...(await checkInInput(desk)), ...extra }, rec.session);

  it('an entry shows masked; a listed visitor is stopped with the reason, and nothing is written', async () => {
    const entry = await denyZhao();
    expect(entry).toMatchObject({
      idNumberMasked: '110105********002X',
      reason: '多次滋扰住户',
      addedByName: '刘班长',
      validUntil: null,
    });
    expect(JSON.stringify(await desk.ok('deny:list'))).not.toContain('11010519491231002X');

    const before = snapshot(desk);
    const hit = failure(await checkInAsRec());
    expect(hit.code).toBe('deny_list_hit');
    expect(hit.details).toEqual({
      entry: { name: '', reason: '多次滋扰住户', idNumberMasked: '110105********002X', validUntil: null },
    });
    expect(snapshot(desk)).toEqual(before);
  });

  it('matches the ID number however it was typed', async () => {
    await desk.ok('deny:add', { idNumber: ' 110105 19491231 002x ', reason: '多次滋扰住户' }, leader.session);
    expect(failure(await checkInAsRec()).code).toBe('deny_list_hit');
  });

  it('matches by phone, and by name only for entries without an ID number', async () => {
    await desk.ok('deny:add', { phone: '137 0013 7000', reason: '推销' }, leader.session);
    expect(failure(await checkInAsRec()).code).toBe('deny_list_hit');
    const other = { name: '钱七', phone: '13600136000', idType: 'passport', idNumber: 'E12345678' };
    await desk.ok('deny:add', { name: '钱七', reason: '推销' }, leader.session);
    expect(failure(await checkInAsRec({ visitor: other })).code).toBe('deny_list_hit');
    // A namesake of someone listed with an ID number is a different person.
    await desk.ok('deny:add', { name: '孙八', idNumber: 'G99999999', reason: '推销' }, leader.session);
    const namesake = await checkInAsRec({ visitor: { ...other, name: '孙八' } });
    expect(namesake.ok).toBe(true);
  });

  it("an override needs a shift leader's PIN, and the visit records who approved it", async () => {
    const entry = await denyZhao();
    const approval = { staffNo: leader.staffNo, pin: leader.pin, reason: '业主当面担保' };
    const before = counts(desk, ['events', 'visits', 'print_jobs']);

    const own = failure(await checkInAsRec({ denyOverride: { ...approval, staffNo: rec.staffNo, pin: rec.pin } }));
    // No authority, a wrong PIN, an unknown number: one refusal that says nothing about the person.
    const refused = [{ path: 'denyOverride.pin', message: 'err.approval.refused' }];
    expect(own).toMatchObject({ code: 'wrong_pin', issues: refused });

    const wrongPin = failure(await checkInAsRec({ denyOverride: { ...approval, pin: '0000' } }));
    expect(wrongPin).toMatchObject({ code: 'wrong_pin', issues: refused });
    expect(failure(await checkInAsRec({ denyOverride: { ...approval, staffNo: 'Z999' } }))).toMatchObject({
      code: 'wrong_pin',
      issues: refused,
    });
    expectFieldError(await checkInAsRec({ denyOverride: { ...approval, reason: '' } }), 'denyOverride.reason', 'err.required');
    expect(counts(desk, ['events', 'visits', 'print_jobs'])).toEqual(before);

    const ok = await checkInAsRec({ denyOverride: approval });
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(ok.value.visit).toMatchObject({ denyOverrideBy: leader.id, actorName: '小李', passNo: 'HY-A1-V261122-0001' });
    const row = desk.backend.database.raw
      .prepare('SELECT deny_override_by, deny_override_reason, deny_entry_id, actor FROM visits WHERE id = ?')
      .get(ok.value.visit.id);
    expect(row).toEqual({
      deny_override_by: leader.id,
      deny_override_reason: '业主当面担保',
      deny_entry_id: entry.id,
      actor: rec.id,
    });
  });

  it("wrong approval PINs count towards the approver's lockout", async () => {
    await denyZhao();
    for (let i = 0; i < 5; i++) await checkInAsRec({ denyOverride: { staffNo: leader.staffNo, pin: '0000', reason: '担保' } });
    // The right PIN is refused now, in the same words (a lockout would say the number exists);
    // the leader learns of the lock when signing in.
    const locked = failure(await checkInAsRec({ denyOverride: { staffNo: leader.staffNo, pin: leader.pin, reason: '担保' } }));
    expect(locked.issues).toEqual([{ path: 'denyOverride.pin', message: 'err.approval.refused' }]);
    expect(failure(await desk.call('auth:signIn', { staffNo: leader.staffNo, pin: leader.pin }, 'x')).code).toBe(
      'pin_locked_out',
    );
    expect(desk.count('visits')).toBe(0);
  });

  it('a revoked entry no longer stops anyone', async () => {
    const entry = await denyZhao();
    expect(failure(await checkInAsRec()).code).toBe('deny_list_hit');
    await desk.ok('deny:revoke', { id: entry.id, reason: '已和解' }, leader.session);
    expect(await desk.ok('deny:list')).toEqual([]);
    const r = await checkInAsRec();
    expect(r.ok).toBe(true);
    // Revoking twice is refused.
    expectFieldError(await desk.call('deny:revoke', { id: entry.id, reason: '再次' }, leader.session), 'id', 'err.notFound');
  });

  it('an entry stops people until the end of its last day', async () => {
    await desk.ok('deny:add', { idNumber: '11010519491231002X', reason: '临时', validUntil: '2026-11-23' }, leader.session);
    await later(desk, 24 * 60);
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, rec.session);
    expect(failure(await checkInAsRec()).code).toBe('deny_list_hit');
    await later(desk, 24 * 60);
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, rec.session);
    expect((await checkInAsRec({ requestId: newRequestId() })).ok).toBe(true);
  });

  it('bad entries are refused at the field and nothing is written', async () => {
    const before = snapshot(desk);
    const add = (input: Record<string, unknown>) => desk.call('deny:add', input as never, leader.session);
    expectFieldError(await add({ reason: '无名' }), 'name', 'err.deny.needIdentifier');
    expectFieldError(await add({ name: '  ', idNumber: ' ', phone: '', reason: '无名' }), 'name', 'err.deny.needIdentifier');
    expectFieldError(await add({ name: '某人', reason: '' }), 'reason', 'err.required');
    expectFieldError(await add({ name: '某人' }), 'reason', 'err.required');
    expectFieldError(await add({ name: '某人', phone: '12345', reason: '推销' }), 'phone', 'err.phone.format');
    expectFieldError(await add({ name: '长'.repeat(41), reason: '推销' }), 'name', 'err.tooLong');
    expectFieldError(await add({ name: '某人', reason: '推销', validUntil: '2026/12/01' }), 'validUntil', 'err.date');
    expectFieldError(await add({ name: '某人', reason: '推销', validUntil: '2026-11-21' }), 'validUntil');
    expectFieldError(await add({ name: '某人', reason: '理'.repeat(201) }), 'reason', 'err.tooLong');
    expect(snapshot(desk)).toEqual(before);
  });
});
