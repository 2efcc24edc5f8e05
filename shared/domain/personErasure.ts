import { z } from 'zod';
import { blankCheckIn, withoutVisitorNames } from './retention.js';

/**
 * A person's rights (PIPL 第四十五条 access/copy, 第四十七条 deletion): a manager finds what the site holds
 * on one person, exports it, and erases it. The erasure travels as record ids only, so the event that
 * removes a name does not itself spread the name to every desk and HQ.
 */
export const PersonErasedPayload = z.object({
  erasureId: z.string(),
  visitIds: z.array(z.string()),
  /** The same visits' pass numbers: the handover sheets' lines that name the visitor carry them. */
  visitPassNos: z.array(z.string()),
  passIds: z.array(z.string()),
  ticketIds: z.array(z.string()),
  /** Mail items addressed to the person (the recipient's name goes; the unit stays for the register). */
  mailItemIds: z.array(z.string()),
  /** Of those, the items the person signed for themself: the signer's name, ID and signature go too. */
  pickupItemIds: z.array(z.string()),
  /** Why (the person's request, its date and channel): the audit record keeps it. */
  why: z.string(),
  at: z.string(),
});
export type PersonErasedPayload = z.infer<typeof PersonErasedPayload>;

export interface PersonCriteria {
  name: string;
  phone: string;
  idNumber: string;
}

/**
 * A person as the rights search matches them: the ID number the manager typed becomes its keyed hashes
 * (every key the desk holds, electron/privacy/idKeys.ts), since only hashes are stored.
 */
export interface PersonMatch {
  name: string;
  phone: string;
  idHashes: string[];
  /** The phone typed, as its keyed hashes: visits keep only the masked phone and the hash. */
  phoneHashes?: string[];
}

/** Whether a stored ID hash is one of the typed number's hashes: the one place this search compares IDs. */
export function idNumberMatches(storedHash: string, enteredHashes: string[]): boolean {
  return storedHash !== '' && enteredHashes.includes(storedHash);
}

/** The same person: the same name and either the same phone or the same ID number (by hash). */
export function isSamePerson(
  record: { name: string; phone: string; phoneHash?: string; idHash?: string },
  m: PersonMatch,
): boolean {
  if (record.name.trim() !== m.name.trim()) return false;
  if (m.phone && record.phone === m.phone) return true;
  // A visit keeps the phone masked plus its hash: matched by the hashes of the phone the person gives.
  if (record.phoneHash && (m.phoneHashes ?? []).includes(record.phoneHash)) return true;
  return record.idHash !== undefined && idNumberMatches(record.idHash, m.idHashes);
}

type Json = Record<string, unknown>;
const inIds = (ids: string[], id: unknown) => typeof id === 'string' && ids.includes(id);

/**
 * The payload of an old event with the erased person's data removed, or null when the event is not
 * theirs (or already blank). Like the retention pass, the one exception to append-only: a log that
 * kept the data would undo the erasure.
 */
export function erasedPayload(type: string, payload: Json, e: PersonErasedPayload): Json | null {
  let blank: Json | null = null;
  if (type === 'VisitorCheckedIn' && inIds(e.visitIds, payload.visitId)) blank = blankCheckIn(payload);
  if (type === 'ReleasePassIssued' && inIds(e.passIds, payload.passId)) {
    const applicant = payload.applicant as Json;
    const id = 'idNumber' in applicant ? { idNumber: '' } : {}; // an older event's full number
    blank = {
      ...payload,
      applicant: { ...applicant, name: '', phone: '', ...id, idNumberMasked: '', idHash: '' },
      plate: '',
      note: '',
    };
  }
  if (type === 'TicketOpened' && inIds(e.ticketIds, payload.ticketId)) {
    const customer = payload.customer as Json;
    blank = { ...payload, customer: { ...customer, name: '', phone: '' } };
  }
  if (type === 'MailReceived' && inIds(e.mailItemIds, payload.itemId)) {
    const recipient = payload.recipient as Json;
    blank = { ...payload, recipient: { ...recipient, name: '' } };
  }
  if (type === 'MailPickedUp' && inIds(e.pickupItemIds, payload.itemId))
    blank = { ...payload, signerName: '', idNumberMasked: '', signature: null, typedName: null };
  if (type === 'ShiftClosed' && e.visitPassNos.length)
    blank = {
      ...payload,
      sections: withoutVisitorNames(payload.sections as Parameters<typeof withoutVisitorNames>[0], e.visitPassNos),
    };
  if (!blank || JSON.stringify(blank) === JSON.stringify(payload)) return null;
  return blank;
}

/** The event types whose old copies `erasedPayload` may rewrite, and the payload key naming their record. */
export const ERASED_EVENT_KEYS = {
  VisitorCheckedIn: '$.visitId',
  ReleasePassIssued: '$.passId',
  TicketOpened: '$.ticketId',
  MailReceived: '$.itemId',
  MailPickedUp: '$.itemId',
} as const;
