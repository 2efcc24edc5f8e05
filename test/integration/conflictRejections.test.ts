import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';

/**
 * HQ's rejections in the inbox: the record is named as the desk knows it (visitor and pass number),
 * never by the event's id or payload, and a leader marks one handled with a note — an event, once.
 */
describe('rejections in the conflict inbox', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('a check-out HQ refused shows the visitor and the pass; marked handled with a note, it leaves the list', async () => {
    const { visit } = await desk.ok('visits:checkIn', await checkInInput(desk));
    await desk.ok('visits:checkOut', { visitId: visit.id });
    const raw = desk.backend.database.raw;
    const out = raw.prepare("SELECT id, device_seq FROM events WHERE type = 'VisitorCheckedOut'").get() as {
      id: string;
      device_seq: number;
    };
    // As the sync client stores HQ's answer for an event it rejected.
    raw
      .prepare('INSERT INTO sync_rejections (event_id, device_seq, type, reason, detail, received_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(out.id, out.device_seq, 'VisitorCheckedOut', 'unknown_visit', `{"visitId":"${visit.id}"}`, new Date().toISOString());

    const [r] = await desk.ok('conflicts:rejections', {});
    expect(r).toMatchObject({
      type: 'VisitorCheckedOut',
      reason: 'unknown_visit',
      identity: { kind: 'visit', label: `赵六 · ${visit.passNo}` },
      handled: null,
    });
    expect(JSON.stringify(r)).not.toContain(visit.id);

    expect(await desk.call('conflicts:handleRejection', { eventId: out.id, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await desk.ok('conflicts:handleRejection', { eventId: out.id, note: '访客已离场，总部补录后核对' });
    const [after] = await desk.ok('conflicts:rejections', {});
    expect(after.handled).toMatchObject({ note: '访客已离场，总部补录后核对', byName: '王经理' });
    expect(await desk.call('conflicts:handleRejection', { eventId: out.id, note: '再次' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(raw.prepare("SELECT COUNT(*) FROM events WHERE type = 'RejectionHandled'").pluck().get()).toBe(1);
  });
});
