import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { b64, feeDesk } from '../support/fees.js';
import { repairInput } from '../support/tickets.js';
import { addStaff, expectFieldError, failure, snapshot } from './helpers.js';

type Staff = Awaited<ReturnType<typeof addStaff>>;

describe('raising a charge: shift leaders and managers, checked at the field, once per submit', () => {
  let desk: TestDesk;
  let unitId: string;
  let rec: Staff;
  let leader: Staff;
  beforeAll(async () => {
    desk = await openTestDesk();
    ({ unitId } = await feeDesk(desk));
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  });
  afterAll(() => desk.close());

  it('a receptionist is refused by the API and nothing is written', async () => {
    const before = snapshot(desk);
    const r = failure(
      await desk.call('fees:raiseCharge', { unitId, item: 'repair', period: '2026-11', amount: '80' }, rec.session),
    );
    expect(r.code).toBe('forbidden');
    expect(snapshot(desk)).toEqual(before);
  });

  it('bad input is a message at its field and writes nothing', async () => {
    const before = snapshot(desk);
    const base = { unitId, item: 'repair' as const, period: '2026-11', amount: '80' };
    const as = (input: object) => desk.call('fees:raiseCharge', { ...base, ...input } as never, leader.session);
    expectFieldError(await as({ amount: 'abc' }), 'amount', 'err.fee.amount');
    expectFieldError(await as({ amount: '' }), 'amount', 'err.fee.amountNeeded');
    expectFieldError(await as({ period: '2026-13' }), 'period', 'err.fee.period');
    expectFieldError(await as({ item: 'car_wash' }), 'item', 'err.fee.item');
    expectFieldError(await as({ unitId: 'no-such-unit' }), 'unitId', 'err.fee.unitNotFound');
    expectFieldError(await as({ note: '长'.repeat(101) }), 'note', 'err.tooLong');
    // November's property fee of 1-2-301 came with the import: a month's fee is charged once.
    expectFieldError(await as({ item: 'property', amount: '' }), 'period', 'err.fee.alreadyCharged');
    expect(snapshot(desk)).toEqual(before);
  });

  it('a shift leader raises a one-off charge; it is due on the account this month', async () => {
    const c = await desk.ok(
      'fees:raiseCharge',
      { ...{ unitId, item: 'rubbish', period: '2026-11' }, amount: '150', note: '装修垃圾 3 袋' },
      leader.session,
    );
    expect(c).toMatchObject({ item: 'rubbish', period: '2026-11', amountFen: 15_000, note: '装修垃圾 3 袋', overdue: false });
    const account = await desk.ok('fees:account', { unitId }, rec.session);
    expect(account.charges.find((x) => x.chargeId === c.chargeId)).toMatchObject({ amountFen: 15_000, paidReceiptNo: null });
    expect(account.monthsDue.find((m) => m.period === '2026-11')?.amountFen).toBe(22_375 + 15_000);
  });

  it('the same submit twice at once (a double Enter) raises one charge', async () => {
    const input = {
      requestId: newRequestId(),
      unitId,
      item: 'service' as const,
      period: '2026-11',
      amount: '35',
      note: '换锁芯',
    };
    const events = desk.count('events');
    const [a, b] = await Promise.all([
      desk.call('fees:raiseCharge', input, leader.session),
      desk.call('fees:raiseCharge', input, leader.session),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.value.chargeId).toBe(a.value.chargeId);
    expect(desk.count('events')).toBe(events + 1);
    const account = await desk.ok('fees:account', { unitId }, rec.session);
    expect(account.charges.filter((x) => x.note === '换锁芯')).toHaveLength(1);
  });
});

describe('importing charges: the same file twice at once bills once', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
  });
  afterAll(() => desk.close());

  it('one import wins; the other lists every line as already charged and writes nothing', async () => {
    const csv = ['单元,收费项目,月份,金额', '1-2-301,车位费,2026-12,300', '2-1-1202,车位费,2026-12,300'].join('\n');
    const input = { fileName: '12月车位费.csv', contentBase64: b64(csv) };
    const charges = desk.count('fee_charges');
    const results = await Promise.all([desk.call('fees:importCharges', input), desk.call('fees:importCharges', input)]);
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const lost = failure(results.find((r) => !r.ok)!);
    expect(lost.message).toBe('err.import.rows');
    expect((lost.details?.problems as { line: number; message: string }[]).map((p) => [p.line, p.message])).toEqual([
      [2, 'err.fee.alreadyCharged'],
      [3, 'err.fee.alreadyCharged'],
    ]);
    expect(desk.count('fee_charges')).toBe(charges + 2);
  });
});

