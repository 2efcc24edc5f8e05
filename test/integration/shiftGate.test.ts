import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type ProcInput, type ProcName } from '../../shared/api/contract.js';
import { ADMIN, checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, counts, failure, snapshot } from './helpers.js';
import { passInput } from '../support/releasePass.js';
import { complaintInput } from '../support/tickets.js';
import { mailInput, pickupInput } from '../support/mail.js';

const GATED = (Object.keys(contract) as ProcName[]).filter((n) => contract[n].gate === 'shift');

/** A well-formed input for every gated procedure: the refusal must come from the gate, not the schema. */
async function sampleInputs(desk: TestDesk): Promise<{ [N in ProcName]?: ProcInput<N> }> {
  const checkIn = await checkInInput(desk);
  return {
    'directory:search': { q: '张' },
    'directory:revealPhone': { occupantId: 'nobody' },
    'visits:checkIn': checkIn,
    'visits:checkOut': { code: 'HY-A1-V261122-0001' },
    'visits:onSite': {},
    'visits:notReturned': {},
    'visits:search': { text: '赵' },
    'visits:recall': { phone: '13700137000' },
    'deny:list': {},
    'deny:add': { name: '某人', reason: '滋扰' },
    'deny:revoke': { id: 'x', reason: '误登记' },
    'shift:preview': {},
    'shift:close': { note: '', pin: ADMIN.pin },
    'log:add': { entryId: newRequestId(), category: 'notice', text: '通知' },
    'log:resolve': { entryId: 'x', resolution: '已办' },
    'log:list': {},
    'log:search': { text: '电梯' },
    'log:attachment': { id: 'x' },
    'log:tags': { q: '1-' },
    'passes:unitInfo': { occupantId: checkIn.hostOccupantId },
    'passes:issue': await passInput(desk),
    'passes:cancel': { passId: 'x', reason: '业主改期' },
    'passes:list': { view: 'today' },
    'passes:search': { unit: '1-2' },
    'fees:account': { unitId: checkIn.hostOccupantId },
    'fees:pay': {
      requestId: newRequestId(),
      unitId: 'x',
      payer: '张三',
      chargeIds: ['x'],
      methods: [{ method: 'cash', amount: '100' }],
    },
    'fees:receipt': { receiptId: 'x' },
    'fees:void': { receiptId: 'x', approval: { staffNo: 'S001', pin: '8642', reason: '收错' } },
    'fees:refund': { unitId: 'x', amount: '10', method: 'cash', approval: { staffNo: 'S001', pin: '8642', reason: '多交' } },
    'fees:raiseCharge': { unitId: 'x', item: 'repair', period: '2026-11', amount: '80' },
    'fees:ticketCharge': { ticketId: 'x' },
    'fees:chargeTicket': { ticketId: 'x' },
    'fees:daily': { date: '2026-11-22' },
    'fees:dailyExcel': { date: '2026-11-22' },
    'fees:arrears': {},
    'fees:remind': { unitId: 'x', channel: 'phone', outcome: '已通知' },
    'drawer:state': {},
    'drawer:float': { amount: '500' },
    'drawer:move': { direction: 'in', amount: '100', reason: '补零钱' },
    'drawer:reverse': { entryId: 'x', reason: '登记错了' },
    'drawer:count': { denominations: { '10000': 5 } },
    'tickets:create': await complaintInput(desk),
    'tickets:get': { ticketId: 'x' },
    'tickets:search': { q: '1-2' },
    'tickets:board': {},
    'tickets:dispatch': { ticketId: 'x', department: '工程部' },
    'tickets:step': { ticketId: 'x', action: 'start' },
    'tickets:callback': { ticketId: 'x', outcome: 'satisfied' },
    'tickets:defer': { ticketId: 'x', until: '2026-12-01', reason: '等配件' },
    'tickets:reopen': { ticketId: 'x', reason: '复发' },
    'tickets:cancel': { ticketId: 'x', reason: '重复登记' },
    'tickets:note': { ticketId: 'x', text: '已电话联系' },
    'mail:receive': await mailInput(desk),
    'mail:recordDamage': { damageId: newRequestId(), itemId: 'x', what: '外包装', how: ['torn'] },
    'mail:confirmDamage': { damageId: 'x', approval: { staffNo: 'S001', pin: '8642', reason: '已核对' } },
    'mail:notice': { itemId: 'x', method: 'phone' },
    'mail:pickUp': pickupInput('x'),
    'mail:return': { itemId: 'x', approval: { staffNo: 'S001', pin: '8642', reason: '无人认领' } },
    'mail:countNewspapers': { countId: newRequestId(), carrier: '邮局', title: '人民日报', expected: 10, received: 10 },
    'mail:newspapers': {},
    'mail:list': { view: 'awaiting' },
    'mail:search': { trackingNo: 'XA' },
    'mail:lookup': { trackingNo: 'XA123' },
    'mail:detail': { itemId: 'x' },
    'mail:damageList': {},
    'mail:overview': {},
    'mail:attachment': { sha256: 'x' },
  };
}

