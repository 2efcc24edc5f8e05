import { z } from 'zod';
import { ID_TYPES, idNumberProblem, normalizeIdNumber } from '../domain/idDocument.js';
import { normalizePhone, phoneProblem } from '../domain/phone.js';
import { normalizePlate, plateProblem } from '../domain/plate.js';
import { PIN_PATTERN, ROLES } from '../domain/staff.js';
import { DEVICE_CODE, SITE_CODE } from '../domain/numbering.js';

/**
 * Field schemas shared by forms and handlers. Every message is an i18n key so that the form shows
 * the same sentence the backend meant, in the desk's language.
 */
export const requiredText = (max: number) =>
  z.string({ message: 'err.required' }).trim().min(1, { message: 'err.required' }).max(max, { message: 'err.tooLong' });

export const optionalText = (max: number) => z.string().trim().max(max, { message: 'err.tooLong' }).optional().default('');

/**
 * Why a name cannot be printed as typed, or null. Control characters break the line or the printer;
 * a bidi override (U+202A–202E, U+2066–2069) reorders what follows, so a pass can read other than
 * the record; emoji have no glyph in the printers' fonts. Format characters (zero-width joiners,
 * marks) are invisible on paper and refused with the bidi ones.
 */
export function nameProblem(v: string): string | null {
  if (/[\p{Cc}\u2028\u2029]/u.test(v)) return 'err.name.control';
  if (/\p{Cf}/u.test(v)) return 'err.name.bidi';
  if (/\p{Extended_Pictographic}|\p{Emoji_Presentation}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3/u.test(v.replace(/[©®™]/g, '')))
    return 'err.name.emoji';
  return null;
}

/** A name that goes on paper (person, company, site): refuses what `nameProblem` names. */
export const printable = <S extends z.ZodType<string>>(schema: S) =>
  schema.superRefine((v, ctx) => {
    const problem = nameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const personName = printable(requiredText(40));
/** An optional name that prints (a ticket's customer, a typed signature). */
export const optionalName = printable(optionalText(40));

/** Checked as typed (so "call me" is a format error, not an empty field), stored canonical. */
export const phone = z
  .string({ message: 'err.required' })
  .superRefine((v, ctx) => {
    const problem = phoneProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizePhone);

export const optionalPhone = z
  .string()
  .optional()
  .default('')
  .superRefine((v, ctx) => {
    const problem = v.trim() === '' ? null : phoneProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizePhone);

export const idType = z.enum(ID_TYPES, { message: 'err.idType' });

/** An identity document; the number is checked against its type (GB 11643 for resident IDs). */
export const idDocument = z
  .object({ idType, idNumber: z.string({ message: 'err.required' }).transform(normalizeIdNumber) })
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v.idType, v.idNumber);
    if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
  });

export const plate = z
  .string()
  .optional()
  .default('')
  .transform(normalizePlate)
  .superRefine((v, ctx) => {
    const problem = plateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const pin = z.string({ message: 'err.required' }).regex(PIN_PATTERN, { message: 'err.pin.format' });
export const staffNo = z
  .string({ message: 'err.required' })
  .trim()
  .regex(/^[A-Za-z0-9]{1,12}$/, { message: 'err.staffNo.format' });
export const role = z.enum(ROLES, { message: 'err.role' });
export const siteCode = z
  .string({ message: 'err.required' })
  .trim()
  .toUpperCase()
  .regex(SITE_CODE, { message: 'err.siteCode.format' });
export const deviceCode = z
  .string({ message: 'err.required' })
  .trim()
  .toUpperCase()
  .regex(DEVICE_CODE, { message: 'err.deviceCode.format' });
export const uuid = z.string().uuid({ message: 'err.invalid' });
export const isoDateTime = z.string().datetime({ offset: true, message: 'err.dateTime' });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'err.date' });

/** A supervisor's on-the-spot approval: their staff number and PIN, and why. */
export const supervisorApproval = z.object({
  staffNo,
  pin,
  reason: requiredText(200),
});
