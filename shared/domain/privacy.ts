import { z } from 'zod';

/**
 * Sensitive reads of personal data that leave an audit record (PIPL). `host_phone` is recorded by its
 * own older event (HostPhoneRevealed), `person_erasure` by PersonErased; the others by PersonalDataRead.
 * `person_export` is a manager's copy of everything held on one person (a person's rights);
 * `full_id_number` a manager's reveal of a full ID number the taking desk keeps sealed (keepFullIdNumbers).
 */
export const READ_KINDS = ['anonymous_complainant', 'visitor_list', 'person_export', 'full_id_number'] as const;
export type ReadKind = (typeof READ_KINDS)[number];
export const AUDITED_KINDS = ['host_phone', ...READ_KINDS, 'person_erasure'] as const;

export const PersonalDataReadPayload = z.object({
  readId: z.string(),
  what: z.enum(READ_KINDS),
  /** The record read: a ticket id, a print job id. */
  ref: z.string(),
  /** How a manager recognises it in the list: a ticket number, a document name. Never the data read. */
  label: z.string(),
  /**
   * The reason the reader gave; empty where the read has its fixed purpose (the evacuation roll, or a
   * manager's search that matched an anonymous complaint by its unit or name — no reason is asked there).
   */
  why: z.string(),
  at: z.string(),
});
export type PersonalDataReadPayload = z.infer<typeof PersonalDataReadPayload>;