describe('the handover must be read and acknowledged before any desk work', () => {
  let desk: TestDesk;
  let inputs: Awaited<ReturnType<typeof sampleInputs>>;
  beforeEach(async () => {
    desk = await openTestDesk({ autoTakeOver: false }); // the gate itself is under test
    await importSampleDirectory(desk);
    inputs = await sampleInputs(desk);
    await desk.ok('log:add', { entryId: newRequestId(), category: 'pending', priority: 'high', text: '3号电梯异响，等工程部' });
    await desk.ok('shift:close', { note: '前台钥匙在抽屉', pin: ADMIN.pin });
  });
  afterEach(() => desk.close());

  it('every gated procedure is refused by the API (not only hidden by the UI) until the PIN acknowledgement', async () => {
    expect(Object.keys(inputs).sort()).toEqual([...GATED].sort());
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    const before = snapshot(desk);
    for (const name of GATED) {
      // The receptionist is refused by the gate wherever their role would allow the call at all.
      const sessions = contract[name].access === 'receptionist' ? [rec.session, 'admin'] : ['admin'];
      for (const session of sessions) {
        const r = await desk.call(name, inputs[name] as never, session);
        expect(failure(r), `${name} as ${session}`).toMatchObject({ code: 'shift_required', message: 'err.shift.notOpen' });
      }
    }
    // Reading the handover and the shift state are allowed; they write nothing.
    const state = await desk.ok('shift:state', {}, rec.session);
    expect(state).toMatchObject({ current: null, onShift: false, handoverShown: false });
    expect(state.handoverShiftId).toEqual(expect.any(String));
    expect(snapshot(desk)).toEqual(before);

    // Acknowledging without having been shown the handover in this window is refused.
    const unseen = failure(
      await desk.call('shift:open', { patternCode: 'B', handoverShiftId: state.handoverShiftId, pin: rec.pin }, rec.session),
    );
    expect(unseen).toMatchObject({ code: 'conflict', message: 'err.handover.notShown' });
    const sheet = (await desk.ok('shift:handover', {}, rec.session))!;
    expect(sheet.sections.find((s) => s.key === 'pending')?.lines.map((l) => l.text)).toEqual(['3号电梯异响，等工程部']);
    expect((await desk.ok('shift:state', {}, rec.session)).handoverShown).toBe(true);
    // Shown, but not signed: still refused.
    expect(failure(await desk.call('visits:onSite', {}, rec.session)).code).toBe('shift_required');
    expect(snapshot(desk)).toEqual(before);

    const opened = await desk.ok('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: rec.pin }, rec.session);
    expect(opened).toMatchObject({ onShift: true, handoverShiftId: null, current: { patternCode: 'B' } });
    expect(await desk.ok('visits:onSite', {}, rec.session)).toEqual([]);
    // The acknowledgement is an event, and the sheet now carries both signatures.
    const ack = desk.backend.database.raw
      .prepare("SELECT actor, payload FROM events WHERE type = 'HandoverAcknowledged'")
      .all() as { actor: string; payload: string }[];
    expect(ack).toHaveLength(1);
    expect(JSON.parse(ack[0].payload)).toMatchObject({ handoverShiftId: sheet.shiftId, staffId: rec.id });
    const signed = (await desk.ok('shift:handover', { shiftId: sheet.shiftId }, rec.session))!;
    expect(signed.outgoing?.name).toBe(ADMIN.name);
    expect(signed.acknowledgements.map((a) => a.name)).toEqual(['小李']);

    // A shift leader (not on this shift) is still refused until they too read and sign.
    expect(failure(await desk.call('visits:onSite', {}, leader.session)).message).toBe('err.shift.notOnShift');
    await desk.ok('shift:handover', {}, leader.session);
    await desk.ok('shift:join', { handoverShiftId: sheet.shiftId, pin: leader.pin }, leader.session);
    expect(await desk.ok('visits:onSite', {}, leader.session)).toEqual([]);
  });

  it('a PIN of another person does not acknowledge, and nothing is written', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const sheet = (await desk.ok('shift:handover', {}, rec.session))!;
    const before = counts(desk, ['events', 'shifts', 'shift_members', 'handover_acks']);
    const r = await desk.call('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: ADMIN.pin }, rec.session);
    expect(failure(r)).toMatchObject({ code: 'wrong_pin', issues: [{ path: 'pin', message: 'err.pin.wrong' }] });
    const missing = await desk.call('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId }, rec.session);
    expect(failure(missing).issues).toEqual([{ path: 'pin', message: 'err.required' }]);
    const unknownPattern = await desk.call(
      'shift:open',
      { patternCode: 'Z', handoverShiftId: sheet.shiftId, pin: rec.pin },
      rec.session,
    );
    expect(failure(unknownPattern).issues).toEqual([{ path: 'patternCode', message: 'err.shift.unknownPattern' }]);
    expect(counts(desk, ['events', 'shifts', 'shift_members', 'handover_acks'])).toEqual(before);
    expect(failure(await desk.call('visits:onSite', {}, rec.session)).code).toBe('shift_required');
  });

  it('whoever handed the shift over cannot acknowledge their own handover, opening or joining, and nothing is written', async () => {
    const tables = ['events', 'shifts', 'shift_members', 'handover_acks'];
    const sheet = (await desk.ok('shift:handover', {}))!;
    const before = counts(desk, tables);
    const open = await desk.call('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: ADMIN.pin });
    expect(failure(open)).toMatchObject({ issues: [{ path: 'pin', message: 'err.handover.selfAcknowledge' }] });
    expect(counts(desk, tables)).toEqual(before);
    expect(failure(await desk.call('visits:onSite')).code).toBe('shift_required');
    // Another person opens; the outgoing admin still cannot join by signing his own handover.
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    await desk.ok('shift:handover', {}, rec.session);
    await desk.ok('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: rec.pin }, rec.session);
    const joined = counts(desk, tables);
    const join = await desk.call('shift:join', { handoverShiftId: sheet.shiftId, pin: ADMIN.pin });
    expect(failure(join)).toMatchObject({ issues: [{ path: 'pin', message: 'err.handover.selfAcknowledge' }] });
    expect(counts(desk, tables)).toEqual(joined);
    expect(failure(await desk.call('visits:onSite')).message).toBe('err.shift.notOnShift');
  });

  it('a desk has at most one open shift; the last person on it cannot leave without a handover', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const sheet = (await desk.ok('shift:handover', {}, rec.session))!;
    await desk.ok('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: rec.pin }, rec.session);
    await desk.ok('shift:handover', {});
    const again = await desk.call('shift:open', { patternCode: 'A', handoverShiftId: sheet.shiftId, pin: ADMIN.pin });
    expect(failure(again)).toMatchObject({ code: 'conflict', message: 'err.shift.alreadyOpen' });
    expect(failure(await desk.call('shift:leave', {}, rec.session)).message).toBe('err.shift.lastMember');
    await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长'); // reads and signs the handover, joining
    const left = await desk.ok('shift:leave', {}, rec.session);
    expect(left.onShift).toBe(false);
    expect(failure(await desk.call('visits:onSite', {}, rec.session)).message).toBe('err.shift.notOnShift');
    expect(desk.count('shifts')).toBe(2);
  });

  it('a shift left open is flagged to the next person and the shift leader, and taken over unsigned', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const sheet = (await desk.ok('shift:handover', {}, rec.session))!;
    await desk.ok('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: rec.pin }, rec.session);
    await desk.ok('log:add', { entryId: newRequestId(), category: 'incident', priority: 'high', text: '地库积水' }, rec.session);
    // B ends at 20:00; 小李 went home without closing. At 21:30 the on-call person arrives.
    desk.clock.ms = Date.parse('2026-11-22T21:30:00+08:00');
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }); // the idle lock took the admin's window
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    const state = await desk.ok('shift:state', {}, leader.session);
    expect(state).toMatchObject({ takeOver: true, onShift: false, current: { stale: true, patternCode: 'B' } });
    const overview = await desk.ok('shift:overview', {}, leader.session);
    expect(overview.desks).toEqual([{ deviceCode: 'A1', open: expect.objectContaining({ stale: true }) }]);
    // Joining a shift left open is not possible: it must be taken over.
    expect(failure(await desk.call('shift:join', { handoverShiftId: sheet.shiftId, pin: '8642' }, leader.session)).message).toBe(
      'err.shift.leftOpen',
    );

    const preview = (await desk.ok('shift:handover', {}, leader.session))!;
    expect(preview).toMatchObject({ preview: true, shiftId: state.current!.id });
    expect(preview.sections.find((s) => s.key === 'highPriority')?.lines.map((l) => l.text)).toEqual(['地库积水']);
    await desk.ok('shift:open', { patternCode: 'C', handoverShiftId: preview.shiftId, pin: '8642' }, leader.session);

    const abandoned = (await desk.ok('shift:handover', { shiftId: preview.shiftId }, leader.session))!;
    expect(abandoned).toMatchObject({ abandoned: true, preview: false, outgoing: null });
    expect(abandoned.acknowledgements.map((a) => a.name)).toEqual(['刘班长']);
    expect((await desk.ok('shift:overview', {}, leader.session)).abandoned.map((s) => s.id)).toEqual([preview.shiftId]);
    // The receptionist is no longer on any shift of this desk.
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, rec.session);
    expect(failure(await desk.call('log:list', {}, rec.session)).code).toBe('shift_required');
  });
});
