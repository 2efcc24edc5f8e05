import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { importPassDirectory, passInput } from '../support/releasePass.js';
import { counts, expectFieldError, snapshot } from './helpers.js';

type Input = Awaited<ReturnType<typeof passInput>>;
const field = (patch: Record<string, unknown>) => (i: Input) => ({ ...i, ...patch });
const item = (patch: Record<string, unknown>) => (i: Input) => ({
  ...i,
  items: [{ ...i.items[0], ...patch }, ...i.items.slice(1)],
});
/** The desk clock stands at 2026-11-22 09:30 (Beijing). */
const at = (iso: string) => dayjs(iso).format();

const CASES: [string, (i: Input) => unknown, string, string?][] = [
  ['no items', field({ items: [] }), 'items', 'err.pass.noItems'],
  ['items missing', field({ items: undefined }), 'items', 'err.pass.noItems'],
  [
    '51 items',
    field({ items: Array.from({ length: 51 }, () => ({ description: '纸箱', quantity: 1 })) }),
    'items',
    'err.pass.tooManyItems',
  ],
  ['quantity 0', item({ quantity: 0 }), 'items.0.quantity', 'err.pass.quantity'],
  ['negative quantity', item({ quantity: -2 }), 'items.0.quantity', 'err.pass.quantity'],
  ['fractional quantity', item({ quantity: 1.5 }), 'items.0.quantity', 'err.integer'],
  ['quantity as text', item({ quantity: '3' }), 'items.0.quantity', 'err.number'],
  ['item without description', item({ description: ' ' }), 'items.0.description', 'err.required'],
  [
    'window already over',
    field({ validFrom: at('2026-11-22T07:00+08:00'), validUntil: at('2026-11-22T09:00+08:00') }),
    'validUntil',
    'err.pass.windowPast',
  ],
  [
    'window from yesterday',
    field({ validFrom: at('2026-11-21T08:00+08:00'), validUntil: at('2026-11-22T18:00+08:00') }),
    'validFrom',
    'err.pass.windowPast',
  ],
  [
    'window of 8 days',
    field({ validFrom: at('2026-11-22T09:00+08:00'), validUntil: at('2026-11-30T09:00+08:00') }),
    'validUntil',
    'err.pass.windowTooLong',
  ],
  [
    'window ends before it starts',
    field({ validFrom: at('2026-11-22T18:00+08:00'), validUntil: at('2026-11-22T10:00+08:00') }),
    'validUntil',
    'err.pass.windowOrder',
  ],
  [
    'window 40 days ahead',
    field({ validFrom: at('2027-01-01T09:00+08:00'), validUntil: at('2027-01-01T18:00+08:00') }),
    'validFrom',
    'err.pass.windowTooFar',
  ],
  ['window not a time', field({ validFrom: 'tomorrow' }), 'validFrom', 'err.dateTime'],
  ['unknown unit', field({ occupantId: '01900000-0000-7000-8000-000000000000' }), 'occupantId', 'err.pass.unitNotFound'],
  ['no unit', field({ occupantId: '' }), 'occupantId', 'err.pass.unitRequired'],
  ['unknown relation', field({ relation: 'neighbour' }), 'relation', 'err.pass.relation'],
  ['unknown reason', field({ reason: 'gift' }), 'reason', 'err.pass.reason'],
  ['"other" reason unexplained', field({ reason: 'other', reasonNote: '' }), 'reasonNote', 'err.required'],
  ['whole unit but not moving out', field({ reason: 'repair', wholeUnit: true }), 'wholeUnit', 'err.pass.wholeUnitReason'],
  ['agent without consent', field({ relation: 'agent' }), 'authority.occupantId', 'err.pass.consentRequired'],
  [
    'consent by an unknown method',
    field({ relation: 'tenant', authority: { occupantId: 'x', method: 'telepathy' } }),
    'authority.method',
    'err.pass.consentMethod',
  ],
  [
    'applicant ID check digit',
    (i) => ({ ...i, applicant: { ...i.applicant, idNumber: '110105194912310021' } }),
    'applicant.idNumber',
    'err.idNumber.checksum',
  ],
  ['applicant phone', (i) => ({ ...i, applicant: { ...i.applicant, phone: '123' } }), 'applicant.phone', 'err.phone.format'],
  ['applicant without a name', (i) => ({ ...i, applicant: { ...i.applicant, name: '' } }), 'applicant.name', 'err.required'],
  ['bad plate', field({ plate: '京A12@45' }), 'plate', 'err.plate.format'],
];

describe('release pass with bad input', () => {
  let desk: TestDesk;
  let valid: Input;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
    valid = await passInput(desk);
  });
  afterAll(() => desk.close());

  it.each(CASES)('%s → field error at %s, nothing written', async (_name, spoil, path, message) => {
    const before = snapshot(desk);
    const beforeCounts = counts(desk, ['events', 'release_passes', 'print_jobs', 'counters']);
    expectFieldError(await desk.call('passes:issue', spoil(valid) as never), path, message);
    expect(counts(desk, ['events', 'release_passes', 'print_jobs', 'counters'])).toEqual(beforeCounts);
    // Not a single row anywhere, not even a pass number used up.
    expect(snapshot(desk)).toEqual(before);
  });

  it('after all the refusals the first good application gets pass 0001', async () => {
    expect(desk.count('release_passes')).toBe(0);
    expect((await desk.ok('passes:issue', valid)).pass.passNo).toBe('HY-A1-P261122-0001');
  });
});
