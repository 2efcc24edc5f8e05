import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { expectFieldError, later } from './helpers.js';

describe('visit lists, search and recall', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterEach(() => desk.close());

  const visitor = (
    name: string,
    phone: string,
    idNumber = '11010519491231002X',
    idType: 'resident_id' | 'passport' = 'resident_id',
  ) => ({
    name,
    phone,
    idType,
    idNumber,
  });

  /** Three visitors over two days: 赵六 → 张三 (day 1), 钱七 → 王小明 (day 1), 赵六 again → 华夏科技 (day 2). */
  async function history() {
    const zhao1 = await desk.ok(
      'visits:checkIn',
      await checkInInput(desk, { visitor: visitor('赵六', '13700137000'), plate: '京A12345' }),
    );
    await later(desk, 30);
    const qian = await desk.ok(
      'visits:checkIn',
      await checkInInput(desk, { visitor: visitor('钱七', '13600136000', 'E12345678', 'passport') }, '王小明'),
    );
    await later(desk, 24 * 60);
    const zhao2 = await desk.ok('visits:checkIn', await checkInInput(desk, { visitor: visitor('赵六', '13700137000') }, '华夏'));
    return { zhao1: zhao1.visit, qian: qian.visit, zhao2: zhao2.visit };
  }

  it('the on-site list shows who is in the building, longest present first', async () => {
    const a = (await desk.ok('visits:checkIn', await checkInInput(desk))).visit;
    await later(desk, 10);
    const b = (await desk.ok('visits:checkIn', await checkInInput(desk, { visitor: visitor('钱七', '13600136000') }, '王小明')))
      .visit;
    await later(desk, 10);
    const c = (await desk.ok('visits:checkIn', await checkInInput(desk, { visitor: visitor('孙八', '13500135000') }, '李四')))
      .visit;
    await desk.ok('visits:checkOut', { code: b.passNo });
    const onSite = await desk.ok('visits:onSite');
    expect(onSite.map((v) => v.id)).toEqual([a.id, c.id]);
    expect(onSite.map((v) => v.hostName)).toEqual(['张三', '李四']);
    expect((await desk.ok('status:get')).onSiteCount).toBe(2);
  });

  it('search finds visits by visitor name, phone, host, unit, plate and pass number, newest first', async () => {
    const { zhao1, qian, zhao2 } = await history();
    const ids = async (text: string) => (await desk.ok('visits:search', { text })).map((v) => v.id);
    expect(await ids('赵六')).toEqual([zhao2.id, zhao1.id]);
    expect(await ids('13600136000')).toEqual([qian.id]);
    // A phone is kept masked plus its hash: the whole number matches by hash, the visible end as text.
    expect(await ids('6000')).toEqual([qian.id]);
    expect(await ids('0136')).toEqual([]);
    expect(await ids('张三')).toEqual([zhao1.id]);
    expect(await ids('2-1-1202')).toEqual([qian.id]);
    expect(await ids('华夏科技')).toEqual([zhao2.id]);
    expect(await ids('京a12345')).toEqual([zhao1.id]);
    expect(await ids(qian.passNo.toLowerCase())).toEqual([qian.id]);
    expect(await ids('')).toEqual([zhao2.id, qian.id, zhao1.id]);
    expect(await ids('无此人')).toEqual([]);
    // Search results stay masked.
    const [hit] = await desk.ok('visits:search', { text: '13600136000' });
    expect(hit.visitorPhoneMasked).toBe('136****6000');
  });

  it('search by date range includes both end days', async () => {
    const { zhao1, qian, zhao2 } = await history();
    const ids = async (from?: string, to?: string, text = '') =>
      (await desk.ok('visits:search', { text, from, to })).map((v) => v.id);
    expect(await ids('2026-11-22', '2026-11-22')).toEqual([qian.id, zhao1.id]);
    expect(await ids('2026-11-23', '2026-11-23')).toEqual([zhao2.id]);
    expect(await ids('2026-11-22', '2026-11-23')).toEqual([zhao2.id, qian.id, zhao1.id]);
    expect(await ids('2026-11-23')).toEqual([zhao2.id]);
    expect(await ids(undefined, '2026-11-22')).toEqual([qian.id, zhao1.id]);
    expect(await ids('2026-11-22', '2026-11-22', '赵六')).toEqual([zhao1.id]);
    expect(await ids('2026-11-24', '2026-11-30')).toEqual([]);
    expectFieldError(await desk.call('visits:search', { from: '2026/11/22' }), 'from', 'err.date');
  });

  it('a returning visitor is recalled by phone or by ID number with their last visit', async () => {
    await history();
    const byPhone = await desk.ok('visits:recall', { phone: '137 0013 7000' });
    expect(byPhone).toMatchObject({
      name: '赵六',
      // Masked like the ID number: the desk asks the visitor for the number to call.
      phoneMasked: '137****7000',
      idType: 'resident_id',
      // Masked: the full number never leaves the backend in a recall.
      idNumberMasked: '110105********002X',
      lastVisitAt: '2026-11-23T02:00:00.000Z',
      visits: 2,
    });
    expect(byPhone?.lastHost?.company).toBe('华夏科技有限公司');
    const byId = await desk.ok('visits:recall', { idNumber: '110105 19491231 002x' });
    expect(byId).toEqual(byPhone);
    const passport = await desk.ok('visits:recall', { idNumber: 'e12345678' });
    expect(passport).toMatchObject({ name: '钱七', idType: 'passport', visits: 1 });
    expect(passport?.lastHost?.name).toBe('王小明');
    expect(await desk.ok('visits:recall', { phone: '13900000000' })).toBeNull();
    expect(await desk.ok('visits:recall', {})).toBeNull();
  });
});
