import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../domain/log.js';

/**
 * The desk ↔ HQ wire protocol (docs/sync-protocol.md). Both sides validate every message with these
 * schemas. `schemaVersion` is the desk's database schema version (its migration count): HQ accepts
 * the declared window (DESK_COMPATIBILITY in version.ts) and answers `upgrade_required` outside it,
 * without acknowledging anything.
 */

export const SYNC_LIMITS = {
  /** Events per push batch and the byte bound of one request body. */
  maxBatchEvents: 2000,
  maxBodyBytes: 8 * 1024 * 1024,
  /** Events per pull page. */
  pullPage: 2000,
  /** Clock drift HQ flags on a device (never blocks sync). */
  driftFlagMs: 5 * 60_000,
} as const;

/** Pseudo-device that writes master data (directory, staff, deny list) at HQ. */
export const HQ_DEVICE_ID = 'hq';

const id = z.string().min(1).max(100);

/** The envelope of a domain event on the wire; the payload is checked against the event catalog at HQ. */
export const WireEvent = z.object({
  id,
  deviceId: id,
  deviceSeq: z.number().int().positive(),
  hlc: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  v: z.number().int().positive(),
  actor: z.string().max(100),
  siteId: id,
  payload: z.unknown(),
  recordedAt: z.string().max(40),
});
export type WireEvent = z.infer<typeof WireEvent>;

/**
 * HQ's clock when it answered (ISO-8601): the desk measures its offset from it and stamps business
 * times with the corrected clock. Optional so an HQ from before it is still understood.
 */
const HqTime = z.string().max(40).optional();

