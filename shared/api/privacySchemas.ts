import { z } from 'zod';
import { isoDate, optionalPhone, optionalText, personName, requiredText } from './fields.js';
import { AUDITED_KINDS } from '../domain/privacy.js';

/** A manager opens an anonymous complainant's identity, saying why (the audit record keeps it). */
export const TicketIdentityInput = z.object({
  ticketId: z.string({ message: 'err.required' }).min(1, { message: 'err.required' }),
  reason: requiredText(200),
});
export const TicketIdentity = z.object({
  ticketId: z.string(),
  name: z.string(),
  unitCode: z.string(),
  company: z.string(),
  phoneMasked: z.string(),
});
export type TicketIdentity = z.infer<typeof TicketIdentity>;

/** The audit list (设置 → 个人信息访问记录), by desk-local days; both ends inclusive. */
export const PersonalDataReadsInput = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(1000).optional().default(500),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'err.range', path: ['to'] });

export const PersonalDataReadRow = z.object({
  id: z.string(),
  at: z.string(),
  staffName: z.string(),
  staffNo: z.string(),
  what: z.enum(AUDITED_KINDS),
  /** What was read: a unit code, a ticket number, a document. */
  label: z.string(),
  /** The reason given; empty where the purpose is fixed (a host phone is revealed for the confirmation call). */
  why: z.string(),
});
export type PersonalDataReadRow = z.infer<typeof PersonalDataReadRow>;

/**
 * A person's rights (设置 → 个人信息): who is asked about — a name with a phone or an ID number, as the
 * person gives them when they ask.
 */
export const PersonQuery = z
  .object({
    name: personName,
    phone: optionalPhone,
    idNumber: optionalText(40),
  })
  .refine((v) => v.phone !== '' || v.idNumber !== '', { message: 'err.person.phoneOrId', path: ['phone'] });
export type PersonQuery = z.infer<typeof PersonQuery>;

export const PERSON_RECORD_KINDS = ['visit', 'pass', 'ticket', 'mail', 'pickup', 'receipt'] as const;

/** One record held on the person: what it is, when, and how the desk names it (a pass or ticket number). */
export const PersonRecord = z.object({
  kind: z.enum(PERSON_RECORD_KINDS),
  id: z.string(),
  at: z.string(),
  ref: z.string(),
  /** Where or with whom: the host's unit, the ticket's subject, the item's carrier. */
  detail: z.string(),
  /** Kept on erasure (a receipt: the accounting law keeps its payer's name). */
  kept: z.boolean(),
  /** A visit whose full ID number this desk keeps sealed (keepFullIdNumbers): a manager may reveal it. */
  fullIdKept: z.boolean(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const PersonEraseInput = z.object({
  person: PersonQuery,
  reason: requiredText(200),
  /** The person's name typed again: the manager confirms whom they erase. */
  confirmName: z.string(),
});

export const PersonErased = z.object({ erasureId: z.string(), erased: z.number().int(), kept: z.number().int() });

/** A manager reveals a visit's full ID number this desk keeps sealed, saying why (audited). */
export const RevealVisitIdInput = z.object({
  visitId: z.string({ message: 'err.required' }).min(1, { message: 'err.required' }),
  reason: requiredText(200),
});
export const RevealedVisitId = z.object({ visitId: z.string(), idNumber: z.string() });
