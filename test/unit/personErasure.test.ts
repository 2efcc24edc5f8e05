import { describe, expect, it } from 'vitest';
import { erasedPayload, idNumberMatches, isSamePerson, type PersonErasedPayload } from '../../shared/domain/personErasure.js';
import { idNumberHash } from '../../electron/privacy/idHash.js';

const erasure = (over: Partial<PersonErasedPayload> = {}): PersonErasedPayload => ({
  erasureId: 'e1',
  visitIds: ['v1'],
  visitPassNos: ['HY-A1-V261202-0001'],
  passIds: [],
  ticketIds: ['t1'],
  mailItemIds: [],
  pickupItemIds: [],
  why: '本人申请',
  at: '2026-12-02T01:00:00.000Z',
  ...over,
});

const checkIn = {
  visitId: 'v1',
  visitor: { name: '欧阳明珠', phone: '13912345678', idType: 'resident_id', idNumber: '310104198503127710' },
  partySize: 3,
  plate: '沪A7Q2K9',
  note: '送文件',
  checkedInAt: '2026-12-01T01:00:00.000Z',
};

describe("what a person's erasure removes from old payloads", () => {
  it("blanks the person's check-in, keeps the party size and the key order, and a second pass finds nothing", () => {
    const blank = erasedPayload('VisitorCheckedIn', checkIn, erasure())!;
    expect(blank).toMatchObject({ visitor: { name: '', phone: '', idNumber: '' }, plate: '', note: '', partySize: 3 });
    expect(Object.keys(blank)).toEqual(Object.keys(checkIn));
    expect(erasedPayload('VisitorCheckedIn', blank, erasure())).toBeNull();
  });

  it("leaves another visit's check-in and a ticket not named alone", () => {
    expect(erasedPayload('VisitorCheckedIn', { ...checkIn, visitId: 'v2' }, erasure())).toBeNull();
    expect(erasedPayload('TicketOpened', { ticketId: 't2', customer: { name: '张三', phone: '1' } }, erasure())).toBeNull();
  });

  it("takes the name out of the handover line of the person's pass number only", () => {
    const sheet = {
      sections: [
        {
          key: 'visitorsOnSite',
          lines: [
            { text: '欧阳明珠 ×3 → 1-2-301 张三', tag: 'HY-A1-V261202-0001' },
            { text: '赵六 → 1-2-301 张三', tag: 'HY-A1-V261202-0002' },
          ],
        },
      ],
    };
    const blank = erasedPayload('ShiftClosed', sheet, erasure()) as typeof sheet;
    expect(blank.sections[0].lines.map((l) => l.text)).toEqual(['×3 → 1-2-301 张三', '赵六 → 1-2-301 张三']);
  });

  it('matches the same name with the same phone or ID number (by its keyed hash, any letter case), nothing else', () => {
    const key = 'a'.repeat(64);
    const stored = idNumberHash(key, '31010419850312771X');
    const c = { name: '欧阳明珠', phone: '', idHashes: [idNumberHash(key, '31010419850312771x')] };
    expect(idNumberMatches(stored, c.idHashes)).toBe(true);
    expect(idNumberMatches(stored, [idNumberHash('b'.repeat(64), '31010419850312771X')])).toBe(false);
    expect(idNumberMatches('', [''])).toBe(false);
    expect(isSamePerson({ name: '欧阳明珠', phone: '139', idHash: stored }, c)).toBe(true);
    expect(isSamePerson({ name: '欧阳明', phone: '139', idHash: stored }, c)).toBe(false);
    expect(isSamePerson({ name: '欧阳明珠', phone: '13912345678' }, { ...c, phone: '13912345678' })).toBe(true);
  });
});
