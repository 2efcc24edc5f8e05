import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, expectFieldError, failure, snapshot } from './helpers.js';

const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
big.set([0xff, 0xd8, 0xff], 0); // a JPEG header, one byte over the limit

const entry = (patch: Record<string, unknown>) => ({ entryId: newRequestId(), category: 'anomaly', text: '正常内容', ...patch });

const CASES: [string, Record<string, unknown>, string, string][] = [
  ['empty text', entry({ text: '' }), 'text', 'err.required'],
  ['blank text', entry({ text: '   \n ' }), 'text', 'err.required'],
  ['text too long', entry({ text: '长'.repeat(2001) }), 'text', 'err.tooLong'],
  ['unknown category', entry({ category: 'gossip' }), 'category', 'err.log.category'],
  ['no category', entry({ category: undefined }), 'category', 'err.log.category'],
  ['unknown priority', entry({ priority: 'urgent' }), 'priority', 'err.invalid'],
  ['a unit that does not exist', entry({ tag: '9-9-999' }), 'tag', 'err.log.unknownTag'],
  ['a company that does not exist', entry({ tag: '不存在公司' }), 'tag', 'err.log.unknownTag'],
  ['correcting an entry that does not exist', entry({ correctsId: 'nope' }), 'correctsId', 'err.notFound'],
  [
    'a text file named .jpg',
    entry({ attachment: { fileName: 'x.jpg', contentBase64: Buffer.from('hello').toString('base64') } }),
    'attachment',
    'err.log.photoType',
  ],
  [
    'a photo over 5 MB',
    entry({ attachment: { fileName: 'big.jpg', contentBase64: big.toString('base64') } }),
    'attachment',
    'err.log.photoTooLarge',
  ],
];

describe('the post log with bad input', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let before: ReturnType<typeof snapshot>;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    await desk.ok('log:add', { entryId: newRequestId(), category: 'notice', text: '已有的一条' });
    before = snapshot(desk);
  });
  afterAll(() => desk.close());

  for (const [name, input, path, message] of CASES) {
    it(`${name}: refused at the field "${path}", nothing written`, async () => {
      expectFieldError(await desk.call('log:add', input as never, rec.session), path, message);
      expect(snapshot(desk)).toEqual(before);
    });
  }

  it('resolving: an empty resolution, an entry that is not pending', async () => {
    const notice = (await desk.ok('log:list')).recent[0];
    expectFieldError(await desk.call('log:resolve', { entryId: notice.id, resolution: '' }), 'resolution', 'err.required');
    expectFieldError(
      await desk.call('log:resolve', { entryId: notice.id, resolution: '已处理' }),
      'entryId',
      'err.log.notPending',
    );
    expect(snapshot(desk)).toEqual(before);
  });

  it('closing the shift with the PIN of another person: refused at the PIN, shift stays open, no event', async () => {
    const r = await desk.call('shift:close', { note: '', pin: ADMIN.pin }, rec.session);
    expect(failure(r)).toMatchObject({ code: 'wrong_pin', issues: [{ path: 'pin', message: 'err.pin.wrong' }] });
    expectFieldError(await desk.call('shift:close', { note: '', pin: '12' }, rec.session), 'pin', 'err.pin.format');
    const after = snapshot(desk);
    // Only the lockout counters moved (a wrong PIN counts toward the account's and the desk's lockout).
    expect({ ...after, pin_attempts: before.pin_attempts, pin_desk_attempts: before.pin_desk_attempts }).toEqual(before);
    expect(after.pin_attempts).toEqual([expect.objectContaining({ staff_id: rec.id, failures: 1 })]);
    expect(after.pin_desk_attempts).toHaveLength(1);
    expect((await desk.ok('shift:state', {}, rec.session)).onShift).toBe(true);
  });
});
