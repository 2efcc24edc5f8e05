import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { counts, expectFieldError, failure, later } from './helpers.js';

describe('visitor check-out', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterEach(() => desk.close());

  const checkIn = async (host = '张三') => (await desk.ok('visits:checkIn', await checkInInput(desk, {}, host))).visit;

  it('scanning the pass closes the visit and takes it off the on-site list', async () => {
    const visit = await checkIn();
    await later(desk, 45);
    const out = await desk.ok('visits:checkOut', { code: visit.passNo });
    expect(out).toMatchObject({ id: visit.id, status: 'checked_out', checkedOutAt: '2026-11-22T02:15:00.000Z' });
    expect(await desk.ok('visits:onSite')).toEqual([]);
    const row = desk.backend.database.raw.prepare('SELECT status, checkout_method FROM visits WHERE id = ?').get(visit.id);
    expect(row).toEqual({ status: 'checked_out', checkout_method: 'scan' });
  });

  it('accepts the code typed by hand in lower case, with spaces a scanner may add', async () => {
    const a = await checkIn();
    const b = await checkIn('王小明');
    expect((await desk.ok('visits:checkOut', { code: a.passNo.toLowerCase() })).id).toBe(a.id);
    expect((await desk.ok('visits:checkOut', { code: `  ${b.passNo}\r\n` })).id).toBe(b.id);
  });

  it('checks out from the on-site list by visit id', async () => {
    const visit = await checkIn();
    expect((await desk.ok('visits:checkOut', { visitId: visit.id })).status).toBe('checked_out');
    const row = desk.backend.database.raw.prepare('SELECT checkout_method FROM visits WHERE id = ?').get(visit.id);
    expect(row).toEqual({ checkout_method: 'list' });
  });

  it('a second check-out is refused as a conflict, saying when it happened, and writes nothing', async () => {
    const visit = await checkIn();
    const first = await desk.ok('visits:checkOut', { code: visit.passNo });
    const before = counts(desk);
    await later(desk, 5);
    const again = failure(await desk.call('visits:checkOut', { code: visit.passNo }));
    expect(again.code).toBe('conflict');
    expect(again.issues?.[0].path).toBe('code');
    expect(again.details).toEqual({ visitorName: '赵六', at: first.checkedOutAt });
    expect(failure(await desk.call('visits:checkOut', { visitId: visit.id })).code).toBe('conflict');
    expect(counts(desk)).toEqual(before);
  });

  it('a double scan arriving together closes the visit once', async () => {
    const visit = await checkIn();
    const before = desk.count('events');
    const results = await Promise.all([
      desk.call('visits:checkOut', { code: visit.passNo }),
      desk.call('visits:checkOut', { code: visit.passNo }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['conflict', 'ok']);
    expect(desk.count('events')).toBe(before + 1);
  });

  it('an unknown code or no code is an error at the code field and writes nothing', async () => {
    await checkIn();
    const before = counts(desk);
    expectFieldError(await desk.call('visits:checkOut', { code: 'HY-A1-V261122-0099' }), 'code', 'err.checkout.unknownPass');
    expectFieldError(await desk.call('visits:checkOut', { code: 'hello' }), 'code', 'err.checkout.unknownPass');
    expectFieldError(await desk.call('visits:checkOut', { visitId: 'no-such-visit' }), 'code', 'err.checkout.unknownPass');
    expectFieldError(await desk.call('visits:checkOut', {}), 'code', 'err.checkout.codeRequired');
    expectFieldError(await desk.call('visits:checkOut', { code: '   ' }), 'code');
    expect(counts(desk)).toEqual(before);
    expect(await desk.ok('visits:onSite')).toHaveLength(1);
  });
});
