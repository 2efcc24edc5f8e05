import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, b64, counts, expectFieldError, failure } from './helpers.js';

interface EventRow {
  type: string;
  actor: string;
  recorded_at: string;
  hlc: string;
  payload: string;
}

/**
 * Seed 000: the receptionist calls the host to confirm an unannounced visitor. The desk shows phones
 * masked; the full number comes only from `directory:revealPhone`, and every answer is recorded
 * (who and when) as a `HostPhoneRevealed` event that syncs like any other.
 */
describe('revealing a host phone for the confirmation call', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  const reveals = () =>
    desk.backend.database.raw
      .prepare("SELECT type, actor, recorded_at, hlc, payload FROM events WHERE type = 'HostPhoneRevealed' ORDER BY hlc")
      .all() as EventRow[];
  const find = async (q: string) => (await desk.ok('directory:search', { q, limit: 5 }, rec.session))[0];

  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
  });
  afterEach(() => desk.close());

  it('a receptionist gets the full number for 30 s, and the reveal is recorded with who and when', async () => {
    const zhang = await find('张三');
    expect(zhang.phoneMasked).toBe('138****8000');
    const shown = await desk.ok('directory:revealPhone', { occupantId: zhang.occupantId }, rec.session);
    expect(shown).toMatchObject({ occupantId: zhang.occupantId, phone: '13800138000' });
    expect(new Date(shown.hideAt).getTime() - new Date(shown.revealedAt).getTime()).toBe(30_000);

    const [record] = reveals();
    expect(record.actor).toBe(rec.id);
    expect(record.recorded_at).toBe(shown.revealedAt);
    const payload = JSON.parse(record.payload);
    expect(payload).toMatchObject({ occupantId: zhang.occupantId, unitCode: '1-2-301' });
    // The record says whose number was shown, never the number itself.
    expect(record.payload).not.toContain('13800138000');

    // Every reveal is its own record: a second call for the same host adds one.
    desk.clock.advance(1);
    await desk.ok('directory:revealPhone', { occupantId: zhang.occupantId });
    const both = reveals();
    expect(both).toHaveLength(2);
    expect(both[1].actor).not.toBe(rec.id);
    expect(both[1].recorded_at > both[0].recorded_at).toBe(true);
  });

  it('a switchboard with an extension is masked as 021-5555****转818 and revealed as dialled', async () => {
    const csv = ['单元,楼栋,面积,姓名,电话,身份,公司', 'T-2001,写字楼,,,021-55556666 转 818,公司,远航贸易有限公司'].join('\n');
    await desk.ok('directory:import', { fileName: 'more.csv', contentBase64: b64(csv) });
    const company = await find('远航');
    expect(company.phoneMasked).toBe('021-5555****转818');
    const shown = await desk.ok('directory:revealPhone', { occupantId: company.occupantId }, rec.session);
    expect(shown.phone).toBe('021-55556666转818');
  });

  it('a guard is refused, and so is an unknown host; nothing is recorded', async () => {
    const guard = await addStaff(desk, 'guard', 'G001', '2282', '门岗老赵');
    const zhang = await find('张三');
    const before = counts(desk, ['events']);
    const refused = failure(await desk.call('directory:revealPhone', { occupantId: zhang.occupantId }, guard.session));
    expect(refused.code).toBe('forbidden');
    expectFieldError(
      await desk.call('directory:revealPhone', { occupantId: 'nobody' }, rec.session),
      'occupantId',
      'err.directory.unknownOccupant',
    );
    expect(counts(desk, ['events'])).toEqual(before);
    expect(reveals()).toHaveLength(0);
  });
});