describe('a paid repair ticket becomes a fee line of its unit, once', () => {
  let desk: TestDesk;
  let unitId: string;
  let rec: Staff;
  let leader: Staff;
  beforeAll(async () => {
    desk = await openTestDesk();
    ({ unitId } = await feeDesk(desk));
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  });
  afterAll(() => desk.close());

  const newRepair = async (overrides = {}) =>
    (
      await desk.ok(
        'tickets:create',
        await repairInput(desk, { chargeFen: 12_000, confirmDuplicate: true, ...overrides }),
        rec.session,
      )
    ).ticket;

  it('not before the repair is resolved, and never for a free repair', async () => {
    const t = await newRepair();
    expect(await desk.ok('fees:ticketCharge', { ticketId: t.id }, rec.session)).toEqual({
      charge: null,
      blocked: 'err.fee.ticketNotDone',
    });
    const free = await newRepair({ paid: false, chargeFen: 0, chargeAgreed: false });
    await desk.ok('tickets:step', { ticketId: free.id, action: 'resolve' }, rec.session);
    const before = snapshot(desk);
    expectFieldError(
      await desk.call('fees:chargeTicket', { ticketId: t.id }, leader.session),
      'ticketId',
      'err.fee.ticketNotDone',
    );
    expectFieldError(
      await desk.call('fees:chargeTicket', { ticketId: free.id }, leader.session),
      'ticketId',
      'err.fee.ticketNotPaid',
    );
    expectFieldError(await desk.call('fees:chargeTicket', { ticketId: 'nope' }, leader.session), 'ticketId', 'err.notFound');
    expect(snapshot(desk)).toEqual(before);
  });

  it('a receptionist is refused; two leaders at once: one fee line, the other is told it is made', async () => {
    const t = await newRepair();
    await desk.ok('tickets:step', { ticketId: t.id, action: 'resolve', note: '已疏通' }, rec.session);
    expect((await desk.ok('fees:ticketCharge', { ticketId: t.id }, rec.session)).blocked).toBeNull();
    expect(failure(await desk.call('fees:chargeTicket', { ticketId: t.id }, rec.session)).code).toBe('forbidden');
    const charges = desk.count('fee_charges');
    const results = await Promise.all([
      desk.call('fees:chargeTicket', { ticketId: t.id }, leader.session),
      desk.call('fees:chargeTicket', { ticketId: t.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(failure(results.find((r) => !r.ok)!)).toMatchObject({ code: 'conflict', message: 'err.fee.ticketCharged' });
    expect(desk.count('fee_charges')).toBe(charges + 1);
    // Later, again: refused, still one line.
    expect(failure(await desk.call('fees:chargeTicket', { ticketId: t.id }, leader.session)).message).toBe(
      'err.fee.ticketCharged',
    );
    expect(desk.count('fee_charges')).toBe(charges + 1);

    // The line is the unit's: this month's paid repair for the agreed amount, naming its ticket.
    const account = await desk.ok('fees:account', { unitId }, rec.session);
    const line = account.charges.find((c) => c.item === 'repair')!;
    expect(line).toMatchObject({ period: '2026-11', amountFen: 12_000, overdue: false, paidReceiptNo: null });
    expect(line.note).toContain(t.ticketNo);
    const state = await desk.ok('fees:ticketCharge', { ticketId: t.id }, rec.session);
    expect(state.charge).toMatchObject({ chargeId: line.chargeId, unitCode: '1-2-301', amountFen: 12_000 });
    // The event says which ticket it came from (HQ and the audit trail see the link too).
    const raw = desk.backend.database.raw
      .prepare("SELECT payload FROM events WHERE type = 'ChargesRaised' ORDER BY device_seq DESC LIMIT 1")
      .get() as {
      payload: string;
    };
    expect(JSON.parse(raw.payload)).toMatchObject({ ticketId: t.id, charges: [{ chargeId: line.chargeId, amountFen: 12_000 }] });

    // Paid at the desk, the drawer shows the receipt that paid it.
    const { receipt } = await desk.ok(
      'fees:pay',
      {
        requestId: newRequestId(),
        unitId,
        payer: '张三',
        chargeIds: [line.chargeId],
        methods: [{ method: 'cash', amount: '120' }],
      },
      rec.session,
    );
    expect((await desk.ok('fees:ticketCharge', { ticketId: t.id }, rec.session)).charge?.paidReceiptNo).toBe(receipt.receiptNo);
  });

  it('a ticket whose unit is not in the directory cannot be billed', async () => {
    const t = (
      await desk.ok(
        'tickets:create',
        await repairInput(desk, {
          occupantId: null,
          customer: { name: '路过的人', unitCode: '9-9-999', company: '', phone: '' },
        }),
        rec.session,
      )
    ).ticket;
    await desk.ok('tickets:step', { ticketId: t.id, action: 'resolve' }, rec.session);
    expect((await desk.ok('fees:ticketCharge', { ticketId: t.id }, rec.session)).blocked).toBe('err.fee.ticketNoUnit');
    expectFieldError(
      await desk.call('fees:chargeTicket', { ticketId: t.id }, leader.session),
      'ticketId',
      'err.fee.ticketNoUnit',
    );
  });
});

describe("this month's collection rate: the property fee by units and by amount, all items beside", () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
  });
  afterAll(() => desk.close());

  it('one large paid service charge lifts the all-items rate, not the property-fee rates', async () => {
    // November: 1-2-301 (¥223.75, in the sample) and 2-1-1202 (120 m² → ¥300.00) owe the property fee.
    await desk.ok('fees:importCharges', {
      fileName: '11月.csv',
      contentBase64: b64(
        ['单元,收费项目,月份,金额', '2-1-1202,物业管理费,2026-11,', 'T-1801,便民服务费,2026-11,9000'].join('\n'),
      ),
    });
    const [t1801] = await desk.ok('directory:search', { q: 'T-1801' });
    const service = (await desk.ok('fees:account', { unitId: t1801.unitId })).charges[0];
    await desk.ok('fees:pay', {
      requestId: newRequestId(),
      unitId: t1801.unitId,
      payer: '华夏科技',
      chargeIds: [service.chargeId],
      methods: [{ method: 'transfer', amount: '9000', reference: 'TR20261122001' }],
    });
    const { collection } = await desk.ok('fees:arrears', {});
    expect(collection.propertyUnits).toEqual({ paid: 0, due: 2, permille: 0 });
    expect(collection.propertyAmount).toEqual({ paid: 0, due: 22_375 + 30_000, permille: 0 });
    // ¥9,000 of ¥9,523.75: the old single rate said 94.5% while no property fee was in.
    expect(collection.allItems).toEqual({ paid: 900_000, due: 900_000 + 22_375 + 30_000, permille: 945 });
  });
});
