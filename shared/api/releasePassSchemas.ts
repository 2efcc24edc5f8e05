import { z } from 'zod';
import {
  idDocument,
  isoDate,
  isoDateTime,
  optionalText,
  personName,
  phone,
  plate,
  requiredText,
  supervisorApproval,
  uuid,
} from './fields.js';
import { HostMatch } from './schemas.js';
import { ID_TYPES } from '../domain/idDocument.js';
import {
  CONSENT_METHODS,
  MAX_ITEMS,
  MAX_QUANTITY,
  PASS_REASONS,
  PASS_RELATIONS,
  PASS_STATUSES,
  PASS_VERDICTS,
  windowProblem,
} from '../domain/releasePass.js';

/**
 * Release passes (物品放行条): what the desk sends to issue one, what the gate sends to release or
 * refuse, and what both read back. Kept apart from schemas.ts so each feature's shapes stay small.
 */
const quantity = z
  .number({ message: 'err.number' })
  .int({ message: 'err.integer' })
  .min(1, { message: 'err.pass.quantity' })
  .max(MAX_QUANTITY, { message: 'err.range' });

export const PassItemInput = z.object({ description: requiredText(60), quantity });

export const IssuePassInput = z
  .object({
    /** Client-made id of this submission: a retried submit returns the first pass. */
    requestId: uuid,
    /** The directory entry the goods belong to: a unit's occupant or a company. */
    occupantId: z.string({ message: 'err.pass.unitRequired' }).min(1, { message: 'err.pass.unitRequired' }),
    applicant: z
      .object({ name: personName, phone })
      .and(idDocument)
      .transform((v) => ({ name: v.name, phone: v.phone, idType: v.idType, idNumber: v.idNumber })),
    relation: z.enum(PASS_RELATIONS, { message: 'err.pass.relation' }),
    /** The owner's or the company contact's consent: who (a directory entry of the unit) and how. */
    authority: z
      .object({
        occupantId: z.string({ message: 'err.pass.consentRequired' }).min(1, { message: 'err.pass.consentRequired' }),
        method: z.enum(CONSENT_METHODS, { message: 'err.pass.consentMethod' }),
      })
      .optional(),
    items: z
      .array(PassItemInput, { message: 'err.pass.noItems' })
      .min(1, { message: 'err.pass.noItems' })
      .max(MAX_ITEMS, { message: 'err.pass.tooManyItems' }),
    reason: z.enum(PASS_REASONS, { message: 'err.pass.reason' }),
    reasonNote: optionalText(100),
    /** Moving out of the whole unit: the arrears gate applies. */
    wholeUnit: z.boolean().optional().default(false),
    carrier: optionalText(60),
    plate,
    validFrom: isoDateTime,
    validUntil: isoDateTime,
    arrearsApproval: supervisorApproval.optional(),
    note: optionalText(200),
  })
  .superRefine((v, ctx) => {
    // Everyone but the owner needs someone's consent; whose (owner or company contact) the handler
    // checks against the directory. With no consent at all the application is refused here.
    if (v.relation !== 'owner' && !v.authority)
      ctx.addIssue({ code: 'custom', path: ['authority', 'occupantId'], message: 'err.pass.consentRequired' });
    if (v.reason === 'other' && !v.reasonNote) ctx.addIssue({ code: 'custom', path: ['reasonNote'], message: 'err.required' });
    if (v.wholeUnit && v.reason !== 'moving_out')
      ctx.addIssue({ code: 'custom', path: ['wholeUnit'], message: 'err.pass.wholeUnitReason' });
    const problem = windowProblem(v.validFrom, v.validUntil);
    if (problem) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: problem });
  });
export type IssuePassInput = z.input<typeof IssuePassInput>;

export const PassItem = z.object({
  description: z.string(),
  quantity: z.number(),
  /** What the gate let out, once released. */
  released: z.number().nullable(),
});
export type PassItem = z.infer<typeof PassItem>;

export const GateCheck = z.object({
  at: z.string(),
  outcome: z.enum(['released', 'partial', 'refused']),
  note: z.string(),
  byName: z.string(),
  /** Recorded after the pass was already closed (e.g. by another post): kept, not applied. */
  conflict: z.boolean(),
});

export const ReleasePass = z.object({
  id: z.string(),
  passNo: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  occupantName: z.string(),
  company: z.string(),
  applicantName: z.string(),
  applicantPhoneMasked: z.string(),
  idType: z.enum(ID_TYPES),
  idNumberMasked: z.string(),
  relation: z.enum(PASS_RELATIONS),
  authorityName: z.string().nullable(),
  authorityMethod: z.enum(CONSENT_METHODS).nullable(),
  items: z.array(PassItem),
  totalQuantity: z.number(),
  reason: z.enum(PASS_REASONS),
  reasonNote: z.string(),
  wholeUnit: z.boolean(),
  carrier: z.string(),
  plate: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  arrearsFen: z.number(),
  arrearsApprovedByName: z.string().nullable(),
  status: z.enum(PASS_STATUSES),
  /** As of the moment of the answer; what the gate acts on. */
  verdict: z.enum(PASS_VERDICTS),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  releasePartial: z.boolean(),
  releaseNote: z.string().nullable(),
  note: z.string(),
});
export type ReleasePass = z.infer<typeof ReleasePass>;

export const PassCheck = z.object({ pass: ReleasePass, checks: z.array(GateCheck) });
export type PassCheck = z.infer<typeof PassCheck>;

export const IssuePassResult = z.object({ pass: ReleasePass, printJobId: z.string() });

export const VerifyPassInput = z.object({
  code: z.string({ message: 'err.pass.codeRequired' }).trim().min(1, { message: 'err.pass.codeRequired' }).max(80),
});

export const ReleaseGoodsInput = z.object({
  passId: z.string().min(1),
  /** What actually leaves, line by line in the pass's order; a difference must be explained. */
  items: z.array(
    z.object({
      released: z
        .number({ message: 'err.number' })
        .int({ message: 'err.integer' })
        .min(0, { message: 'err.range' })
        .max(MAX_QUANTITY, { message: 'err.range' }),
    }),
  ),
  note: optionalText(200),
});

export const RefuseGoodsInput = z.object({ passId: z.string().min(1), reason: requiredText(200) });
export const CancelPassInput = z.object({ passId: z.string().min(1), reason: requiredText(200) });

export const PASS_LISTS = ['today', 'pending', 'released', 'expired', 'cancelled'] as const;
export const PassListInput = z.object({ view: z.enum(PASS_LISTS) });

export const PassSearchInput = z.object({
  unit: z.string().trim().max(40, { message: 'err.tooLong' }).optional().default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(500).optional().default(200),
});

export const UnitInfoInput = z.object({ occupantId: z.string().min(1) });
export const UnitInfo = z.object({
  unitId: z.string(),
  unitCode: z.string(),
  /** Everyone the directory lists for the unit: the owners and company contacts who may consent. */
  occupants: z.array(HostMatch),
  /** Unpaid fees of the unit, in fen (0 until the fees feature fills the lookup). */
  arrearsFen: z.number(),
});
export type UnitInfo = z.infer<typeof UnitInfo>;
