import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/result.js';
import { ADMIN, checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { damage, mailInput } from '../support/mail.js';
import { importPassDirectory, occupant, passInput } from '../support/releasePass.js';
import { addStaff, failure, snapshot } from './helpers.js';

type Person = Awaited<ReturnType<typeof addStaff>>;
const approvalOf = (p: { staffNo: string; pin: string }, reason = '已核对') => ({ staffNo: p.staffNo, pin: p.pin, reason });

/**
 * Four eyes (issue 13): the approver of a second-person act is neither whoever did the act nor whoever
 * asks. Each self-approval is tried with the person's own right PIN, refused at the approval's staff
 * number, and writes nothing; a different shift leader's approval still goes through.
 */
describe('four eyes: nobody approves their own act', () => {
  let desk: TestDesk;
  let rec: Person;
  let leader: Person;
  let other: Person;
  const tally = { tried: 0, refused: 0 };

  beforeEach(async () => {
    desk = await openTestDesk();
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    other = await addStaff(desk, 'shift_leader', 'S002', '5791', '陈班长');
  });
  afterEach(() => desk.close());
  afterAll(() => {
    // The closing note's count for the self-approval attack: every attempt refused.
    expect(tally.refused).toBe(tally.tried);
    console.log(`four eyes: tried ${tally.tried}, refused ${tally.refused}, unsafe ${tally.tried - tally.refused}`);
  });

  /** Tries one self-approval: refused at `<prefix>.staffNo` with the shared message, and nothing written. */
  async function refusedSelf(attempt: () => Promise<ApiResult<unknown>>, prefix = 'approval') {
    const before = snapshot(desk);
    tally.tried += 1;
    const r = await attempt();
    expect(failure(r)).toMatchObject({
      code: 'forbidden',
      message: 'err.selfApproval',
      issues: [{ path: `${prefix}.staffNo`, message: 'err.selfApproval' }],
    });
    expect(snapshot(desk)).toEqual(before);
    tally.refused += 1;
  }

  it('a receipt void: not by the cashier who took the money, not by the one asking', async () => {
    const { unitId } = await feeDesk(desk);
    const { receipt } = await desk.ok(
      'fees:pay',
      await cashPayment(desk, unitId, ['2026-09'], {}, leader.session),
      leader.session,
    );
    const voidBy = (p: Person, session: string) =>
      desk.call('fees:void', { receiptId: receipt.id, approval: approvalOf(p, '收错单元') }, session);
    await refusedSelf(() => voidBy(leader, leader.session)); // the cashier asks and approves
    await refusedSelf(() => voidBy(leader, rec.session)); // a colleague asks, the cashier approves
    await refusedSelf(() => voidBy(other, other.session)); // another leader asks and approves
    const voided = await desk.ok('fees:void', { receiptId: receipt.id, approval: approvalOf(other, '收错单元') }, rec.session);
    expect(voided.voided).toMatchObject({ approver: '陈班长' });
  });

  it('a refund: not by the one paying it out', async () => {
    await feeDesk(desk);
    const [{ unitId }] = await desk.ok('directory:search', { q: '2-1-1202' });
    const sept = (await desk.ok('fees:account', { unitId })).charges[0];
    const pay = { requestId: newRequestId(), unitId, payer: '王小明', chargeIds: [sept.chargeId], advance: '300' };
    await desk.ok('fees:pay', { ...pay, methods: [{ method: 'cash', amount: '510' }], tendered: '' }, rec.session);
    const refund = (p: Person, session: string) =>
      desk.call('fees:refund', { unitId, amount: '100', method: 'cash', approval: approvalOf(p, '预交多了') }, session);
    await refusedSelf(() => refund(leader, leader.session));
    expect((await refund(other, leader.session)).ok).toBe(true);
    expect((await desk.ok('fees:account', { unitId })).balanceFen).toBe(-20_000);
  });

  it('a drawer variance: not by the one counting', async () => {
    await desk.ok('drawer:float', { amount: '500' }, leader.session);
    const count = (p: Person) =>
      desk.call('drawer:count', { denominations: { '10000': 4 }, approval: approvalOf(p, '已交财务') }, leader.session);
    await refusedSelf(() => count(leader));
    const counted = await count(other);
    if (!counted.ok) throw new Error(JSON.stringify(counted.error));
    expect(counted.value.lastCount).toMatchObject({ varianceFen: -10_000, approver: '陈班长' });
  });

  it('a deny-list override: not by the one checking the visitor in', async () => {
    await importSampleDirectory(desk);
    await desk.ok('deny:add', { idNumber: '11010519491231002X', reason: '多次滋扰住户' }, other.session);
    const checkIn = async (p: Person) =>
      desk.call('visits:checkIn', { ...(await checkInInput(desk)), denyOverride: approvalOf(p, '业主担保') }, leader.session);
    await refusedSelf(() => checkIn(leader), 'denyOverride');
    const ok = await checkIn(other);
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(ok.value.visit.denyOverrideBy).toBe(other.id);
  });

  it('a release-pass arrears override: not by the one issuing the pass', async () => {
    await importPassDirectory(desk);
    const unit = await occupant(desk, '张三');
    await desk.ok('fees:raiseCharge', { unitId: unit.unitId, item: 'repair', period: '2026-10', amount: '1000.50' });
    const input = await passInput(desk, { reason: 'moving_out', wholeUnit: true });
    const issue = (p: Person) =>
      desk.call('passes:issue', { ...input, arrearsApproval: approvalOf(p, '业主承诺月底结清') }, leader.session);
    await refusedSelf(() => issue(leader), 'arrearsApproval');
    const ok = await issue(other);
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(ok.value.pass).toMatchObject({ arrearsFen: 100_050 });
  });

  it('a mail damage confirmation: not by who signed for it, nor who recorded it, nor who asks', async () => {
    await importSampleDirectory(desk);
    const received = await mailInput(desk, { condition: 'damaged', damage: damage() });
    const { damage: d } = await desk.ok('mail:receive', received, leader.session); // signed for and recorded by the leader
    const confirm = (p: { staffNo: string; pin: string }, session: string) =>
      desk.call('mail:confirmDamage', { damageId: d!.id, approval: approvalOf(p) }, session);
    await refusedSelf(() => confirm(leader, rec.session)); // who signed for it and wrote the damage line
    await refusedSelf(() => confirm(ADMIN, 'admin')); // the one asking
    const ok = await confirm(other, rec.session);
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(ok.value.damage.confirmedByName).toBe('陈班长');
  });

  it('a mail return review: not by the one asking', async () => {
    await importSampleDirectory(desk);
    await desk.ok('settings:update', { mailReturnDays: 1 });
    const { item } = await desk.ok('mail:receive', await mailInput(desk), rec.session);
    desk.clock.advance(2 * 24 * 60);
    await desk.ok('auth:signIn', { staffNo: leader.staffNo, pin: leader.pin }, leader.session); // the idle lock took it
    await desk.ok('mail:list', { view: 'awaiting' }, leader.session); // and takes over the lapsed shift first
    const review = (p: Person) =>
      desk.call('mail:return', { itemId: item.id, approval: approvalOf(p, '无人认领') }, leader.session);
    await refusedSelf(() => review(leader));
    expect((await review(other)).ok).toBe(true);
  });
});
