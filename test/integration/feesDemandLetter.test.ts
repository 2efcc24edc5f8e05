import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestDesk, type TestDesk } from '../support/desk.js';
import { feeDesk } from '../support/fees.js';
import { demandLetterDueOn } from '../../shared/domain/fees.js';

const at = (beijing: string) => Date.parse(`${beijing}+08:00`);

describe('the demand letter (催缴函) falls due three months after the first phone reminder, in Beijing days', () => {
  let desk: TestDesk;
  let unitId: string;
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
    // 2-1-1202 owes September's property fee: arrears from October on.
    [{ unitId }] = await desk.ok('directory:search', { q: '2-1-1202' });
  });
  afterAll(() => desk.close());

  /** The desk's clock jumps; the idle lock meanwhile means the admin signs in again. */
  const clockTo = async (beijing: string) => {
    desk.clock.ms = at(beijing);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
  };
  const state = async () => {
    const account = await desk.ok('fees:account', { unitId });
    const list = await desk.ok('fees:arrears', {});
    const row = list.rows.find((r) => r.unitId === unitId)!;
    return { account, row, lettersDue: list.lettersDue };
  };

  it('an SMS or a visit alone does not start the clock', async () => {
    await clockTo('2026-11-20T10:00:00');
    await desk.ok('fees:remind', { unitId, channel: 'sms', outcome: '短信已发' });
    await desk.ok('fees:remind', { unitId, channel: 'visit', outcome: '上门未遇' });
    await clockTo('2027-03-01T09:00:00');
    const s = await state();
    expect(s.account.reminders).toHaveLength(2);
    expect(s.account.demandLetterDue).toBeNull();
    expect(s.account.letterDueNow).toBe(false);
    expect(s.row).toMatchObject({ demandLetterDue: null, letterDueNow: false });
    expect(s.lettersDue).toBe(0);
  });

  it('due on the Beijing day three months after the first phone call, not the day before', async () => {
    // 00:30 in Beijing on 22 Nov is still 21 Nov in UTC: the desk's day counts.
    await clockTo('2026-11-22T00:30:00');
    await desk.ok('fees:remind', { unitId, channel: 'phone', outcome: '业主称月底前交' });
    // A later call does not move the date.
    await clockTo('2026-12-15T15:00:00');
    await desk.ok('fees:remind', { unitId, channel: 'phone', outcome: '仍未交' });

    await clockTo('2027-02-21T23:59:59');
    let s = await state();
    expect(s.account.demandLetterDue).toBe('2027-02-22');
    expect(s.account.letterDueNow).toBe(false);
    expect(s.row).toMatchObject({ demandLetterDue: '2027-02-22', letterDueNow: false });
    expect(s.lettersDue).toBe(0);

    await clockTo('2027-02-22T00:00:00');
    s = await state();
    expect(s.account.letterDueNow).toBe(true);
    expect(s.row.letterDueNow).toBe(true);
    expect(s.lettersDue).toBe(1);
    // The other unit in arrears has had no phone call: not counted.
    expect((await desk.ok('fees:arrears', {})).rows.filter((r) => r.letterDueNow).map((r) => r.unitCode)).toEqual(['2-1-1202']);
  });

  it('three calendar months stay inside the month, and the date is the Beijing one', () => {
    expect(demandLetterDueOn('2026-11-30T10:00:00+08:00')).toBe('2027-02-28');
    expect(demandLetterDueOn('2027-11-30T10:00:00+08:00')).toBe('2028-02-29');
    // 20:00 UTC on 30 Nov is 04:00 on 1 Dec in Beijing.
    expect(demandLetterDueOn('2026-11-30T20:00:00Z')).toBe('2027-03-01');
    expect(demandLetterDueOn('2026-10-15T08:00:00+08:00')).toBe('2027-01-15');
  });
});
