import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHlc } from '../../shared/domain/hlc.js';
import { checkInInput, openTestDesk, type TestDesk } from '../support/desk.js';
import { busyDay } from './busyDay.js';

describe('the event log of a desk', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await busyDay(desk);
  });
  afterAll(() => desk.close());

  const rows = () =>
    desk.backend.database.raw.prepare('SELECT device_id, device_seq, hlc, type FROM events ORDER BY seq').all() as {
      device_id: string;
      device_seq: number;
      hlc: string;
      type: string;
    }[];

  it('numbers events 1..n without a gap, refused calls in between using no number', () => {
    const log = rows();
    expect(log.map((r) => r.device_seq)).toEqual(log.map((_, i) => i + 1));
    expect(new Set(log.map((r) => r.device_id)).size).toBe(1);
    const clocks = desk.backend.database.raw.prepare('SELECT hlc FROM events ORDER BY device_seq').all() as { hlc: string }[];
    expect(clocks.every((r, i) => i === 0 || r.hlc > clocks[i - 1].hlc)).toBe(true);
  });

  it('pass numbers have no gaps either, although check-ins were refused between them', () => {
    const passes = desk.backend.database.raw.prepare('SELECT pass_no FROM visits ORDER BY checked_in_at, pass_no').all();
    expect(passes).toEqual([
      { pass_no: 'HY-A1-V261122-0001' },
      { pass_no: 'HY-A1-V261122-0002' },
      { pass_no: 'HY-A1-V261122-0003' },
      { pass_no: 'HY-A1-V261123-0001' },
    ]);
  });

  it('orders events by their clock in the order they were written, even when the desk clock is set back', async () => {
    desk.clock.advance(-90); // someone corrects the PC clock backwards
    await desk.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    await desk.ok('visits:checkIn', await checkInInput(desk, {}, '张三'));
    const log = rows();
    const hlcs = log.map((r) => r.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    const last = decodeHlc(hlcs[hlcs.length - 1]);
    expect(last.node).toBe(log[0].device_id);
    expect(log.map((r) => r.device_seq)).toEqual(log.map((_, i) => i + 1));
  });

  it('keeps counting from where it was after a restart', async () => {
    const before = rows().length;
    await desk.reopen();
    await desk.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    await desk.ok('visits:checkIn', await checkInInput(desk, {}, '李四'));
    const log = rows();
    expect(log.length).toBe(before + 2);
    expect(log.map((r) => r.device_seq)).toEqual(log.map((_, i) => i + 1));
  });
});
