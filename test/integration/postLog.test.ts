import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { ADMIN, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, failure } from './helpers.js';

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The next person signs in, reads the handover, signs it with their PIN and opens the next shift. */
async function takeOver(desk: TestDesk, who: { staffNo: string; session: string; pin: string }, patternCode: string) {
  await desk.ok('auth:signIn', { staffNo: who.staffNo, pin: who.pin }, who.session);
  const sheet = (await desk.ok('shift:handover', {}, who.session))!;
  await desk.ok('shift:open', { patternCode, handoverShiftId: sheet.shiftId, pin: who.pin }, who.session);
  return sheet;
}

describe('the post log (岗位记事本)', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterEach(() => desk.close());

  it('stamps time, author, desk and shift itself; high priority and a directory tag are kept', async () => {
    desk.clock.advance(5);
    const e = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'anomaly',
      priority: 'high',
      tag: 't-1801',
      text: '华夏科技门禁卡失效',
    });
    expect(e).toMatchObject({
      at: '2026-11-22T01:35:00.000Z',
      authorName: ADMIN.name,
      deviceCode: 'A1',
      category: 'anomaly',
      priority: 'high',
      tag: 'T-1801',
      corrections: [],
    });
    expect(e.shiftId).toEqual((await desk.ok('shift:state')).current!.id);
    const company = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'notice',
      tag: '华夏科技有限公司',
      text: '周五消防演练',
    });
    expect(company.tag).toBe('华夏科技有限公司');
  });

  it('is append-only: no procedure edits or deletes an entry, a resubmit changes nothing, a correction links to the original', async () => {
    const logProcs = Object.keys(contract).filter((n) => n.startsWith('log:'));
    expect(logProcs.sort()).toEqual(['log:add', 'log:attachment', 'log:list', 'log:resolve', 'log:search', 'log:tags']);
    for (const name of ['log:edit', 'log:update', 'log:delete', 'log:remove']) {
      expect(failure(await desk.call(name as never, { entryId: 'x' } as never)).code).toBe('not_found');
    }
    const entryId = newRequestId();
    const original = await desk.ok('log:add', { entryId, category: 'incident', text: '2号门被撞坏' });
    const row = () => desk.backend.database.raw.prepare('SELECT * FROM log_entries WHERE id = ?').get(entryId);
    const stored = row();
    // The same submission again, even with other text, returns the entry as first written.
    const resent = await desk.ok('log:add', { entryId, category: 'notice', text: '改过的内容' });
    expect(resent).toEqual(original);
    expect(row()).toEqual(stored);

    desk.clock.advance(3);
    const fix = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      text: '更正：是3号门',
      correctsId: original.id,
    });
    expect(fix.correctsId).toBe(original.id);
    // A correction of the correction still hangs on the original.
    const fix2 = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      text: '再更正：3号门玻璃',
      correctsId: fix.id,
    });
    expect(fix2.correctsId).toBe(original.id);
    expect(row()).toEqual(stored);

    const { recent } = await desk.ok('log:list');
    expect(recent.map((e) => e.text)).toEqual(['2号门被撞坏']);
    expect(recent[0].corrections.map((c) => c.text)).toEqual(['更正：是3号门', '再更正：3号门玻璃']);
    // Searching the corrected words finds the original, shown with its corrections.
    const found = await desk.ok('log:search', { text: '玻璃' });
    expect(found.map((e) => [e.id, e.corrections.length])).toEqual([[original.id, 2]]);
  });

  it('a pending item carries over three shifts until someone closes it with a resolution', async () => {
    const b = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const c = await addStaff(desk, 'receptionist', 'R002', '2468', '小陈');
    // Shift A: the admin notes a pending item and an ordinary notice, then hands over.
    const pending = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'pending',
      tag: '1-2-301',
      text: '301 业主快递待取，已电话通知',
    });
    await desk.ok('log:add', { entryId: newRequestId(), category: 'notice', text: '今天下午停水两小时' });
    await desk.ok('shift:close', { note: '', pin: ADMIN.pin });

    // Shift B: sees it on the handover and first in the log; does not close it.
    desk.clock.advance(8 * 60);
    const sheetA = await takeOver(desk, b, 'B');
    expect(sheetA.sections.find((s) => s.key === 'pending')!.lines.map((l) => l.text)).toEqual(['301 业主快递待取，已电话通知']);
    const inB = await desk.ok('log:list', {}, b.session);
    expect(inB.pending.map((e) => e.id)).toEqual([pending.id]);
    expect(inB.recent.map((e) => e.text)).toEqual(['今天下午停水两小时']);
    await desk.ok('shift:close', { note: '快递还没人取', pin: b.pin }, b.session);

    // Shift C, two days later: outside the 48 hours, the item is still listed first; C closes it.
    desk.clock.advance(48 * 60);
    const sheetB = await takeOver(desk, c, 'C');
    expect(sheetB.sections.find((s) => s.key === 'pending')!.lines.map((l) => l.text)).toEqual(['301 业主快递待取，已电话通知']);
    const inC = await desk.ok('log:list', {}, c.session);
    expect(inC.pending.map((e) => e.id)).toEqual([pending.id]);
    expect(inC.recent).toEqual([]);
    const closed = await desk.ok('log:resolve', { entryId: pending.id, resolution: '业主已取走' }, c.session);
    expect(closed).toMatchObject({ resolution: '业主已取走', resolvedByName: '小陈' });
    expect(failure(await desk.call('log:resolve', { entryId: pending.id, resolution: '再关一次' }, c.session)).message).toBe(
      'err.log.alreadyResolved',
    );
    expect((await desk.ok('log:list', {}, c.session)).pending).toEqual([]);
    const sheetC = await desk.ok('shift:close', { note: '', pin: c.pin }, c.session);
    expect(sheetC.sections.find((s) => s.key === 'pending')!.lines).toEqual([]);
  });

  it('searches all history by text, category, unit, author and date', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    await desk.ok('log:add', { entryId: newRequestId(), category: 'anomaly', tag: '1-2-301', text: '电梯异响' });
    desk.clock.advance(5 * 24 * 60);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, rec.session);
    await desk.ok('log:add', { entryId: newRequestId(), category: 'notice', text: '电梯年检，明天上午停用' }, rec.session);
    await desk.ok(
      'log:add',
      { entryId: newRequestId(), category: 'pending', tag: '2-1-1202', text: '1202 水管漏水待修' },
      rec.session,
    );
    const texts = async (input: Parameters<TestDesk['ok']>[1]) =>
      (await desk.ok('log:search', input as never)).map((e) => e.text);
    expect(await texts({ text: '电梯' })).toEqual(['电梯年检，明天上午停用', '电梯异响']); // 2 characters: LIKE
    expect(await texts({ text: '明天上午' })).toEqual(['电梯年检，明天上午停用']); // trigram index
    expect(await texts({ text: '100%' })).toEqual([]);
    expect(await texts({ category: 'pending' })).toEqual(['1202 水管漏水待修']);
    expect(await texts({ tag: '1-2-301' })).toEqual(['电梯异响']);
    // Part of a unit number finds what was tagged with the whole one, in the search box or the unit field.
    expect(await texts({ text: '2-1' })).toEqual(['1202 水管漏水待修']);
    expect(await texts({ text: '1-2' })).toEqual(['电梯异响']);
    expect(await texts({ tag: '2-1' })).toEqual(['1202 水管漏水待修']);
    expect(await texts({ tag: '2-1-12' })).toEqual(['1202 水管漏水待修']);
    expect(await texts({ tag: '1-2-' })).toEqual(['电梯异响']);
    // Parts are whole up to the last one: 1-2 is not 1-20, 2-1-13 is not 2-1-1202.
    expect(await texts({ tag: '1-20' })).toEqual([]);
    expect(await texts({ tag: '2-1-13' })).toEqual([]);
    expect(await texts({ authorId: rec.id })).toEqual(['1202 水管漏水待修', '电梯年检，明天上午停用']);
    expect(await texts({ from: '2026-11-22', to: '2026-11-22' })).toEqual(['电梯异响']);
    // The default view is the last 48 hours: the first entry is only found by search now.
    expect((await desk.ok('log:list')).recent.map((e) => e.text)).toEqual(['电梯年检，明天上午停用']);
    // Only a shift leader and above may see every desk of the site.
    expect(failure(await desk.call('log:list', { allDesks: true }, rec.session)).code).toBe('forbidden');
  });

  it('keeps a photo (JPEG, PNG or WebP up to 5 MB) and refuses anything else', async () => {
    const e = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      text: '大堂地面破损',
      attachment: { fileName: 'floor.png', contentBase64: PNG_1PX.toString('base64') },
    });
    expect(e.attachment).toMatchObject({ mime: 'image/png', size: PNG_1PX.length });
    const back = await desk.ok('log:attachment', { id: e.attachment!.id });
    expect(Buffer.from(back.base64, 'base64').equals(PNG_1PX)).toBe(true);
    const webp = Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(8)]);
    const w = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      text: 'webp',
      attachment: { fileName: 'a.webp', contentBase64: webp.toString('base64') },
    });
    expect(w.attachment?.mime).toBe('image/webp');
  });
});
