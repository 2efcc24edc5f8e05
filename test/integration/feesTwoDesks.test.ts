import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyEvent, rowToEvent } from '../../db/events.js';
import type { Database } from '../../db/schema.js';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { addStaff, snapshot } from './helpers.js';

const eventsOf = (desk: TestDesk) =>
  (desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all() as Database['events'][]).map(rowToEvent);
async function exchange(from: TestDesk, to: TestDesk) {
  for (const e of eventsOf(from)) await to.backend.database.db.transaction().execute((trx) => applyEvent(trx, e));
}
const FEE_TABLES = ['fee_charges', 'fee_receipts', 'fee_receipt_lines', 'fee_receipt_payments', 'fee_voids', 'fee_refunds'];

/** Two desks of one building taking money offline at once, then exchanging events as sync will. */
describe('fees on two desks working offline', () => {
  let a: TestDesk;
  let b: TestDesk;
  let unitId: string;
  beforeAll(async () => {
    a = await openTestDesk();
    ({ unitId } = await feeDesk(a));
    await addStaff(a, 'shift_leader', 'S001', '8642', '刘班长');
    await addStaff(a, 'shift_leader', 'S002', '5791', '陈班长'); // approves at B, where S001 asks (four eyes)
    b = await openTestDesk({ setUp: false, clock: a.clock });
    await exchange(a, b);
    b.backend.database.raw.prepare("UPDATE meta SET value = ? WHERE key = 'device_id'").run(uuidv7());
    b.backend.database.raw.prepare("UPDATE meta SET value = 'B2' WHERE key = 'device_code'").run();
    await b.reopen();
    await b.ok('auth:signIn', { staffNo: 'S001', pin: '8642' }, 'S001');
    await b.ok('shift:open', { patternCode: 'B', handoverShiftId: null }, 'S001');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('each desk numbers its own receipts; the same month paid at both is kept twice and shows as a credit', async () => {
    const atA = await a.ok('fees:pay', await cashPayment(a, unitId, ['2026-08']));
    const atB = await b.ok('fees:pay', await cashPayment(b, unitId, ['2026-08'], {}, 'S001'), 'S001');
    expect([atA.receipt.receiptNo, atB.receipt.receiptNo]).toEqual(['HY-A1-2026-000001', 'HY-B2-2026-000001']);
    await exchange(a, b);
    await exchange(b, a);
    expect(snapshot(a, FEE_TABLES)).toEqual(snapshot(b, FEE_TABLES));
    const account = await a.ok('fees:account', { unitId });
    const aug = account.charges.find((c) => c.item === 'property' && c.period === '2026-08')!;
    expect(aug).toMatchObject({ paidReceiptNo: 'HY-A1-2026-000001', paidTwice: true });
    // Both receipts count: the unit paid August twice, so it owes one month's fee less than it would.
    expect(account.balanceFen).toBe(119_500 - 2 * 22_375);
  });

  it('a receipt voided at both desks: the earlier void by HLC counts on both, the later is kept on record', async () => {
    const [receipt] = (await a.ok('fees:account', { unitId })).receipts.filter((r) => r.receiptNo.startsWith('HY-A1'));
    const approval = { staffNo: 'S001', pin: '8642' };
    await a.ok('fees:void', { receiptId: receipt.id, approval: { ...approval, reason: 'A：收错' } });
    a.clock.advance(1);
    const atB = { staffNo: 'S002', pin: '5791', reason: 'B：重复' };
    await b.ok('fees:void', { receiptId: receipt.id, approval: atB }, 'S001');
    await exchange(b, a);
    await exchange(a, b);
    expect(snapshot(a, FEE_TABLES)).toEqual(snapshot(b, FEE_TABLES));
    for (const desk of [a, b]) {
      const r = await desk.ok('fees:receipt', { receiptId: receipt.id }, desk === a ? 'admin' : 'S001');
      expect(r.voided?.reason).toBe('A：收错');
    }
    expect(a.count('fee_voids')).toBe(2);
  });
});
