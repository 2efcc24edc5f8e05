import { z } from 'zod';
import { idDocument, isoDate, optionalName, optionalText, personName, requiredText, supervisorApproval, uuid } from './fields.js';
import { AttachmentInput } from './logSchemas.js';
import { ID_TYPES } from '../domain/idDocument.js';
import { ATTACHMENT_TYPES } from '../domain/log.js';
import {
  DAMAGE_HOWS,
  MAIL_CONDITIONS,
  MAIL_KINDS,
  MAIL_STATUSES,
  NOTICE_METHODS,
  PICKUP_RELATIONS,
  normalizeTrackingNo,
} from '../domain/mail.js';

/** Mail and parcels (报刊函件): intake, damage register, notices, hand-over, returns, newspaper counts. */
export const trackingNo = z
  .string({ message: 'err.mail.trackingRequired' })
  .transform(normalizeTrackingNo)
  .pipe(
    z
      .string()
      .min(1, { message: 'err.mail.trackingRequired' })
      .max(40, { message: 'err.tooLong' })
      .regex(/^[A-Z0-9]+$/, { message: 'err.mail.trackingFormat' }),
  );

export const DamageInput = z.object({
  what: requiredText(100),
  how: z.array(z.enum(DAMAGE_HOWS), { message: 'err.mail.damageHow' }).min(1, { message: 'err.mail.damageHow' }),
  description: optionalText(500),
  photo: AttachmentInput.optional(),
});
export type DamageInput = z.input<typeof DamageInput>;

export const ReceiveMailInput = z
  .object({
    /** Client-made id of this item: a retried Enter writes one register line. */
    itemId: uuid,
    /** The batch being scanned in (one delivery from the post office or a courier). */
    batchId: uuid,
    carrier: requiredText(40),
    trackingNo,
    kind: z.enum(MAIL_KINDS, { message: 'err.mail.kind' }),
    occupantId: z.string({ message: 'err.mail.unitRequired' }).min(1, { message: 'err.mail.unitRequired' }),
    location: requiredText(40),
    condition: z.enum(MAIL_CONDITIONS, { message: 'err.invalid' }).optional().default('intact'),
    /** The recipient moved out: forwarding cabinet for one month. */
    movedOut: z.boolean().optional().default(false),
    /** The desk was warned that this tracking number is still on the shelf and goes on anyway. */
    allowDuplicate: z.boolean().optional().default(false),
    damage: DamageInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.condition === 'damaged' && !v.damage)
      ctx.addIssue({ code: 'custom', path: ['damage', 'what'], message: 'err.mail.damageRequired' });
  });
export type ReceiveMailInput = z.input<typeof ReceiveMailInput>;

export const RecordDamageInput = DamageInput.extend({
  damageId: uuid,
  itemId: z.string().min(1),
  /** A correction of an earlier line (the register is append-only). */
  correctsId: z.string().optional(),
});

export const ConfirmDamageInput = z.object({ damageId: z.string().min(1), approval: supervisorApproval });

export const NoticeInput = z.object({
  itemId: z.string().min(1),
  method: z.enum(NOTICE_METHODS, { message: 'err.mail.noticeMethod' }),
  note: optionalText(200),
});

/** Pickup: the ID is required (type and number; only the masked number is kept), and a signature or typed name. */
export const PickUpInput = z
  .object({
    itemId: z.string().min(1),
    signerName: personName,
    relation: z.enum(PICKUP_RELATIONS, { message: 'err.invalid' }).optional().default('recipient'),
    id: idDocument.optional(),
    signature: AttachmentInput.optional(),
    typedName: optionalName,
  })
  .superRefine((v, ctx) => {
    if (!v.id) ctx.addIssue({ code: 'custom', path: ['id', 'idNumber'], message: 'err.mail.idRequired' });
    if (!v.signature && !v.typedName)
      ctx.addIssue({ code: 'custom', path: ['typedName'], message: 'err.mail.signatureRequired' });
  });
export type PickUpInput = z.input<typeof PickUpInput>;

