import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { mailInput } from '../support/mail.js';
import { addStaff, counts, expectFieldError, failure } from './helpers.js';

/**
 * A resident who moved out stays in the directory with the day they left; their mail goes to the
 * forwarding cabinet for a month from that day (seed 000: one month of forwarding).
 */
describe('moved-out residents', () => {
  let desk: TestDesk;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  const wang = async () => (await desk.ok('directory:search', { q: '王小明', limit: 5 }, rec.session))[0];
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
  });
  afterEach(() => desk.close());

  it('a shift leader records the day; the directory shows it and the mail goes to the forwarding cabinet for a month', async () => {
    const host = await wang();
    expect(host.movedOutOn).toBeNull();
    const moved = await desk.ok('directory:moveOut', { occupantId: host.occupantId, movedOutOn: '2026-11-10' }, leader.session);
    expect(moved).toMatchObject({ name: '王小明', movedOutOn: '2026-11-10' });
    expect((await wang()).movedOutOn).toBe('2026-11-10');

    // Mail for them needs no tick: it is forwarded until a month after the day they left.
    const { item } = await desk.ok('mail:receive', await mailInput(desk, {}, '王小明'), rec.session);
    expect(new Date(item.forwardUntil!).toDateString()).toBe(new Date(2026, 11, 10).toDateString());
    const forwarding = await desk.ok('mail:list', { view: 'forwarding' }, rec.session);
    expect(forwarding.map((m) => m.id)).toEqual([item.id]);
    expect((await desk.ok('mail:list', { view: 'awaiting' }, rec.session)).map((m) => m.id)).not.toContain(item.id);

    // A directory re-import does not bring them back; taking the record back does.
    await importSampleDirectory(desk);
    expect((await wang()).movedOutOn).toBe('2026-11-10');
    await desk.ok('directory:moveOut', { occupantId: host.occupantId, movedOutOn: null }, leader.session);
    expect((await wang()).movedOutOn).toBeNull();
    const next = await desk.ok('mail:receive', await mailInput(desk, {}, '王小明'), rec.session);
    expect(next.item.forwardUntil).toBeNull();
  });

  it('a day after today, an unknown resident or a receptionist are refused; nothing is written', async () => {
    const host = await wang();
    const before = counts(desk, ['events']);
    expectFieldError(
      await desk.call('directory:moveOut', { occupantId: host.occupantId, movedOutOn: '2026-11-23' }, leader.session),
      'movedOutOn',
      'err.directory.moveOutFuture',
    );
    expectFieldError(
      await desk.call('directory:moveOut', { occupantId: 'nobody', movedOutOn: '2026-11-20' }, leader.session),
      'occupantId',
      'err.directory.unknownOccupant',
    );
    expectFieldError(
      await desk.call('directory:moveOut', { occupantId: host.occupantId, movedOutOn: '20.11.2026' }, leader.session),
      'movedOutOn',
      'err.date',
    );
    expect(
      failure(await desk.call('directory:moveOut', { occupantId: host.occupantId, movedOutOn: '2026-11-20' }, rec.session)).code,
    ).toBe('forbidden');
    expect(counts(desk, ['events'])).toEqual(before);
    expect((await wang()).movedOutOn).toBeNull();
  });
});
