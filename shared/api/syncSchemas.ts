import { z } from 'zod';
import { hqAddressAllowed, normalizeFingerprint } from '../sync/fingerprint.js';

/**
 * The desk's update from HQ (issue 19): idle (nothing newer), downloading, ready (downloaded and
 * verified: installs after the handover or at restart), failed (the check or download, with why).
 */
export const DeskUpdateStatus = z.object({
  state: z.enum(['idle', 'downloading', 'ready', 'failed']),
  version: z.string().nullable(),
  channel: z.string().nullable(),
  checkedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type DeskUpdateStatus = z.infer<typeof DeskUpdateStatus>;

/** What the status bar and the sync page show about HQ sync. */
export const SyncStatus = z.object({
  enrolled: z.boolean(),
  hqUrl: z.string().nullable(),
  online: z.boolean(),
  waiting: z.number().int(),
  oldestWaitingAt: z.string().nullable(),
  /** Photos and signatures whose bytes have not reached HQ yet. */
  attachmentsWaiting: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  rejections: z.number().int(),
  /** Pulled events this build cannot apply yet (a newer desk build wrote them), by type and version. */
  parked: z.array(z.object({ type: z.string(), v: z.number().int(), reason: z.string(), count: z.number().int() })),
  /**
   * HQ's clock minus this desk's (null before any answer from HQ), when it was measured, and the desk's
   * corrected time now: screens show and compare times on the corrected clock.
   */
  clock: z.object({ offsetMs: z.number().nullable(), measuredAt: z.string().nullable(), now: z.string() }),
  /** This build's version and its update from HQ (absent where no updater runs). */
  appVersion: z.string().optional(),
  update: DeskUpdateStatus.optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const EnrollInput = z.object({
  hqUrl: z
    .string()
    .trim()
    .min(1, 'err.required')
    .max(200)
    .refine((u) => /^https?:\/\/[^\s/]+/.test(u), 'err.sync.url')
    // The device secret never crosses a wire in clear text: plain http only to this PC itself.
    .refine((u) => !/^https?:\/\/[^\s/]+/.test(u) || hqAddressAllowed(u), 'err.sync.insecureUrl'),
  code: z
    .string()
    .trim()
    .min(1, 'err.required')
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, 'err.sync.code'),
  /** HQ's certificate fingerprint as HQ printed it (empty: an HQ with a public certificate, or loopback). */
  fingerprint: z
    .string()
    .trim()
    .max(120)
    .refine((f) => f === '' || normalizeFingerprint(f) !== null, 'err.sync.fingerprint')
    .default(''),
});

export const SyncRejection = z.object({
  eventId: z.string(),
  deviceSeq: z.number().int(),
  type: z.string(),
  reason: z.string(),
  detail: z.string(),
  receivedAt: z.string(),
});
export type SyncRejection = z.infer<typeof SyncRejection>;
