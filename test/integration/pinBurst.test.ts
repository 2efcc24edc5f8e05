import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInInput, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { feeDesk } from '../support/fees.js';
import type { ApiResult } from '../../shared/api/result.js';
import { addStaff } from './helpers.js';

/**
 * Bursts as an attacker sends them: all requests at once, the right PIN last. Each attempt is counted
 * before its PIN is compared, so the burst cannot all be checked against the same count.
 * Counts, not timings.
 */
const tally = (results: ApiResult<unknown>[]) => {
  const by: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? 'ok' : r.error.code;
    by[key] = (by[key] ?? 0) + 1;
  }
  return by;
};

const burst = <T>(n: number, make: (i: number, last: boolean) => Promise<ApiResult<T>>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i, i === n - 1)));

describe('PIN bursts', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let unitId: string;
  const leaders: Awaited<ReturnType<typeof addStaff>>[] = [];
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
    [{ unitId }] = await desk.ok('directory:search', { q: '2-1-1202' });
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    // One shift leader per attack, so each starts unlocked.
    for (const [no, pin] of [
      ['S001', '8642'],
      ['S002', '8652'],
      ['S003', '8662'],
      ['S004', '8672'],
    ])
      leaders.push(await addStaff(desk, 'shift_leader', no, pin));
    // A credit of ¥300 to refund, and a receipt to void.
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
      rec.session,
    );
  }, 60_000);
  afterAll(() => desk.close());

  const minuteLater = () => desk.clock.advance(1);
  /** The right PIN after the burst: refused, and the sign-in screen says the account is locked. */
  const expectLocked = async (s: { staffNo: string; pin: string }) =>
    expect(await desk.call('auth:signIn', { staffNo: s.staffNo, pin: s.pin }, 'after')).toMatchObject({
      ok: false,
      error: { code: 'pin_locked_out' },
    });

  it('200 sign-ins at once, the right PIN last: tried 200, refused 200, the account locked', async () => {
    const [s] = leaders;
    const results = await burst(200, (_i, last) =>
      desk.call('auth:signIn', { staffNo: s.staffNo, pin: last ? s.pin : '000000' }, `burst-${_i}`),
    );
    // Four wrong PINs are compared, the fifth locks; the other 195, the right one among them, never reach scrypt.
    expect(tally(results)).toEqual({ wrong_pin: 4, pin_locked_out: 196 });
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'pin_locked_out' } });
    await expectLocked(s);
    minuteLater();
  });

  it('fees:refund: 200 approvals at once, the right PIN last: no refund paid, the leader locked', async () => {
    const s = leaders[1];
    const before = desk.count('fee_refunds');
    const results = await burst(200, (_i, last) =>
      desk.call(
        'fees:refund',
        { unitId, amount: '100', method: 'cash', approval: { staffNo: s.staffNo, pin: last ? s.pin : '000000', reason: '多交' } },
        rec.session,
      ),
    );
    expect(tally(results)).toEqual({ wrong_pin: 200 });
    expect(desk.count('fee_refunds')).toBe(before);
    await expectLocked(s);
    minuteLater();
  });

  it('fees:refund over the credit is refused before the PIN: a right and a wrong PIN read the same and count nothing', async () => {
    const s = leaders[3];
    const over = (pin: string) =>
      desk.call(
        'fees:refund',
        { unitId, amount: '300.01', method: 'cash', approval: { staffNo: s.staffNo, pin, reason: '多交' } },
        rec.session,
      );
    const attempts = desk.count('pin_desk_attempts');
    const [right, wrong] = [await over(s.pin), await over('000000')];
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ ok: false, error: { message: 'err.fee.refundOverCredit' } });
    expect(desk.count('pin_desk_attempts')).toBe(attempts);
    expect(desk.count('pin_attempts')).toBe(2); // the two leaders locked by the attacks above, not S004
  });

  it('fees:void: 200 approvals at once, the right PIN last: the receipt stays valid, the leader locked', async () => {
    const s = leaders[2];
    const [receipt] = (await desk.ok('fees:account', { unitId }, rec.session)).receipts;
    const results = await burst(200, (_i, last) =>
      desk.call(
        'fees:void',
        { receiptId: receipt.id, approval: { staffNo: s.staffNo, pin: last ? s.pin : '000000', reason: '收错' } },
        rec.session,
      ),
    );
    expect(tally(results)).toEqual({ wrong_pin: 200 });
    expect((await desk.ok('fees:receipt', { receiptId: receipt.id }, rec.session)).voided).toBeNull();
    await expectLocked(s);
    minuteLater();
  });

  it('deny-list override: 200 approvals at once, the right PIN last: the listed visitor is not let in', async () => {
    const s = leaders[3];
    await desk.ok('deny:add', { idNumber: '11010519491231002X', reason: '多次滋扰住户' }, leaders[0].session);
    const visits = desk.count('visits');
    const inputs = await Promise.all(Array.from({ length: 200 }, () => checkInInput(desk)));
    const results = await burst(200, (i, last) =>
      desk.call(
        'visits:checkIn',
        { ...inputs[i], denyOverride: { staffNo: s.staffNo, pin: last ? s.pin : '000000', reason: '担保' } },
        rec.session,
      ),
    );
    expect(tally(results)).toEqual({ wrong_pin: 200 });
    expect(desk.count('visits')).toBe(visits);
    await expectLocked(s);
    minuteLater();
  });

  it('a burst across 20 staff numbers is stopped by the desk-wide limit of 20 attempts a minute', async () => {
    const staff: Awaited<ReturnType<typeof addStaff>>[] = [];
    for (let i = 0; i < 20; i++) staff.push(await addStaff(desk, 'receptionist', `B${String(i).padStart(3, '0')}`, '1358'));
    minuteLater();
    // Ten wrong PINs for each of the twenty: 200 at once, each account alone would allow 5 (100 in all).
    const results = await burst(200, (i) => desk.call('auth:signIn', { staffNo: staff[i % 20].staffNo, pin: '000000' }, `x${i}`));
    const t = tally(results);
    expect(t.pin_desk_busy).toBe(180);
    expect((t.wrong_pin ?? 0) + (t.pin_locked_out ?? 0)).toBe(20);
    // Within the minute even a right PIN waits; a minute later it signs in.
    expect(await desk.call('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, 'r2')).toMatchObject({
      ok: false,
      error: { code: 'pin_desk_busy' },
    });
    minuteLater();
    expect((await desk.call('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, 'r2')).ok).toBe(true);
  }, 60_000);
});