export const ReturnInput = z.object({ itemId: z.string().min(1), approval: supervisorApproval });

export const NewspaperCountInput = z.object({
  countId: uuid,
  carrier: requiredText(40),
  title: requiredText(60),
  expected: z.number({ message: 'err.number' }).int({ message: 'err.integer' }).min(0, { message: 'err.range' }).max(9999),
  received: z.number({ message: 'err.number' }).int({ message: 'err.integer' }).min(0, { message: 'err.range' }).max(9999),
  late: z.boolean().optional().default(false),
  note: optionalText(200),
});

export const MAIL_LISTS = ['awaiting', 'returnsDue', 'forwarding', 'returned'] as const;
export const MailListInput = z.object({ view: z.enum(MAIL_LISTS) });

export const MailSearchInput = z.object({
  trackingNo: z.string().trim().max(40, { message: 'err.tooLong' }).optional().default(''),
  unit: z.string().trim().max(40, { message: 'err.tooLong' }).optional().default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(500).optional().default(200),
});

const Photo = z.object({ sha256: z.string(), mime: z.enum(ATTACHMENT_TYPES) }).nullable();

export const MailDamage = z.object({
  id: z.string(),
  itemId: z.string(),
  registerNo: z.string(),
  what: z.string(),
  how: z.array(z.enum(DAMAGE_HOWS)),
  description: z.string(),
  photo: Photo,
  receivedByName: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  correctsId: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
});
export type MailDamage = z.infer<typeof MailDamage>;

export const MailPickup = z.object({
  at: z.string(),
  kind: z.enum(['pickup', 'return']),
  signerName: z.string().nullable(),
  relation: z.enum(PICKUP_RELATIONS).nullable(),
  idType: z.enum(ID_TYPES).nullable(),
  idNumberMasked: z.string().nullable(),
  signature: z.string().nullable(),
  typedName: z.string().nullable(),
  byName: z.string(),
  reviewedByName: z.string().nullable(),
  reason: z.string().nullable(),
  /** Recorded after the item was already handed over or returned (another desk, in sync). */
  conflict: z.boolean(),
});

export const MailItem = z.object({
  id: z.string(),
  batchId: z.string(),
  registerNo: z.string(),
  carrier: z.string(),
  trackingNo: z.string(),
  kind: z.enum(MAIL_KINDS),
  unitCode: z.string(),
  recipientName: z.string(),
  company: z.string(),
  location: z.string(),
  condition: z.enum(MAIL_CONDITIONS),
  forwardUntil: z.string().nullable(),
  receivedAt: z.string(),
  receivedByName: z.string(),
  daysWaiting: z.number(),
  noticeCount: z.number(),
  lastNoticeAt: z.string().nullable(),
  status: z.enum(MAIL_STATUSES),
  closedAt: z.string().nullable(),
  /** The last person who signed for it (seed 000: they answer a lost-mail complaint). */
  lastSigner: z.string().nullable(),
  returnDue: z.boolean(),
  noticeDue: z.boolean(),
  duplicateOf: z.string().nullable(),
});
export type MailItem = z.infer<typeof MailItem>;

export const MailDetail = z.object({ item: MailItem, damage: z.array(MailDamage), closings: z.array(MailPickup) });
export type MailDetail = z.infer<typeof MailDetail>;

export const ReceiveResult = z.object({ item: MailItem, damage: MailDamage.nullable(), batchCount: z.number() });
export const ConfirmResult = z.object({ damage: MailDamage, printJobId: z.string() });

export const NewspaperCount = z.object({
  id: z.string(),
  at: z.string(),
  carrier: z.string(),
  title: z.string(),
  expected: z.number(),
  received: z.number(),
  late: z.boolean(),
  note: z.string(),
  byName: z.string(),
  /** A shortfall or a late delivery: escalated to the shift leader. */
  escalated: z.boolean(),
});

export const MailOverview = z.object({
  awaiting: z.number(),
  damageUnconfirmed: z.number(),
  returnsDue: z.number(),
  forwardingNoticesDue: z.number(),
});
