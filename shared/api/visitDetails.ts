import { z } from 'zod';
import { optionalText, plate, requiredText } from './fields.js';

/**
 * The details of a visit that go from the check-in form to the pass as they were typed. One entry per
 * fact: what a receptionist may type (`input`, with its limit and message), how the check-in event
 * holds it (`stored`: older events hold it too, so a fact added later needs a default here) and its
 * column in `visits`. The contract (`CheckInInput`, `Visit`), the event (`VisitorCheckedIn`), the
 * applier and the read take them from this table, so a new plain fact of a visit is one entry here
 * (docs/adding-a-field.md). Facts with rules of their own (the visitor's phone and ID number, the
 * host, the approvals) stay written out where they are handled.
 */
export const VISIT_DETAILS = {
  partySize: {
    input: z
      .number({ message: 'err.number' })
      .int({ message: 'err.integer' })
      .min(1, { message: 'err.range' })
      .max(50, { message: 'err.range' }),
    stored: z.number().int(),
    column: 'party_size',
  },
  purpose: { input: requiredText(60), stored: z.string(), column: 'purpose' },
  plate: { input: plate, stored: z.string(), column: 'plate' },
  note: { input: optionalText(200), stored: z.string(), column: 'note' },
} as const;

type Details = typeof VISIT_DETAILS;
type DetailKey = keyof Details;
const DETAIL_KEYS = Object.keys(VISIT_DETAILS) as DetailKey[];

/** The details as the desk keeps and returns them. */
export type VisitDetails = { [K in DetailKey]: z.output<Details[K]['stored']> };
/** The same details under their `visits` column names. */
export type VisitDetailColumns = { [K in DetailKey as Details[K]['column']]: VisitDetails[K] };

const shapeOf = <P extends 'input' | 'stored'>(part: P) =>
  Object.fromEntries(DETAIL_KEYS.map((k) => [k, VISIT_DETAILS[k][part]])) as { [K in DetailKey]: Details[K][P] };

/** For `z.object({...})`: the check-in form's rules. */
export const visitDetailsInput = shapeOf('input');
/** For `z.object({...})`: the event's and the read's shape. */
export const visitDetailsStored = shapeOf('stored');

/** The details out of a parsed check-in (or any object holding them), nothing else. */
export const pickVisitDetails = (from: VisitDetails): VisitDetails =>
  Object.fromEntries(DETAIL_KEYS.map((k) => [k, from[k]])) as VisitDetails;

/** The details as `visits` columns, for the applier's insert. */
export const visitDetailColumns = (d: VisitDetails): VisitDetailColumns =>
  Object.fromEntries(DETAIL_KEYS.map((k) => [VISIT_DETAILS[k].column, d[k]])) as VisitDetailColumns;

/** The details out of a `visits` row, for the read. */
export const visitDetailsFromRow = (row: VisitDetailColumns): VisitDetails =>
  Object.fromEntries(DETAIL_KEYS.map((k) => [k, row[VISIT_DETAILS[k].column]])) as VisitDetails;
