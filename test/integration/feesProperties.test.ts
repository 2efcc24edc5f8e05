import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { b64 } from '../support/fees.js';
import { PAY_METHODS, type PayMethod } from '../../shared/domain/fees.js';
import { addStaff } from './helpers.js';

const UNITS = 120;
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const unitCode = (i: number) => `P-${String(i).padStart(3, '0')}`;

type Command =
  | { kind: 'pay'; unit: 0 | 1; months: number; advanceYuan: number; split: PayMethod | null }
  | { kind: 'void'; pick: number }
  | { kind: 'refund'; unit: 0 | 1; yuan: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    unit: fc.constantFrom(0 as const, 1 as const),
    months: fc.integer({ min: 0, max: 3 }),
    advanceYuan: fc.integer({ min: 0, max: 3 }).map((n) => n * 50),
    split: fc.option(fc.constantFrom(...PAY_METHODS.filter((m) => m !== 'cash')), { nil: null }),
  }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('refund' as const),
    unit: fc.constantFrom(0 as const, 1 as const),
    yuan: fc.integer({ min: 1, max: 200 }),
  }),
);

/**
 * For any sequence of payments, voids and refunds, per unit: balance = charges − payments +
 * reversals (+ refunds paid back); receipt numbers run 1, 2, 3 … on this desk with no gap and no
 * reuse; and what the drawer expects per method is the sum of the receipts (not voided) less refunds.
 */
describe('fee accounts under any sequence of payments, voids and refunds', () => {
  let desk: TestDesk;
  let session: string;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  const unitIds: string[] = [];
  let nextUnit = 0;
  const issued: {
    id: string;
    no: string;
    unitId: string;
    totalFen: number;
    methods: { method: PayMethod; amountFen: number }[];
  }[] = [];
  const voided = new Set<string>();
  const refunds: { unitId: string; amountFen: number }[] = [];

  beforeAll(async () => {
    desk = await openTestDesk();
    const rows = Array.from({ length: UNITS }, (_, i) => `${unitCode(i)},P栋,100,业主${i},,业主,`);
    await desk.ok('directory:import', {
      fileName: 'd.csv',
      contentBase64: b64(['单元,楼栋,面积,姓名,电话,身份,公司', ...rows].join('\n')),
    });
    const charges = rows.flatMap((_, i) => MONTHS.map((m) => `${unitCode(i)},物业管理费,${m},,`));
    await desk.ok('fees:importCharges', {
      fileName: 'c.csv',
      contentBase64: b64(['单元,收费项目,月份,金额,空置', ...charges].join('\n')),
    });
    for (let i = 0; i < UNITS; i++) unitIds.push((await desk.ok('directory:search', { q: unitCode(i) }))[0].unitId);
    session = (await addStaff(desk, 'receptionist', 'R001', '1357', '小李')).session;
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  });
  afterAll(() => desk.close());

  async function run(cmd: Command, units: string[]) {
    if (cmd.kind === 'pay') {
      const unitId = units[cmd.unit];
      const account = await desk.ok('fees:account', { unitId }, session);
      const lines = account.charges.filter((c) => !c.paidReceiptNo).slice(0, cmd.months);
      const totalFen = lines.reduce((n, c) => n + c.amountFen, 0) + cmd.advanceYuan * 100;
      if (totalFen === 0) return;
      const other = cmd.split && totalFen > 100 ? Math.floor(totalFen / 3) : 0;
      const methods = [
        { method: 'cash' as const, amountFen: totalFen - other, reference: '' },
        ...(other ? [{ method: cmd.split!, amountFen: other, reference: 'REF123' }] : []),
      ];
      const { receipt } = await desk.ok(
        'fees:pay',
        {
          requestId: newRequestId(),
          unitId,
          payer: '业主',
          chargeIds: lines.map((c) => c.chargeId),
          advance: String(cmd.advanceYuan),
          methods: methods.map((m) => ({ method: m.method, amount: (m.amountFen / 100).toFixed(2), reference: m.reference })),
        },
        session,
      );
      issued.push({ id: receipt.id, no: receipt.receiptNo, unitId, totalFen: receipt.totalFen, methods });
    } else if (cmd.kind === 'void') {
      const open = issued.filter((r) => units.includes(r.unitId) && !voided.has(r.id));
      if (!open.length) return;
      const r = open[cmd.pick % open.length];
      await desk.ok(
        'fees:void',
        { receiptId: r.id, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '冲正' } },
        session,
      );
      voided.add(r.id);
    } else {
      const unitId = units[cmd.unit];
      const credit = -(await desk.ok('fees:account', { unitId }, session)).balanceFen;
      if (credit <= 0) return;
      const amountFen = Math.min(credit, cmd.yuan * 100);
      const approval = { staffNo: leader.staffNo, pin: leader.pin, reason: '退多交' };
      await desk.ok('fees:refund', { unitId, amount: (amountFen / 100).toFixed(2), method: 'cash', approval }, session);
      refunds.push({ unitId, amountFen });
    }
  }

  it('balance, receipt numbers and the drawer agree with what happened', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (cmds) => {
        const units = [unitIds[nextUnit++ % UNITS], unitIds[nextUnit++ % UNITS]];
        for (const cmd of cmds) await run(cmd, units);
        for (const unitId of units) {
          const charges = MONTHS.length * 25_000;
          const mine = issued.filter((r) => r.unitId === unitId);
          const payments = mine.reduce((n, r) => n + r.totalFen, 0);
          const reversals = mine.filter((r) => voided.has(r.id)).reduce((n, r) => n + r.totalFen, 0);
          const refunded = refunds.filter((r) => r.unitId === unitId).reduce((n, r) => n + r.amountFen, 0);
          const account = await desk.ok('fees:account', { unitId }, session);
          expect(account.balanceFen).toBe(charges - payments + reversals + refunded);
          // Unpaid months are exactly the charges no receipt (not voided) covers.
          expect(account.monthsDue.reduce((n, m) => n + m.amountFen, 0)).toBe(
            account.charges.filter((c) => !c.paidReceiptNo).reduce((n, c) => n + c.amountFen, 0),
          );
        }
        const seqs = issued.map((r) => Number(r.no.split('-')[3]));
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        expect(new Set(issued.map((r) => r.no)).size).toBe(issued.length);
        const expected = Object.fromEntries(PAY_METHODS.map((m) => [m, 0])) as Record<PayMethod, number>;
        for (const r of issued) if (!voided.has(r.id)) for (const m of r.methods) expected[m.method] += m.amountFen;
        for (const r of refunds) expected.cash -= r.amountFen;
        expect((await desk.ok('drawer:state', {}, session)).expected).toEqual(expected);
      }),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20261122) },
    );
  }, 120_000);
});
