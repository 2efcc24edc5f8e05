import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { feeDesk } from '../support/fees.js';
import { addStaff, counts, expectFieldError } from './helpers.js';

/** 退款 as the F10 refund form sends it: each bad input at its field with nothing written; cash leaves the drawer. */
describe('refunding a credit', () => {
  let desk: TestDesk;
  let unitId: string;
  let session: string;
  const approval = { staffNo: 'S001', pin: '8642', reason: '预交多了，退回业主' };
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
    [{ unitId }] = await desk.ok('directory:search', { q: '2-1-1202' });
    ({ session } = await addStaff(desk, 'receptionist', 'R001', '1357', '小李'));
    await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    // September (¥210.00) and ¥300 ahead, in cash: a credit of ¥300.
    const sept = (await desk.ok('fees:account', { unitId })).charges[0];
    await desk.ok(
      'fees:pay',
      {
        requestId: newRequestId(),
        unitId,
        payer: '王小明',
        chargeIds: [sept.chargeId],
        advance: '300',
        methods: [{ method: 'cash', amount: '510' }],
        tendered: '',
      },
      session,
    );
  });
  afterAll(() => desk.close());

  it('bad input is refused at its field and writes nothing', async () => {
    expect((await desk.ok('fees:account', { unitId }, session)).balanceFen).toBe(-30_000);
    const before = counts(desk, ['events', 'fee_refunds']);
    const base = { unitId, method: 'cash' as const, approval };
    expectFieldError(await desk.call('fees:refund', { ...base, amount: '十元' }, session), 'amount', 'err.fee.amount');
    expectFieldError(await desk.call('fees:refund', { ...base, amount: '12.345' }, session), 'amount', 'err.fee.amount');
    expectFieldError(await desk.call('fees:refund', { ...base, amount: '0' }, session), 'amount', 'err.fee.amountZero');
    expectFieldError(
      await desk.call('fees:refund', { ...base, amount: '300.01' }, session),
      'amount',
      'err.fee.refundOverCredit',
    );
    expectFieldError(
      await desk.call('fees:refund', { ...base, amount: '100', method: 'card' }, session),
      'reference',
      'err.fee.refundReference',
    );
    expectFieldError(
      await desk.call('fees:refund', { ...base, amount: '100', approval: { ...approval, reason: '' } }, session),
      'approval.reason',
    );
    expect((await desk.call('fees:refund', { ...base, amount: '100', approval: { ...approval, pin: '0000' } }, session)).ok).toBe(
      false,
    );
    expect(counts(desk, ['events', 'fee_refunds'])).toEqual(before);
  });

  it('a cash refund lowers the credit and what the drawer expects; a transfer carries its reference', async () => {
    const cashBefore = (await desk.ok('drawer:state', {}, session)).expected.cash;
    await desk.ok('fees:refund', { unitId, amount: '120.50', method: 'cash', approval }, session);
    expect((await desk.ok('fees:account', { unitId }, session)).balanceFen).toBe(-17_950);
    const drawer = await desk.ok('drawer:state', {}, session);
    expect(drawer.expected.cash).toBe(cashBefore - 12_050);
    await desk.ok('fees:refund', { unitId, amount: '179.50', method: 'transfer', reference: 'TR20261122', approval }, session);
    expect((await desk.ok('fees:account', { unitId }, session)).balanceFen).toBe(0);
    expect((await desk.ok('drawer:state', {}, session)).expected).toMatchObject({ cash: cashBefore - 12_050, transfer: -17_950 });
  });
});
