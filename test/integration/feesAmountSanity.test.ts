import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { addStaff, expectFieldError, failure, snapshot } from './helpers.js';

/** "1,000" is never read as ¥1,000; a very large payment is confirmed, and the backend insists on it. */
describe('fees: amount sanity', () => {
  let desk: TestDesk;
  let unitId: string;
  let session: string;
  let before: ReturnType<typeof snapshot>;
  beforeAll(async () => {
    desk = await openTestDesk();
    ({ unitId } = await feeDesk(desk));
    session = (await addStaff(desk, 'receptionist', 'R001', '1357', '小李')).session;
  });
  beforeEach(() => {
    before = snapshot(desk);
  });
  afterAll(() => desk.close());
  const unchanged = () => expect(snapshot(desk)).toEqual(before);

  it('a thousands separator in a typed amount is refused at its field with its own message', async () => {
    const input = await cashPayment(desk, unitId, ['2026-08']);
    for (const typed of ['1,000', '1，000', '223,75']) {
      expectFieldError(
        await desk.call('fees:pay', { ...input, tendered: typed }, session),
        'tendered',
        'err.fee.amountSeparator',
      );
      expectFieldError(
        await desk.call('fees:pay', { ...input, methods: [{ method: 'cash', amount: typed }] }, session),
        'methods.0.amount',
        'err.fee.amountSeparator',
      );
    }
    expectFieldError(await desk.call('drawer:float', { amount: '1,000' }, session), 'amount', 'err.fee.amountSeparator');
    unchanged();
  });

  it('above the default ¥50,000 a payment not confirmed is refused with the amount, and writes nothing', async () => {
    const input = await cashPayment(desk, unitId, ['2026-08'], { tendered: '10000000' });
    const refused = failure(await desk.call('fees:pay', input, session));
    expect(refused).toMatchObject({
      code: 'confirmation_required',
      message: 'err.fee.largeUnconfirmed',
      details: { amountFen: 1_000_000_000, limitFen: 5_000_000 },
    });
    // Paying ahead (预交) of ¥50,000.01 counts too; exactly ¥50,000 does not ask.
    const ahead = {
      ...input,
      chargeIds: [],
      advance: '50000.01',
      methods: [{ method: 'cash' as const, amount: '50000.01' }],
      tendered: '',
    };
    expect(failure(await desk.call('fees:pay', ahead, session)).code).toBe('confirmation_required');
    unchanged();
    const atLimit = { ...ahead, advance: '50000', methods: [{ method: 'cash' as const, amount: '50000' }] };
    expect((await desk.call('fees:pay', atLimit, session)).ok).toBe(true);
  });

  it('confirmed, it is taken; the limit is the site setting a manager changes', async () => {
    const input = await cashPayment(desk, unitId, ['2026-08'], { tendered: '60000', confirmedLarge: true });
    const { receipt } = await desk.ok('fees:pay', input, session);
    expect(receipt).toMatchObject({ tenderedFen: 6_000_000, changeFen: 6_000_000 - 22_375 });
    const settings = await desk.ok('settings:get', {});
    await desk.ok('settings:update', { ...settings, largePaymentLimitFen: 20_000 });
    const small = await cashPayment(desk, unitId, ['2026-09'], { tendered: '300' });
    expect(failure(await desk.call('fees:pay', small, session)).details).toEqual({ amountFen: 30_000, limitFen: 20_000 });
  });
});
