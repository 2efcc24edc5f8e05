import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { counts, expectFieldError, snapshot } from './helpers.js';

/** A valid resident ID whose birth date does not exist (30 Feb), with its check character right. */
const FEB_30 = (() => {
  const first17 = '11010519900230001';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return first17 + (v === 10 ? 'X' : String(v));
})();

type Input = Awaited<ReturnType<typeof checkInInput>>;
const visitor = (patch: Record<string, unknown>) => (i: Input) => ({ ...i, visitor: { ...i.visitor, ...patch } });
const field = (patch: Record<string, unknown>) => (i: Input) => ({ ...i, ...patch });

const CASES: [string, (i: Input) => unknown, string, string?][] = [
  ['empty name', visitor({ name: '' }), 'visitor.name', 'err.required'],
  ['blank name', visitor({ name: '   ' }), 'visitor.name', 'err.required'],
  ['name too long', visitor({ name: '长'.repeat(41) }), 'visitor.name', 'err.tooLong'],
  ['missing name', visitor({ name: undefined }), 'visitor.name'],
  ['phone too short', visitor({ phone: '1370013700' }), 'visitor.phone', 'err.phone.format'],
  ['phone letters', visitor({ phone: 'call me' }), 'visitor.phone', 'err.phone.format'],
  ['empty phone', visitor({ phone: '' }), 'visitor.phone', 'err.required'],
  ['resident ID check digit', visitor({ idNumber: '110105194912310021' }), 'visitor.idNumber', 'err.idNumber.checksum'],
  ['resident ID birth date', visitor({ idNumber: FEB_30 }), 'visitor.idNumber', 'err.idNumber.birthDate'],
  ['resident ID length', visitor({ idNumber: '11010519491231002' }), 'visitor.idNumber', 'err.idNumber.residentFormat'],
  ['empty ID number', visitor({ idNumber: '' }), 'visitor.idNumber', 'err.required'],
  ['ID number not of its type', visitor({ idType: 'hk_macao_permit' }), 'visitor.idNumber', 'err.idNumber.hk_macao_permit'],
  ['unknown ID type', visitor({ idType: 'driving_licence' }), 'visitor.idType', 'err.idType'],
  ['party of 0', field({ partySize: 0 }), 'partySize', 'err.range'],
  ['party of 51', field({ partySize: 51 }), 'partySize', 'err.range'],
  ['party of 1.5', field({ partySize: 1.5 }), 'partySize', 'err.integer'],
  ["party of '2'", field({ partySize: '2' }), 'partySize', 'err.number'],
  ['unknown host', field({ hostOccupantId: '01900000-0000-7000-8000-000000000000' }), 'hostOccupantId', 'err.host.notFound'],
  ['no host', field({ hostOccupantId: '' }), 'hostOccupantId', 'err.host.required'],
  ['empty purpose', field({ purpose: '' }), 'purpose', 'err.required'],
  ['purpose too long', field({ purpose: '事'.repeat(61) }), 'purpose', 'err.tooLong'],
  ['bad plate', field({ plate: '京A12@45' }), 'plate', 'err.plate.format'],
  ['15 minutes is the least', field({ expectedMinutes: 14 }), 'expectedMinutes', 'err.range'],
  ['24 hours is the most', field({ expectedMinutes: 24 * 60 + 1 }), 'expectedMinutes', 'err.range'],
  ['minutes not a number', field({ expectedMinutes: '120' }), 'expectedMinutes', 'err.number'],
  ['bad request id', field({ requestId: 'submit-1' }), 'requestId', 'err.invalid'],
  [
    'unknown confirm method',
    field({ hostConfirmation: { confirmedBy: '张三', method: 'telepathy' } }),
    'hostConfirmation.method',
  ],
  ['note too long', field({ note: '注'.repeat(201) }), 'note', 'err.tooLong'],
];

describe('check-in with bad input', () => {
  let desk: TestDesk;
  let valid: Input;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    valid = await checkInInput(desk);
  });
  afterAll(() => desk.close());

  it.each(CASES)('%s → field error at %s, nothing written', async (_name, spoil, path, message) => {
    const before = snapshot(desk);
    const beforeCounts = counts(desk);
    const r = await desk.call('visits:checkIn', spoil(valid) as never);
    expectFieldError(r, path, message);
    expect(counts(desk)).toEqual(beforeCounts);
    // Not a single row anywhere, not even a pass number used up.
    expect(snapshot(desk)).toEqual(before);
  });

  it('several bad fields are all reported at once', async () => {
    const r = await desk.call('visits:checkIn', { ...valid, visitor: { ...valid.visitor, name: '', phone: 'x' }, purpose: '' });
    const error = expectFieldError(r, 'visitor.name');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['purpose', 'visitor.name', 'visitor.phone']);
  });

  it('after all the refusals the first good check-in gets pass 0001', async () => {
    // Setup (2), the first shift opened and joined (2), the directory import (1): nothing else.
    expect(counts(desk)).toEqual({ events: 5, visits: 0, print_jobs: 0 });
    const r = await desk.ok('visits:checkIn', valid);
    expect(r.visit.passNo).toBe('HY-A1-V261122-0001');
  });
});
