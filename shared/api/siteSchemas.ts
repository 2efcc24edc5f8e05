import { z } from 'zod';
import { phoneProblem } from '../domain/phone.js';
import { optionalText, printable, requiredText } from './fields.js';

/**
 * The site's details that do not depend on its code: what receipts and passes print in their
 * headers. An admin sets them at one desk (event `SiteDetailsChanged`); every desk prints the same.
 */
export const SiteDetails = z.object({
  siteName: printable(requiredText(60)),
  address: printable(optionalText(120)),
  // Kept as typed (checked, not normalized): it prints as the office writes it, `021-5555 6666 转 801`.
  phone: z
    .string()
    .trim()
    .optional()
    .default('')
    .superRefine((v, ctx) => {
      const problem = v === '' ? null : phoneProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** The company's legal name (物业服务企业), which issues the receipts. */
  companyName: printable(optionalText(80)),
});
export type SiteDetails = z.output<typeof SiteDetails>;
export type SiteDetailsInput = z.input<typeof SiteDetails>;

export const SiteDetailsView = z.object({
  siteName: z.string(),
  address: z.string(),
  phone: z.string(),
  companyName: z.string(),
});
