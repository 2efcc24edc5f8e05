import { deskTime } from '../../../../shared/domain/deskTime';
import { v4 as uuidv4 } from 'uuid';
import type { ID_TYPES } from '../../../../shared/domain/idDocument';
import type { CONSENT_METHODS, PASS_REASONS, PASS_RELATIONS } from '../../../../shared/domain/releasePass';
import type { IssuePassInput } from '../../../../shared/api/releasePassSchemas';

/** What the release-pass form holds; `toIssueInput` turns it into the procedure's input. */
export interface PassFormValues {
  /** Made when the form opens: a retried submit of the same application returns the first pass. */
  requestId: string;
  occupantId: string;
  relation: (typeof PASS_RELATIONS)[number];
  authority: { occupantId: string; method: (typeof CONSENT_METHODS)[number] };
  applicant: { idType: (typeof ID_TYPES)[number]; idNumber: string; name: string; phone: string };
  items: { description: string; quantity: number }[];
  reason: (typeof PASS_REASONS)[number];
  reasonNote: string;
  wholeUnit: boolean;
  carrier: string;
  plate: string;
  validFrom: string;
  validUntil: string;
  note: string;
}

/** Default window: from now (to the half hour) until 20:00 today, or four hours when it is later than 16:00. */
export function defaultWindow(now = deskTime()): { validFrom: string; validUntil: string } {
  const from = now
    .minute(now.minute() < 30 ? 0 : 30)
    .second(0)
    .millisecond(0);
  const evening = now.hour(20).minute(0).second(0).millisecond(0);
  const until = evening.diff(now, 'hour', true) >= 4 ? evening : from.add(4, 'hour');
  return { validFrom: from.format(), validUntil: until.format() };
}

export const emptyPass = (): PassFormValues => ({
  requestId: uuidv4(),
  occupantId: '',
  relation: 'owner',
  authority: { occupantId: '', method: 'phone' },
  applicant: { idType: 'resident_id', idNumber: '', name: '', phone: '' },
  items: [{ description: '', quantity: 1 }],
  reason: 'moving_out',
  reasonNote: '',
  wholeUnit: false,
  carrier: '',
  plate: '',
  ...defaultWindow(),
  note: '',
});

export function toIssueInput(v: PassFormValues): IssuePassInput {
  // A blank line left at the end of the list is not an item.
  const items = [...v.items];
  while (items.length > 1 && !items[items.length - 1].description.trim()) items.pop();
  return {
    requestId: v.requestId,
    occupantId: v.occupantId,
    applicant: v.applicant,
    relation: v.relation,
    authority: v.relation === 'owner' ? undefined : v.authority,
    items,
    reason: v.reason,
    reasonNote: v.reasonNote,
    wholeUnit: v.reason === 'moving_out' && v.wholeUnit,
    carrier: v.carrier,
    plate: v.plate,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    note: v.note,
  };
}

/** Form fields a server issue can land on, most specific first (see applyServerErrors). */
export function passFields(itemCount: number): string[] {
  const items = Array.from({ length: itemCount }, (_, i) => [`items.${i}.description`, `items.${i}.quantity`]).flat();
  return [
    'occupantId',
    'relation',
    'authority.occupantId',
    'authority.method',
    'applicant.idType',
    'applicant.idNumber',
    'applicant.name',
    'applicant.phone',
    ...items,
    'items',
    'reason',
    'reasonNote',
    'wholeUnit',
    'carrier',
    'plate',
    'validFrom',
    'validUntil',
    'note',
  ];
}
