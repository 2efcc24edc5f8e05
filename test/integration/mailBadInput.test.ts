import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, newRequestId, type TestDesk } from '../support/desk.js';
import { importPassDirectory } from '../support/releasePass.js';
import { damage, mailInput, pickupInput } from '../support/mail.js';
import { expectFieldError, failure, snapshot } from './helpers.js';

/** Every refusal says which field and why, in words the desk translates, and writes nothing. */
describe('mail: bad input', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
  });
  afterAll(() => desk.close());

  const unchanged = async (fn: () => Promise<void>) => {
    const before = snapshot(desk);
    await fn();
    expect(snapshot(desk)).toEqual(before);
  };

  it('an empty tracking number (or only spaces and dashes) is refused at its field', async () => {
    await unchanged(async () => {
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { trackingNo: '' })),
        'trackingNo',
        'err.mail.trackingRequired',
      );
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { trackingNo: ' - ' })),
        'trackingNo',
        'err.mail.trackingRequired',
      );
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { trackingNo: 'SF#12' })),
        'trackingNo',
        'err.mail.trackingFormat',
      );
    });
  });

  it('a tracking number still on the shelf warns (nothing written); going on records it as a duplicate', async () => {
    const first = await desk.ok('mail:receive', await mailInput(desk, { trackingNo: 'SF1234567890' }));
    await unchanged(async () => {
      const r = failure(await desk.call('mail:receive', await mailInput(desk, { trackingNo: 'sf 1234 5678 90' })));
      expect(r).toMatchObject({
        code: 'conflict',
        issues: [{ path: 'trackingNo', message: 'err.mail.duplicateOnShelf' }],
        details: { registerNo: first.item.registerNo },
      });
    });
    const second = await desk.ok('mail:receive', await mailInput(desk, { trackingNo: 'SF1234567890', allowDuplicate: true }));
    expect(second.item.duplicateOf).toBe(first.item.id);
    // Once handed over, the same number may arrive again (a return to sender, a second parcel) without warning.
    await desk.ok('mail:pickUp', pickupInput(first.item.id));
    await desk.ok('mail:pickUp', pickupInput(second.item.id));
    await desk.ok('mail:receive', await mailInput(desk, { trackingNo: 'SF1234567890' }));
  });

  it('an unknown unit or recipient is refused', async () => {
    await unchanged(async () => {
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { occupantId: 'no-such-occupant' })),
        'occupantId',
        'err.mail.unknownUnit',
      );
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { occupantId: '' })),
        'occupantId',
        'err.mail.unitRequired',
      );
    });
  });

  it('a damaged item needs its damage described; a photo of a forbidden type or over 5 MB is refused', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary').toString('base64');
    const pdf = Buffer.from('%PDF-1.4 renamed.jpg', 'utf8').toString('base64');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
    await unchanged(async () => {
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { condition: 'damaged' })),
        'damage.what',
        'err.mail.damageRequired',
      );
      expectFieldError(
        await desk.call('mail:receive', await mailInput(desk, { condition: 'damaged', damage: damage({ how: [] }) })),
        'damage.how',
        'err.mail.damageHow',
      );
      for (const [file, content] of [
        ['a.gif', gif],
        ['a.jpg', pdf],
      ]) {
        const r = await desk.call(
          'mail:receive',
          await mailInput(desk, { condition: 'damaged', damage: damage({ photo: { fileName: file, contentBase64: content } }) }),
        );
        expectFieldError(r, 'damage.photo', 'err.mail.photoType');
      }
      const r = await desk.call(
        'mail:receive',
        await mailInput(desk, { condition: 'damaged', damage: damage({ photo: { fileName: 'big.jpg', contentBase64: big } }) }),
      );
      expectFieldError(r, 'damage.photo', 'err.mail.photoTooLarge');
    });
  });

  it('a signature that is not a picture is refused at pickup', async () => {
    const { item } = await desk.ok('mail:receive', await mailInput(desk));
    await unchanged(async () => {
      const r = await desk.call(
        'mail:pickUp',
        pickupInput(item.id, { signature: { fileName: 's.svg', contentBase64: Buffer.from('<svg/>').toString('base64') } }),
      );
      expectFieldError(r, 'signature', 'err.mail.photoType');
      const badId = await desk.call(
        'mail:pickUp',
        pickupInput(item.id, { id: { idType: 'resident_id', idNumber: '110105194912310021' } }),
      );
      expectFieldError(badId, 'id.idNumber');
      expectFieldError(
        await desk.call('mail:notice', { itemId: item.id, method: 'pigeon' } as never),
        'method',
        'err.mail.noticeMethod',
      );
      expectFieldError(
        await desk.call('mail:countNewspapers', {
          countId: newRequestId(),
          carrier: '邮局',
          title: '',
          expected: 1,
          received: 1,
        }),
        'title',
        'err.required',
      );
    });
  });
});
