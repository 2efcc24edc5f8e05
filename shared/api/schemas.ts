import { z } from 'zod';
import {
  deviceCode,
  idDocument,
  isoDate,
  isoDateTime,
  optionalText,
  personName,
  phone,
  pin,
  printable,
  requiredText,
  role,
  siteCode,
  staffNo,
  supervisorApproval,
  uuid,
  optionalPhone,
} from './fields.js';
import { HOST_CONFIRM_METHODS, VISIT_STATUSES } from '../domain/visits.js';
import { ID_TYPES, normalizeIdNumber } from '../domain/idDocument.js';
import { ROLES, type Role } from '../domain/staff.js';
import { weakPinReason } from '../domain/pinStrength.js';
import { ShiftPatterns } from './shiftSchemas.js';
import { visitDetailsInput, visitDetailsStored } from './visitDetails.js';
import { ClassifierTree, DeadlineRuleSchema } from './ticketSchemas.js';
import { isTimeZone } from '../domain/deskTime.js';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '../domain/retention.js';

export const Empty = z.object({}).strict().optional().default({});

// ---- setup and staff -------------------------------------------------------------------------
export const SITE_KINDS = ['residential', 'office', 'mixed'] as const;

/** A PIN being set for someone: refused at the field when it is too easy to guess (shared/domain/pinStrength.ts). */
export function strongPin(v: { staffNo: string; pin: string }, role: Role, ctx: z.RefinementCtx, path: (string | number)[]) {
  const reason = weakPinReason(v.pin, v.staffNo, role);
  if (reason) ctx.addIssue({ code: 'custom', message: reason, path });
}

const newAdmin = z.object({ staffNo, name: personName, pin }).superRefine((a, ctx) => strongPin(a, 'admin', ctx, ['pin']));

export const SetupInput = z.object({
  siteName: printable(requiredText(60)),
  siteCode,
  siteKind: z.enum(SITE_KINDS, { message: 'err.invalid' }),
  deviceCode,
  admin: newAdmin,
});
export type SetupInput = z.input<typeof SetupInput>;

/** The first administrator of a desk set up from HQ when HQ had nobody for the site yet. */
export const FirstAdminInput = z.object({ admin: newAdmin });
export type FirstAdminInput = z.input<typeof FirstAdminInput>;

/** A desk set up from an HQ code: the site HQ named, and what came down with it. */
export const SetupFromHqResult = z.object({
  siteName: z.string(),
  siteCode: z.string(),
  deviceCode: z.string(),
  /** Staff who can sign in here now (from the site's other desks). */
  staffCount: z.number().int(),
  /** The first download failed; the desk keeps retrying by itself. */
  syncError: z.string().nullable(),
});
export type SetupFromHqResult = z.infer<typeof SetupFromHqResult>;

