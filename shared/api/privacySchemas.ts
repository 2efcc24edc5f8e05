import { z } from 'zod';
import { isoDate, requiredText } from './fields.js';
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
