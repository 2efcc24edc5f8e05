import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeYesterdaysVisits } from '../../electron/housekeeping.js';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { later } from './helpers.js';

describe('end-of-day close', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterEach(() => desk.close());

  const sweep = () => closeYesterdaysVisits(desk.backend.services);

  it('closes visits still open after midnight as "not returned", for the next shift to see', async () => {
    const stayed = (await desk.ok('visits:checkIn', await checkInInput(desk))).visit;
    const left = (await desk.ok('visits:checkIn', await checkInInput(desk, {}, '王小明'))).visit;
    await desk.ok('visits:checkOut', { visitId: left.id });

    // Nothing closes during the day.
    await later(desk, 10 * 60);
    expect(await sweep()).toBe(0);
    expect((await desk.ok('visits:onSite')).map((v) => v.id)).toEqual([stayed.id]);

    await later(desk, 14 * 60); // past midnight
    const today = (await desk.ok('visits:checkIn', await checkInInput(desk, {}, '李四'))).visit;
    expect(await sweep()).toBe(1);

    expect((await desk.ok('visits:onSite')).map((v) => v.id)).toEqual([today.id]);
    const notReturned = await desk.ok('visits:notReturned');
    expect(notReturned.map((v) => v.id)).toEqual([stayed.id]);
    expect(notReturned[0]).toMatchObject({ status: 'not_returned', checkedOutAt: '2026-11-22T15:59:59.999Z' });
    // The close is the desk's own housekeeping, recorded as such.
    const event = desk.backend.database.raw.prepare("SELECT actor, payload FROM events WHERE type = 'VisitAutoClosed'").all();
    expect(event).toEqual([{ actor: 'system', payload: JSON.stringify({ visitId: stayed.id, at: '2026-11-22T15:59:59.999Z' }) }]);

    // A second sweep finds nothing more to do.
    const events = desk.count('events');
    expect(await sweep()).toBe(0);
    expect(desk.count('events')).toBe(events);
  });

  it('when the slip comes back later, the real check-out time is recorded', async () => {
    const visit = (await desk.ok('visits:checkIn', await checkInInput(desk))).visit;
    await later(desk, 24 * 60);
    await sweep();
    await later(desk, 60);
    const out = await desk.ok('visits:checkOut', { code: visit.passNo.toLowerCase() });
    expect(out).toMatchObject({ status: 'checked_out', checkedOutAt: '2026-11-23T02:30:00.000Z' });
    expect(await desk.ok('visits:notReturned')).toEqual([]);
  });

  it('the not-returned list is for the day after; the day after that it is history', async () => {
    await desk.ok('visits:checkIn', await checkInInput(desk));
    await later(desk, 24 * 60);
    await sweep();
    expect(await desk.ok('visits:notReturned')).toHaveLength(1);
    await later(desk, 14 * 60); // late evening of the same day
    expect(await desk.ok('visits:notReturned')).toHaveLength(1);
    await later(desk, 10 * 60);
    expect(await desk.ok('visits:notReturned')).toEqual([]);
    expect((await desk.ok('visits:search', { text: '赵六' }))[0].status).toBe('not_returned');
  });
});
