import { closeYesterdaysVisits } from '../../electron/housekeeping.js';
import { applyRetention } from '../../electron/retention.js';
import { applyPage, recordPush } from '../../electron/sync/state.js';
import { getSiteIdentity } from '../../db/meta.js';
import { encodeHlc } from '../../shared/domain/hlc.js';
import { ADMIN, checkInInput, newRequestId, type TestDesk } from '../support/desk.js';
import { importPassDirectory, passInput } from '../support/releasePass.js';
import { addStaff, later } from './helpers.js';
import { cashPayment, importSampleCharges } from '../support/fees.js';
import { complaintInput, repairInput } from '../support/tickets.js';
import { damage, mailInput, pickupInput } from '../support/mail.js';

/**
 * A day and a morning at the desk that writes every kind of event, with refused calls mixed in:
 * staff, a PIN change, an import, check-ins, a reprint, check-outs, a deny entry added and revoked,
 * an override, release passes issued, refused and released at the gate and cancelled, post-log entries
 * with a correction and a resolved pending item, a colleague leaving the shift, a handover closed with
 * PIN and acknowledged into the next shift, and the end-of-day close; mail scanned in (one damaged, its line
 * corrected and confirmed by the leader, a duplicate refused), a notice, a pickup, a newspaper shortfall and,
 * the next morning, an unclaimed item returned after the supervisor's review.
 */