export const SetupStatus = z.object({
  isSetUp: z.boolean(),
  /** Set up (from HQ), but nobody can sign in yet: HQ had no staff for the site. */
  needsAdmin: z.boolean().optional(),
  siteName: z.string().optional(),
  siteCode: z.string().optional(),
  deviceCode: z.string().optional(),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

export const StaffSummary = z.object({
  id: z.string(),
  staffNo: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

/** An account locked at this desk after wrong PINs (shift leaders and up see these). */
export const PinLockout = z.object({
  staffId: z.string(),
  staffNo: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** ISO instant the lock runs out. */
  lockedUntil: z.string(),
  /** Lockouts in a row since the last right PIN, this one included: each lasts longer. */
  lockouts: z.number().int(),
  lastFailedAt: z.string().nullable(),
});
export type PinLockout = z.infer<typeof PinLockout>;

export const PinLockouts = z.object({
  accounts: z.array(PinLockout),
  /** The desk-wide limit of PIN attempts a minute is reached: every sign-in and approval waits until then. */
  deskLimitUntil: z.string().nullable(),
});
export type PinLockouts = z.infer<typeof PinLockouts>;

export const SessionInfo = z.object({
  staff: StaffSummary,
  /** The PIN was reset by someone else: nothing but choosing a new one until it is done. */
  mustChangePin: z.boolean(),
  siteName: z.string(),
  siteCode: z.string(),
  deviceCode: z.string(),
  idleLockMinutes: z.number(),
  siteTimeZone: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignInInput = z.object({ staffNo, pin });
export const CreateStaffInput = z
  .object({ staffNo, name: personName, role, pin })
  .superRefine((s, ctx) => strongPin(s, s.role, ctx, ['pin']));
export type CreateStaffInput = z.input<typeof CreateStaffInput>;
export const ChangePinInput = z.object({ currentPin: pin, newPin: pin });
export const StaffIdInput = z.object({ staffId: z.string().min(1) });
export const UpdateStaffInput = z.object({ staffId: z.string().min(1), name: personName, role });
export type UpdateStaffInput = z.input<typeof UpdateStaffInput>;
export const ResetStaffPinInput = z.object({ staffId: z.string().min(1), pin });
export type ResetStaffPinInput = z.input<typeof ResetStaffPinInput>;

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

/** Whole days within the bounds; one message says what the field takes. */
const retentionDays = z
  .number({ message: 'err.retentionDays' })
  .int({ message: 'err.retentionDays' })
  .min(RETENTION_MIN_DAYS, { message: 'err.retentionDays' })
  .max(RETENTION_MAX_DAYS, { message: 'err.retentionDays' });

export const Settings = z.object({
  locale: z.enum(LOCALES),
  idleLockMinutes: z.number().int().min(1, { message: 'err.range' }).max(120, { message: 'err.range' }),
  visitorPassLayout: z.enum(['roll80', 'a6']),
  visitorPassPrinter: z.string().max(200),
  autoPrintVisitorPass: z.boolean(),
  releasePassLayout: z.enum(['roll80', 'a6']),
  /** Receipts (收款收据): the 80 mm roll, or A5 with the stub (存根) and the customer's copy. */
  receiptLayout: z.enum(['roll80', 'a5']),
  /** A shift-end drawer count further off than this (fen) needs a shift leader's PIN and a reason. */
  drawerVarianceLimitFen: z.number().int().min(0, { message: 'err.range' }).max(1_000_000, { message: 'err.range' }),
  /** A payment above this (fen) asks for a second confirmation with the amount read back in capitals. */
  largePaymentLimitFen: z.number().int().min(0, { message: 'err.range' }).max(10_000_000_000, { message: 'err.range' }),
  /** Days unclaimed registered mail waits before the supervisor may return it to the post office (退件). */
  mailReturnDays: z.number().int().min(1, { message: 'err.range' }).max(90, { message: 'err.range' }),
  defaultVisitMinutes: z
    .number()
    .int()
    .min(15, { message: 'err.range' })
    .max(24 * 60, { message: 'err.range' }),
  /** The desk's shift rota (交接班): A 09:00–17:00, B 12:00–20:00, C 20:00–22:00 on call by default. */
  shiftPatterns: ShiftPatterns,
  /** Intake deadline rules (complaint severity, repair urgency, callbacks); defaults from the seeds. */
  ticketRules: z.array(DeadlineRuleSchema).max(100),
  /** Intake classifier place → category → problem; defaults by the site kind (residential / office). */
  classifier: ClassifierTree,
  /** The site's time zone (IANA): every desk day, deadline, printout and screen reads time in it. */
  siteTimeZone: z.string().refine(isTimeZone, { message: 'err.timeZone' }),
  /** Days a visitor's name, phone, ID number and plate are kept; then the visit is anonymised (个人信息保护). */
  visitRetentionDays: retentionDays,
  /** Days a mail pickup signature is kept; then its picture is deleted. */
  signatureRetentionDays: retentionDays,
  /** Days a post-log photo is kept; then its picture is deleted. */
  logPhotoRetentionDays: retentionDays,
  /**
   * Where the law requires the full ID number: the taking desk keeps it too, sealed (AES-256-GCM, a
   * key only that desk holds), for a manager's audited reveal. Off: the masked form and keyed hash only.
   */
  keepFullIdNumbers: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

/**
 * Settings that are the site's rules, not this PC's: one manager's change reaches every desk of the
 * site (event `SiteSettingsChanged`, last change by HLC wins per key). The rest — language, idle lock,
 * printer and paper — stay with the desk they were set on.
 */
export const SITE_SETTING_KEYS = [
  'drawerVarianceLimitFen',
  'largePaymentLimitFen',
  'mailReturnDays',
  'defaultVisitMinutes',
  'shiftPatterns',
  'ticketRules',
  'classifier',
  'siteTimeZone',
  'visitRetentionDays',
  'signatureRetentionDays',
  'logPhotoRetentionDays',
  'keepFullIdNumbers',
] as const;
export type SiteSettingKey = (typeof SITE_SETTING_KEYS)[number];
export const SiteSettingsPatch = Settings.pick(
  Object.fromEntries(SITE_SETTING_KEYS.map((k) => [k, true])) as {
    [K in SiteSettingKey]: true;
  },
).partial();
export type SiteSettingsPatch = z.infer<typeof SiteSettingsPatch>;

// ---- directory --------------------------------------------------------------------------------
export const OCCUPANT_ROLES = ['owner', 'tenant', 'family', 'company'] as const;

export const DirectoryImportInput = z.object({
  fileName: requiredText(200),
  /** File content as base64: CSV (UTF-8, or GBK from older Excel) or XLSX. */
  contentBase64: z.string().min(1, { message: 'err.required' }),
});

export const DirectoryImportResult = z.object({
  units: z.number(),
  occupants: z.number(),
  created: z.number(),
  updated: z.number(),
});

export const HostMatch = z.object({
  occupantId: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  name: z.string(),
  company: z.string(),
  role: z.enum(OCCUPANT_ROLES),
  phoneMasked: z.string(),
  /** The day they moved out (YYYY-MM-DD); null while they live here. */
  movedOutOn: z.string().nullable(),
});
export type HostMatch = z.infer<typeof HostMatch>;

/** A resident moved out on a day (not a future one), or `movedOutOn: null` to take a mistaken record back. */
export const MoveOutInput = z.object({
  occupantId: z.string().min(1).max(100),
  movedOutOn: isoDate.nullable(),
});

/** A host's full phone number, asked for to make the confirmation call (seed 000); every ask is recorded. */
export const RevealPhoneInput = z.object({ occupantId: z.string().min(1).max(100) });
export const RevealedPhone = z.object({
  occupantId: z.string(),
  /** As dialled: `13800138000`, `021-55556666转818`. */
  phone: z.string(),
  revealedAt: z.string(),
  /** The desk hides the number again at this moment. */
  hideAt: z.string(),
});
export type RevealedPhone = z.infer<typeof RevealedPhone>;
/** How long a revealed number stays on screen. */
export const PHONE_REVEAL_SECONDS = 30;

export const DirectorySearchInput = z.object({
  q: z.string().trim().max(40),
  limit: z.number().int().min(1).max(50).optional().default(20),
});

export const DirectoryStats = z.object({ units: z.number(), occupants: z.number() });

// ---- visitors ---------------------------------------------------------------------------------
export const CheckInInput = z.object({
  /** Client-made id of this submission: a retried submit returns the first result. */
  requestId: uuid,
  visitor: z
    .object({ name: personName, phone })
    .and(idDocument)
    .transform((v) => ({ name: v.name, phone: v.phone, idType: v.idType, idNumber: v.idNumber })),
  ...visitDetailsInput,
  hostOccupantId: z.string({ message: 'err.host.required' }).min(1, { message: 'err.host.required' }),
  expectedMinutes: z
    .number({ message: 'err.number' })
    .int()
    .min(15, { message: 'err.range' })
    .max(24 * 60, { message: 'err.range' }),
  hostConfirmation: z
    .object({ confirmedBy: personName, method: z.enum(HOST_CONFIRM_METHODS, { message: 'err.invalid' }) })
    .optional(),
  denyOverride: supervisorApproval.optional(),
});
export type CheckInInput = z.input<typeof CheckInInput>;

export const Visit = z.object({
  id: z.string(),
  passNo: z.string(),
  visitorName: z.string(),
  visitorPhoneMasked: z.string(),
  idType: z.enum(ID_TYPES),
  idNumberMasked: z.string(),
  ...visitDetailsStored,
  hostOccupantId: z.string(),
  hostUnitCode: z.string(),
  hostName: z.string(),
  hostCompany: z.string(),
  checkedInAt: z.string(),
  validUntil: z.string(),
  status: z.enum(VISIT_STATUSES),
  checkedOutAt: z.string().nullable(),
  hostConfirmedBy: z.string().nullable(),
  hostConfirmMethod: z.string().nullable(),
  denyOverrideBy: z.string().nullable(),
  actorName: z.string(),
});
export type Visit = z.infer<typeof Visit>;

export const CheckInResult = z.object({ visit: Visit, printJobId: z.string().nullable() });

export const CheckOutInput = z
  .object({ code: z.string().trim().max(80).optional(), visitId: z.string().optional() })
  .refine((v) => Boolean(v.code) || Boolean(v.visitId), { message: 'err.checkout.codeRequired', path: ['code'] });

export const VisitSearchInput = z.object({
  text: z.string().trim().max(40, { message: 'err.tooLong' }).optional().default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(500).optional().default(100),
});

export const RecallInput = z.object({ phone: z.string().trim().optional(), idNumber: z.string().trim().optional() });
export const VisitorProfile = z.object({
  name: z.string(),
  /** Masked: only the masked phone and its keyed hash are kept; the desk asks the visitor for the number. */
  phoneMasked: z.string(),
  idType: z.enum(ID_TYPES),
  /** Masked (first 6 + last 4): the desk reads the number off the document in hand, never from a recall. */
  idNumberMasked: z.string(),
  plate: z.string(),
  lastVisitAt: z.string(),
  lastHost: HostMatch.nullable(),
  visits: z.number(),
  /** The visit of this person still open (not checked out): checking them in again deserves a warning. */
  onSite: z.object({ passNo: z.string(), checkedInAt: z.string(), hostUnitCode: z.string() }).nullable(),
});
export type VisitorProfile = z.infer<typeof VisitorProfile>;

// ---- deny list --------------------------------------------------------------------------------
export const DenyEntryInput = z
  .object({
    name: optionalText(40),
    // Normalized like the visitor's number (no spaces, upper case), or the entry would never match.
    idNumber: z.string().optional().default('').transform(normalizeIdNumber),
    phone: optionalPhone,
    reason: requiredText(200),
    validUntil: isoDate.optional(),
  })
  .refine((v) => v.name !== '' || v.idNumber !== '' || v.phone !== '', {
    message: 'err.deny.needIdentifier',
    path: ['name'],
  });
export type DenyEntryInput = z.input<typeof DenyEntryInput>;

export const DenyEntry = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  reason: z.string(),
  validUntil: z.string().nullable(),
  addedByName: z.string(),
  addedAt: z.string(),
});
export type DenyEntry = z.infer<typeof DenyEntry>;

// ---- printing ---------------------------------------------------------------------------------
export const DOC_TYPES = [
  'visitor_pass',
  'onsite_roll',
  'handover_sheet',
  'release_pass',
  'receipt',
  'daily_report',
  'demand_letter',
  'work_order',
  'ticket_notice',
  'mail_damage_slip',
  'mail_pickup_slip',
] as const;
export const LAYOUTS = ['roll80', 'a6', 'a5', 'a4'] as const;
export const PrintJob = z.object({
  id: z.string(),
  docType: z.enum(DOC_TYPES),
  docId: z.string(),
  layout: z.enum(LAYOUTS),
  copyNo: z.number(),
  status: z.enum(['queued', 'printing', 'printed', 'failed']),
  createdAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;
export const PrintRequest = z.object({
  jobId: uuid,
  docType: z.enum(DOC_TYPES),
  docId: z.string().max(80),
  layout: z.enum(LAYOUTS),
});

export const DeskStatus = z.object({
  siteName: z.string(),
  siteCode: z.string(),
  deviceCode: z.string(),
  onDuty: z.array(z.string()),
  hqConfigured: z.boolean(),
  pendingEvents: z.number(),
  onSiteCount: z.number(),
  printMode: z.enum(['electron', 'browser']),
  siteTimeZone: z.string(),
  /** The zone of the PC the desk's backend runs on, and whether its clock reads differently from the site's. */
  machineTimeZone: z.string(),
  machineZoneDiffers: z.boolean(),
});

export { isoDateTime };
