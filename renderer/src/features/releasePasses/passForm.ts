import { deskTime } from '../../../../shared/domain/deskTime';
import { v4 as uuidv4 } from 'uuid';
import type { IssuePassInput } from '../../../../shared/api/releasePassSchemas';

/** What the release-pass form holds: the procedure's input, from the contract (the consent stays in the form while the relation is owner). */
export type PassFormValues = IssuePassInput;

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

/** What the desk sends for the form's values: the consent only when needed, no blank last line. */
export function toIssueInput(v: PassFormValues): IssuePassInput {
  // A blank line left at the end of the list is not an item.
  const items = [...v.items];
  while (items.length > 1 && !items.at(-1)?.description.trim()) items.pop();
  return {
    requestId: v.requestId,
    occupantId: v.occupantId,
    applicant: v.applicant,
    relation: v.relation,
    authority: v.relation === 'owner' ? undefined : v.authority,
    items,
    reason: v.reason,
    reasonNote: v.reasonNote,
    wholeUnit: v.reason === 'moving_out' && Boolean(v.wholeUnit),
    carrier: v.carrier,
    plate: v.plate,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    note: v.note,
  };
}
