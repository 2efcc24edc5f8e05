import { describe, expect, it } from 'vitest';
import { expiredPayload, withoutVisitorNames } from '../../shared/domain/retention.js';

const cutoffs = {
  visitsBefore: '2026-06-01T00:00:00.000Z',
  signaturesBefore: '2026-01-01T00:00:00.000Z',
  logPhotosBefore: '2026-08-01T00:00:00.000Z',
};
const checkIn = (checkedInAt: string) => ({
  visitId: 'v1',
  visitor: { name: '欧阳明珠', phone: '13912345678', idType: 'resident_id', idNumber: '310104198503127712' },
  partySize: 3,
  host: { unitCode: '1-2-301', name: '张三' },
  plate: '沪A7Q2K9',
  note: '送货',
  checkedInAt,
});

describe('what a retention pass removes from an old event', () => {
  it("blanks a visit's visitor, plate and note before the cutoff, keeps host and party size, and is idempotent", () => {
    const blank = expiredPayload('VisitorCheckedIn', checkIn('2026-05-31T23:59:59.999Z'), cutoffs)!;
    expect(blank).toMatchObject({ visitor: { name: '', phone: '', idNumber: '', idType: 'resident_id' }, plate: '', note: '' });
    expect(blank).toMatchObject({ partySize: 3, host: { unitCode: '1-2-301', name: '张三' } });
    // Key order is kept: desks get back the payload as it was written, minus the data.
    expect(Object.keys(blank)).toEqual(Object.keys(checkIn('x')));
    expect(expiredPayload('VisitorCheckedIn', blank, cutoffs)).toBeNull();
    expect(expiredPayload('VisitorCheckedIn', checkIn('2026-06-01T00:00:00.000Z'), cutoffs)).toBeNull();
  });

  it('takes the visitor names out of a handover sheet, with or without a party size, once', () => {
    const sections = [
      { key: 'visitorsOnSite', lines: [{ text: '欧阳明珠 ×3 → 1-2-301 张三' }, { text: '李雷 → 华夏科技' }] },
      { key: 'pending', lines: [{ text: '李雷 → 快递柜' }] },
    ];
    const once = withoutVisitorNames(sections);
    expect(once[0].lines.map((l) => l.text)).toEqual(['×3 → 1-2-301 张三', '→ 华夏科技']);
    expect(once[1]).toEqual(sections[1]);
    expect(withoutVisitorNames(once)).toEqual(once);
  });

  it('drops a signature and a log photo each by its own cutoff', () => {
    const signature = { sha256: 'ab', mime: 'image/png', size: 1 };
    const pickup = { itemId: 'm1', at: '2025-12-31T00:00:00.000Z', signature };
    expect(expiredPayload('MailPickedUp', pickup, cutoffs)).toEqual({ ...pickup, signature: null });
    expect(expiredPayload('MailPickedUp', { ...pickup, at: '2026-03-01T00:00:00.000Z' }, cutoffs)).toBeNull();
    const entry = { entryId: 'l1', at: '2026-07-31T00:00:00.000Z', attachment: { id: 'x', ...signature } };
    expect(expiredPayload('LogEntryAdded', entry, cutoffs)).toEqual({ ...entry, attachment: null });
  });
});