export async function busyDay(desk: TestDesk) {
  await importPassDirectory(desk);
  const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
  const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  await desk.ok('auth:changePin', { currentPin: rec.pin, newPin: '1358' }, rec.session);

  const a = await desk.ok('visits:checkIn', await checkInInput(desk), rec.session);
  await desk.call('visits:checkIn', { ...(await checkInInput(desk)), partySize: 0 }, rec.session); // refused
  const b = await desk.ok(
    'visits:checkIn',
    await checkInInput(
      desk,
      { visitor: { name: '钱七', phone: '13600136000', idType: 'passport', idNumber: 'E12345678' } },
      '王小明',
    ),
    rec.session,
  );
  await desk.ok(
    'print:request',
    { jobId: newRequestId(), docType: 'visitor_pass', docId: a.visit.id, layout: 'a6' },
    rec.session,
  );
  await desk.ok('visits:checkOut', { code: a.visit.passNo }, rec.session);
  await desk.call('visits:checkOut', { code: a.visit.passNo }, rec.session); // refused: already out

  const entry = await desk.ok('deny:add', { idNumber: 'G12345678', reason: '滋扰' }, leader.session);
  const listed = { name: '孙八', phone: '13500135000', idType: 'passport' as const, idNumber: 'G12345678' };
  await desk.call('visits:checkIn', await checkInInput(desk, { visitor: listed }), rec.session); // refused: deny list
  await desk.ok(
    'visits:checkIn',
    await checkInInput(desk, { visitor: listed, denyOverride: { staffNo: leader.staffNo, pin: leader.pin, reason: '业主担保' } }),
    rec.session,
  );
  await desk.ok('deny:revoke', { id: entry.id, reason: '误登记' }, leader.session);

  const guard = await addStaff(desk, 'guard', 'G001', '9753', '门岗老赵');
  const goods = (await desk.ok('passes:issue', await passInput(desk), rec.session)).pass;
  await desk.call('passes:issue', await passInput(desk, { items: [] }), rec.session); // refused: no items
  await desk.ok('passes:refuse', { passId: goods.id, reason: '多一台洗衣机' }, guard.session);
  await desk.ok(
    'passes:release',
    { passId: goods.id, items: [{ released: 1 }, { released: 1 }, { released: 10 }], note: '余 2 箱' },
    guard.session,
  );
  await desk.call(
    'passes:release',
    { passId: goods.id, items: [{ released: 1 }, { released: 1 }, { released: 2 }] },
    guard.session,
  ); // refused: used
  const later2 = (await desk.ok('passes:issue', await passInput(desk), rec.session)).pass;
  await desk.ok('passes:cancel', { passId: later2.id, reason: '业主改期' }, rec.session);

  const pending = await desk.ok(
    'log:add',
    { entryId: newRequestId(), category: 'pending', text: '电梯异响，已报工程部', tag: '1-2-301' },
    rec.session,
  );
  const door = await desk.ok('log:add', {
    entryId: newRequestId(),
    category: 'anomaly',
    priority: 'high',
    text: '北门闭门器坏了',
  });
  await desk.call('log:add', { entryId: newRequestId(), category: 'notice', text: '   ' }, rec.session); // refused
  await desk.ok('log:add', { entryId: newRequestId(), category: 'anomaly', text: '更正：是南门', correctsId: door.id });
  await desk.ok('log:resolve', { entryId: pending.id, resolution: '工程部已修好' }, leader.session);
  // Fees: charges imported and raised, a payment with change, the same month refused, a void, an
  // advance paid back, the drawer's float, cash out and count, and a reminder.
  await importSampleCharges(desk);
  const [zhang] = await desk.ok('directory:search', { q: '张三' }, rec.session);
  await desk.ok('fees:raiseCharge', { unitId: zhang.unitId, item: 'repair', period: '2026-11', amount: '80' });
  await desk.ok('drawer:float', { amount: '300' }, rec.session);
  const payment = await cashPayment(desk, zhang.unitId, ['2026-08', '2026-09'], { tendered: '500' });
  const paid = await desk.ok('fees:pay', payment, rec.session);
  await desk.call('fees:pay', { ...payment, requestId: newRequestId() }, rec.session); // refused: paid twice
  const approval = { staffNo: leader.staffNo, pin: leader.pin, reason: '收错单元' };
  await desk.ok('fees:void', { receiptId: paid.receipt.id, approval }, rec.session);
  const [company] = await desk.ok('directory:search', { q: '华夏' }, rec.session);
  // The receptionist calls the company to confirm a visitor: the reveal is recorded.
  await desk.ok('directory:revealPhone', { occupantId: company.occupantId }, rec.session);
  // The evacuation roll of everyone on site is printed: a visitor list leaving the screen, audited.
  await desk.ok('print:request', { jobId: newRequestId(), docType: 'onsite_roll', docId: 'now', layout: 'a4' }, rec.session);
  await desk.ok(
    'fees:pay',
    {
      requestId: newRequestId(),
      unitId: company.unitId,
      payer: '周立',
      chargeIds: [],
      advance: '100',
      methods: [{ method: 'cash', amount: '100' }],
    },
    rec.session,
  );
  await desk.ok(
    'fees:refund',
    { unitId: company.unitId, amount: '50', method: 'cash', approval: { ...approval, reason: '多交退回' } },
    rec.session,
  );
  await desk.ok('drawer:move', { direction: 'out', amount: '20', reason: '买零钱' }, rec.session);
  // A move recorded by mistake and reversed (冲正): the two cancel out before the count.
  const mistaken = (await desk.ok('drawer:move', { direction: 'in', amount: '5', reason: '找零' }, rec.session)).entries.at(-1)!;
  await desk.ok('drawer:reverse', { entryId: mistaken.id, reason: '登记错了' }, rec.session);
  await desk.ok('drawer:count', { denominations: { '10000': 3, '1000': 3 } }, rec.session);
  await desk.ok('fees:remind', { unitId: zhang.unitId, channel: 'phone', outcome: '答应周末来交' }, rec.session);
  // Intake: a complaint taken, dispatched, resolved, called back unsatisfied and reopened, then closed;
  // a repair deferred and resumed; a refused repair (charge on a free repair); a note and its correction;
  // a suggestion cancelled.
  const complaint = (await desk.ok('tickets:create', await complaintInput(desk), rec.session)).ticket;
  await desk.call('tickets:create', await repairInput(desk, { paid: false, chargeAgreed: false }), rec.session); // refused
  await desk.ok('tickets:dispatch', { ticketId: complaint.id, department: '客服部' }, rec.session);
  await desk.ok('tickets:step', { ticketId: complaint.id, action: 'escalate', note: '已报部门负责人' }, rec.session);
  await desk.ok('tickets:step', { ticketId: complaint.id, action: 'resolve' }, rec.session);
  await desk.ok('tickets:callback', { ticketId: complaint.id, outcome: 'not_satisfied', note: '仍有异议' }, rec.session);
  await desk.ok('tickets:step', { ticketId: complaint.id, action: 'resolve' }, rec.session);
  await desk.ok('tickets:callback', { ticketId: complaint.id, outcome: 'satisfied' }, rec.session);
  await desk.ok('tickets:step', { ticketId: complaint.id, action: 'close' }, rec.session);
  await desk.ok('tickets:reopen', { ticketId: complaint.id, reason: '主管复查' }, leader.session);
  await desk.call('tickets:step', { ticketId: complaint.id, action: 'close' }, rec.session); // refused: reopened
  const repair = (await desk.ok('tickets:create', await repairInput(desk), rec.session)).ticket;
  await desk.ok('tickets:defer', { ticketId: repair.id, until: '2026-11-30', reason: '等配件' }, rec.session);
  await desk.ok('tickets:step', { ticketId: repair.id, action: 'resume' }, rec.session);
  const note = await desk.ok('tickets:note', { ticketId: repair.id, text: '住户下午不在家' }, rec.session);
  await desk.ok('tickets:note', { ticketId: repair.id, text: '更正：住户上午不在家', correctsId: note.steps[0].id }, rec.session);
  const idea = (
    await desk.ok(
      'tickets:create',
      {
        ...(await complaintInput(desk)),
        kind: 'suggestion',
        severity: undefined,
        channel: 'letter',
        place: 'outdoor',
        category: 'parking',
        problem: 'occupied',
      },
      rec.session,
    )
  ).ticket;
  await desk.ok('tickets:cancel', { ticketId: idea.id, reason: '重复登记' }, rec.session);

  await desk.ok('settings:update', { mailReturnDays: 1 });
  await desk.ok('site:updateDetails', {
    siteName: '华远国际大厦',
    address: '世纪大道 100 号',
    phone: '021-55556666-801',
    companyName: '上海华远物业服务有限公司',
  });
  const letter = await desk.ok('mail:receive', await mailInput(desk, { trackingNo: 'XA100200300CN' }), rec.session);
  await desk.call('mail:receive', await mailInput(desk, { trackingNo: 'XA100200300CN' }), rec.session); // warned: on shelf
  const parcel = await desk.ok(
    'mail:receive',
    await mailInput(desk, { kind: 'parcel', condition: 'damaged', damage: damage() }),
    rec.session,
  );
  const fix = await desk.ok(
    'mail:recordDamage',
    { damageId: newRequestId(), itemId: parcel.item.id, correctsId: parcel.damage!.id, what: '纸箱', how: ['crushed'] },
    rec.session,
  );
  for (const d of [parcel.damage!.id, fix.id])
    await desk.ok(
      'mail:confirmDamage',
      { damageId: d, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '已核对' } },
      rec.session,
    );
  await desk.ok('mail:notice', { itemId: parcel.item.id, method: 'phone', note: '' }, rec.session);
  await desk.ok('mail:pickUp', pickupInput(parcel.item.id), rec.session);
  await desk.ok(
    'mail:countNewspapers',
    { countId: newRequestId(), carrier: '邮局', title: '新民晚报', expected: 20, received: 18, late: true },
    rec.session,
  );
  // The receptionist hands over, so the admin may acknowledge (nobody signs in their own handover).
  await desk.ok('shift:leave', {});
  const sheet = await desk.ok('shift:close', { note: '钥匙在抽屉', pin: '1358' }, rec.session); // changed above
  await desk.ok('shift:handover', {}, leader.session);
  await desk.ok('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: leader.pin }, leader.session);
  await desk.ok('shift:handover', {});
  await desk.ok('shift:join', { handoverShiftId: sheet.shiftId, pin: ADMIN.pin });

  await later(desk, 24 * 60);
  await closeYesterdaysVisits(desk.backend.services);
  // The daily retention pass: nothing of these two days is old enough to drop.
  await applyRetention(desk.backend.services, desk.backend.database.raw);
  await desk.ok('visits:checkOut', { code: b.visit.passNo }); // the slip came back the next morning
  const visitor = { name: '孙七', phone: '13900139007', idType: 'resident_id' as const, idNumber: '11010519491231002X' };
  await desk.ok('visits:checkIn', await checkInInput(desk, { visitor }, '李四'));
  await desk.ok('mail:return', {
    itemId: letter.item.id,
    approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '无人认领' },
  });
  // 李四 moved out yesterday, and a mistaken second record is taken back the same way.
  const [li] = await desk.ok('directory:search', { q: '李四' });
  await desk.ok('directory:moveOut', { occupantId: li.occupantId, movedOutOn: '2026-11-22' });
  await desk.ok('directory:moveOut', { occupantId: li.occupantId, movedOutOn: null });
  await desk.ok('directory:moveOut', { occupantId: li.occupantId, movedOutOn: '2026-11-22' });
  // A temp hired under the wrong name who forgot their PIN, left, and came back.
  const temp = await desk.ok('staff:create', { staffNo: 'T001', name: '小周周', role: 'receptionist', pin: '2580' });
  await desk.ok('staff:update', { staffId: temp.id, name: '周小周', role: 'receptionist' });
  await desk.ok('staff:resetPin', { staffId: temp.id, pin: '2581' });
  await desk.ok('staff:disable', { staffId: temp.id });
  await desk.ok('staff:enable', { staffId: temp.id });
  // 李四's visitor asks the site to erase what it holds on them (PIPL 第四十七条).
  const person = { name: visitor.name, phone: visitor.phone, idNumber: '' };
  await desk.ok('privacy:personErase', { person, reason: '本人书面申请', confirmName: visitor.name });
  return { rec, leader };
}

