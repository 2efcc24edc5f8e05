import { closeYesterdaysVisits } from '../../electron/housekeeping.js';
import { checkInInput, newRequestId, type TestDesk } from '../support/desk.js';
import { importPassDirectory, passInput } from '../support/releasePass.js';
import { addStaff, later } from './helpers.js';

/**
 * A day and a morning at the desk that writes every kind of event, with refused calls mixed in:
 * staff, a PIN change, an import, check-ins, a reprint, check-outs, a deny entry added and revoked,
 * an override, release passes issued, refused and released at the gate and cancelled, and the
 * end-of-day close.
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

  await later(desk, 24 * 60);
  await closeYesterdaysVisits(desk.backend.services);
  await desk.ok('visits:checkOut', { code: b.visit.passNo }); // the slip came back the next morning
  await desk.ok('visits:checkIn', await checkInInput(desk, {}, '李四'));
  return { rec, leader };
}