export const EnrollRequest = z.object({
  schemaVersion: z.number().int().positive(),
  code: z.string().min(4).max(64),
  /** The desk's identity when it is already set up; null for a desk that sets itself up from HQ. */
  desk: z
    .object({
      siteId: id,
      deviceId: id,
      siteCode: z.string(),
      deviceCode: z.string(),
      /** The desk's last deviceSeq: a replacement is refused when HQ holds more of the old device than this. */
      lastSeq: z.number().int().nonnegative().optional(),
    })
    .nullable(),
  /** The desk's ID key (HMAC key for ID numbers): the site's when it is the site's first desk to enrol. */
  idKey: z.string().min(32).max(128).optional(),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  deviceId: id,
  secret: z.string().min(32),
  site: z.object({ id, code: z.string(), name: z.string(), kind: z.string() }),
  deviceCode: z.string(),
  /**
   * HQ's acknowledged seq for the new device id: 0 for a new desk, the old device's last seq for a
   * replacement. Authoritative: the desk takes it as its acknowledged seq (docs/sync-protocol.md).
   */
  ackedSeq: z.number().int().nonnegative().default(0),
  /** HQ's clock: a desk set up from HQ stamps its first records on it already. */
  hqTime: HqTime,
  /** The site's ID key: every desk of the site hashes ID numbers with it, so they match the same person. */
  idKey: z.string().optional(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const PushRequest = z.object({
  schemaVersion: z.number().int().positive(),
  /** The desk's clock when it sent the batch; HQ compares it with its own to flag drift. */
  sentAt: z.string().max(40),
  events: z.array(WireEvent).max(SYNC_LIMITS.maxBatchEvents),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const Rejection = z.object({ eventId: id, deviceSeq: z.number().int(), reason: z.string(), detail: z.string() });
export type Rejection = z.infer<typeof Rejection>;

export const PushResponse = z.object({
  /** Every event of this device with deviceSeq ≤ ackedSeq is at HQ (stored or stored-as-rejected). */
  ackedSeq: z.number().int().nonnegative(),
  rejections: z.array(Rejection),
  /** Set when the batch stopped at a gap: HQ expects this seq next. */
  expectedSeq: z.number().int().positive().nullable(),
  hqTime: HqTime,
});
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * HQ's history identity at a cursor (hq/src/store/history.ts): the epoch HQ's database was created with
 * or last marked restored in, and the last accepted event at or below the cursor. A cursor whose
 * history HQ does not hold is answered from a point HQ proves common, or from 0.
 */
export const PullHistory = z.object({
  epoch: z.string().min(1).max(100),
  anchor: z.object({ version: z.number().int().positive(), id }).nullable(),
});
export type PullHistory = z.infer<typeof PullHistory>;

export const PullRequest = z.object({
  schemaVersion: z.number().int().positive(),
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(SYNC_LIMITS.pullPage).optional(),
  /** Which HQ history `cursor` counts in (the last answer's `history`); absent from an older desk. */
  history: PullHistory.optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const PullResponse = z.object({
  events: z.array(WireEvent),
  /** The site version of the last event in the page (or the request's cursor when empty). */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  hqTime: HqTime,
  /**
   * This desk's own events HQ holds for an administrator ('held_for_hq') or refused after holding
   * ('refused_at_hq'); a confirmed one is no longer listed. Absent from an older HQ.
   */
  held: z.array(Rejection).optional(),
  /** The history `cursor` counts in: the desk sends it back with that cursor. Absent from an older HQ. */
  history: PullHistory.optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * One photo or signature, on its own channel: events carry only `{sha256, mime, size}`, and the desk
 * uploads each picture's bytes once after pushing its events. HQ checks that the bytes hash to the
 * name and are the image type they claim; storing one it already has is acknowledged without effect.
 */
export const AttachmentUpload = z.object({
  schemaVersion: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(ATTACHMENT_TYPES),
  // Base64 of at most 5 MB (4 characters per 3 bytes).
  contentBase64: z.string().max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4),
});
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

export const AttachmentUploadResponse = z.object({
  sha256: z.string(),
  /** False when HQ already held these bytes (another desk of the site, or a retried request). */
  stored: z.boolean(),
});
export type AttachmentUploadResponse = z.infer<typeof AttachmentUploadResponse>;

/**
 * The handshake that opens every round (docs/sync-protocol.md): HQ says how much of this device it
 * holds, whatever the desk believes it sent. `desk` names the desk so that a restored HQ that does not
 * know it can list it for the readmit command.
 */
export const HandshakeRequest = z.object({
  schemaVersion: z.number().int().positive(),
  desk: z.object({ siteId: id, deviceCode: z.string().max(16) }).optional(),
  /** Ids of this desk's events it lists as rejected by HQ; HQ answers which it has since applied (`settled`). */
  rejected: z.array(id).max(1000).optional(),
  /** The desk's app version (semver, e.g. 0.2.0): HQ records which desk runs which release (`hq devices`). */
  appVersion: z.string().max(40).optional(),
  /** How the desk is (issue 19): stored per device at HQ, shown by `hq devices`. A malformed report is dropped, never refused. */
  health: z
    .lazy(() => DeskHealth)
    .optional()
    .catch(undefined),
});
export type HandshakeRequest = z.infer<typeof HandshakeRequest>;

export const HandshakeResponse = z.object({
  /** HQ's last seq of this device (stored or stored-as-rejected): the desk re-sends everything above it. */
  ackedSeq: z.number().int().nonnegative(),
  hqTime: HqTime,
  /** Of the `rejected` ids asked about, those HQ now holds as accepted (a waiting event applied, a re-send taken). */
  settled: z.array(z.string()).optional(),
});
export type HandshakeResponse = z.infer<typeof HandshakeResponse>;

/** Which of these pictures HQ holds for the device's site; the desk uploads the others again. */
export const AttachmentsHeldRequest = z.object({
  schemaVersion: z.number().int().positive(),
  sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1000),
});
export type AttachmentsHeldRequest = z.infer<typeof AttachmentsHeldRequest>;

export const AttachmentsHeldResponse = z.object({ held: z.array(z.string()), hqTime: HqTime });
export type AttachmentsHeldResponse = z.infer<typeof AttachmentsHeldResponse>;

/** A leader asks HQ to judge one of this desk's rejected events again, after HQ's data was fixed (hq/src/store/resend.ts). */
export const ResendRequest = z.object({ schemaVersion: z.number().int().positive(), eventId: id });
export type ResendRequest = z.infer<typeof ResendRequest>;

export const ResendResponse = z.object({
  eventId: z.string(),
  /** accepted: ok with the site's next version; waiting: it names a record HQ lacks; held: for HQ's administrator; rejected: again, for `reason`. */
  outcome: z.enum(['accepted', 'waiting', 'held', 'rejected']),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  hqTime: HqTime,
});
export type ResendResponse = z.infer<typeof ResendResponse>;

export const SYNC_ERRORS = [
  'bad_request',
  'unauthorized',
  'revoked',
  'forbidden_site',
  'forged_device',
  'payload_too_large',
  'upgrade_required',
  'cursor_too_old',
  'code_invalid',
  'code_mismatch',
  'device_code_taken',
  // Enrolment refusals of HQ-assigned identities (hq/src/store/enroll.ts).
  'device_known',
  'replacement_mismatch',
  'replacement_behind',
  // A device id HQ has no record of (401): HQ may have been restored from a backup older than the desk.
  'unknown_device',
  // A re-send HQ will not judge again: not this device's rejected event, or a kind a re-send cannot fix (409).
  'not_resendable',
  'unavailable',
] as const;
export type SyncErrorCode = (typeof SYNC_ERRORS)[number];

export const SyncError = z.object({ error: z.enum(SYNC_ERRORS), message: z.string() });
export type SyncError = z.infer<typeof SyncError>;

/** Events that describe one desk and never travel to another desk of the site. */
export const LOCAL_ONLY_EVENTS: ReadonlySet<string> = new Set(['SiteConfigured']);

/**
 * A desk's health, reported with every handshake (no personal data: versions, counts, ages, codes; the last
 * error's text is masked at the desk). Sizes in bytes, ages and offsets in seconds / milliseconds.
 */
export const DeskHealth = z.object({
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().nonnegative(),
  os: z.string().max(120),
  freeDiskBytes: z.number().nonnegative().nullable(),
  lastError: z.object({ at: z.string().max(40), message: z.string().max(600) }).nullable(),
  queueDepth: z.number().int().nonnegative(),
  oldestWaitingSeconds: z.number().int().nonnegative().nullable(),
  clockOffsetMs: z.number().int().nullable(),
  printer: z.object({
    /** ok: the last job printed; failed: the last job failed; stuck: a job queued or printing for over 10 minutes; idle: none in 24 h. */
    status: z.enum(['ok', 'failed', 'stuck', 'idle']),
    failed24h: z.number().int().nonnegative(),
    queued: z.number().int().nonnegative(),
  }),
});
export type DeskHealth = z.infer<typeof DeskHealth>;