/**
 * The shift leader's inbox after the busy day: desk A2 checked visitor a out too while the two desks were
 * apart (pulled), a double check-out resolved with a note; HQ refused one of this desk's records (stored as
 * the sync client stores HQ's answer) and it is marked handled. Separate from the busy day because it puts
 * another desk's event into this desk's log.
 */
export async function busyDayInbox(desk: TestDesk) {
  const out = desk.backend.database.raw
    .prepare("SELECT id, device_seq, json_extract(payload, '$.visitId') AS visitId FROM events WHERE type = 'VisitorCheckedOut'")
    .get() as { id: string; device_seq: number; visitId: string };
  const site = (await getSiteIdentity(desk.backend.services.db))!;
  const elsewhere = { visitId: out.visitId, at: new Date().toISOString(), method: 'list' as const };
  const pulled = { id: newRequestId(), deviceId: 'A2-device', deviceSeq: 1, type: 'VisitorCheckedOut', v: 1 };
  const hlc = encodeHlc({ wallMs: Date.now(), counter: 0, node: 'A2-device' });
  const wire = { ...pulled, hlc, actor: 'S-A2', siteId: site.siteId, payload: elsewhere, recordedAt: elsewhere.at };
  await applyPage(desk.backend.services.db, [wire], 1);
  const [twice] = await desk.ok('conflicts:list', {});
  await desk.ok('conflicts:resolve', { conflictId: twice.id, note: '同一访客，两台前台各登记一次离场' });
  const refused = { eventId: out.id, deviceSeq: out.device_seq, reason: 'unknown_visit', detail: 'visit not at HQ' };
  await recordPush(desk.backend.services.db, 0, [refused], new Map([[out.id, 'VisitorCheckedOut']]), new Date().toISOString());
  await desk.ok('conflicts:handleRejection', { eventId: out.id, note: '总部补录后核对' });
}
