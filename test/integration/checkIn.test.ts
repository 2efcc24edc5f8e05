import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, counts, later } from './helpers.js';

describe('visitor check-in', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterEach(() => desk.close());

  it('issues a pass numbered for the site, desk and day, shows the ID masked and queues the pass to print', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const input = await checkInInput(desk, { partySize: 2, plate: '京a·12345', note: '送资料' });
    const { visit, printJobId } = await desk.ok('visits:checkIn', input, rec.session);

    expect(visit).toMatchObject({
      passNo: 'HY-A1-V261122-0001',
      visitorName: '赵六',
      visitorPhoneMasked: '137****7000',
      idType: 'resident_id',
      idNumberMasked: '110105********002X',
      partySize: 2,
      hostName: '张三',
      hostUnitCode: '1-2-301',
      purpose: '拜访',
      plate: '京A12345',
      status: 'on_site',
      checkedOutAt: null,
      denyOverrideBy: null,
      actorName: '小李',
      note: '送资料',
      checkedInAt: '2026-11-22T01:30:00.000Z',
      validUntil: '2026-11-22T03:30:00.000Z',
    });
    // The full ID number and phone never leave the backend in the answer.
    expect(JSON.stringify(visit)).not.toContain('11010519491231002X');
    expect(JSON.stringify(visit)).not.toContain('13700137000');

    expect(printJobId).toEqual(expect.any(String));
    const jobs = await desk.ok('print:recent', {}, rec.session);
    expect(jobs).toEqual([
      expect.objectContaining({ id: printJobId, docType: 'visitor_pass', docId: visit.id, copyNo: 0, status: 'queued' }),
    ]);

    const events = desk.backend.database.raw.prepare('SELECT type, actor FROM events ORDER BY device_seq DESC LIMIT 2').all();
    expect(events.reverse()).toEqual([
      { type: 'VisitorCheckedIn', actor: rec.id },
      { type: 'PrintJobQueued', actor: rec.id },
    ]);
  });

  it('numbers passes 0001, 0002, … within a day and starts again the next day', async () => {
    const first = await desk.ok('visits:checkIn', await checkInInput(desk));
    const second = await desk.ok('visits:checkIn', await checkInInput(desk, {}, '王小明'));
    await later(desk, 24 * 60);
    const nextDay = await desk.ok('visits:checkIn', await checkInInput(desk));
    expect([first, second, nextDay].map((r) => r.visit.passNo)).toEqual([
      'HY-A1-V261122-0001',
      'HY-A1-V261122-0002',
      'HY-A1-V261123-0001',
    ]);
  });

  it('without automatic pass printing, nothing is queued', async () => {
    await desk.ok('settings:update', { autoPrintVisitorPass: false });
    const before = desk.count('print_jobs');
    const r = await desk.ok('visits:checkIn', await checkInInput(desk));
    expect(r.printJobId).toBeNull();
    expect(desk.count('print_jobs')).toBe(before);
  });

  it('records who confirmed the visit with the host', async () => {
    const r = await desk.ok(
      'visits:checkIn',
      await checkInInput(desk, { hostConfirmation: { confirmedBy: '张三', method: 'phone' } }),
    );
    expect(r.visit).toMatchObject({ hostConfirmedBy: '张三', hostConfirmMethod: 'phone' });
  });

  it('a retried submit with the same request id returns the same visit and writes nothing new', async () => {
    const input = await checkInInput(desk);
    const first = await desk.ok('visits:checkIn', input);
    const after = counts(desk, ['events', 'visits', 'print_jobs', 'counters']);
    const retry = await desk.ok('visits:checkIn', input);
    expect(retry).toEqual(first);
    // Even if the retry carries different data (the form was edited after a lost answer).
    const edited = await desk.ok('visits:checkIn', { ...input, purpose: '面试', partySize: 3 });
    expect(edited).toEqual(first);
    expect(counts(desk, ['events', 'visits', 'print_jobs', 'counters'])).toEqual(after);
    // The next real check-in takes the next pass number: nothing was used up.
    const next = await desk.ok('visits:checkIn', await checkInInput(desk));
    expect(next.visit.passNo).toBe('HY-A1-V261122-0002');
  });

  it('two submits of one request arriving together make one visit and one set of events', async () => {
    const input = await checkInInput(desk);
    const before = counts(desk);
    const results = await Promise.all([1, 2, 3].map(() => desk.call('visits:checkIn', input)));
    const values = results.map((r) => {
      expect(r.ok).toBe(true);
      return r.ok ? r.value : null;
    });
    expect(values[1]).toEqual(values[0]);
    expect(values[2]).toEqual(values[0]);
    expect(counts(desk)).toEqual({ events: before.events + 2, visits: before.visits + 1, print_jobs: before.print_jobs + 1 });
    const next = await desk.ok('visits:checkIn', { ...input, requestId: newRequestId() });
    expect(next.visit.passNo).toBe('HY-A1-V261122-0002');
  });
});
