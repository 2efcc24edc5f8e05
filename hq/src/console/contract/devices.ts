import { z } from 'zod';
import { read, write } from './define.js';
import { DEVICE_CODE } from '../../../../shared/domain/numbering.js';
import { Conflict } from '../../../../shared/api/conflictSchemas.js';

const SiteId = z.string().min(1).max(100);
const DeviceId = z.string().min(1, { message: 'devices.err.device' }).max(100, { message: 'devices.err.device' });
/** Words a person types (a reason, a note): required, trimmed, bounded. */
const Words = (max: number) =>
  z
    .string({ message: 'devices.err.required' })
    .trim()
    .min(1, { message: 'devices.err.required' })
    .max(max, { message: 'devices.err.tooLong' });

export const SiteInput = z.strictObject({ siteId: SiteId });

/** One desk of the site as HQ last heard from it (devices table, its health report, its pushes). */
export const DeviceRow = z.strictObject({
  id: z.string(),
  code: z.string(),
  state: z.enum(['active', 'revoked']),
  /** Not revoked and heard from within a day (the CLI's SILENT > 1 day; never heard from is not online). */
  online: z.boolean(),
  enrolledAt: z.string(),
  lastSeenAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  /** Desk clock minus HQ's at its last push, in ms; `clockFlagged` over HQ's limit. */
  clockOffsetMs: z.number().nullable(),
  clockFlagged: z.boolean(),
  /** Records waiting at the desk to be sent, from its last health report. */
  waiting: z.number().nullable(),
  /** The desk code of the device this one replaced. */
  replaces: z.string().nullable(),
  /** The device that replaced this one (then it cannot be replaced again; its successor can). */
  replacedBy: z.string().nullable(),
});
export const DeviceList = z.array(DeviceRow);

export const IssueCodeInput = z.strictObject({
  siteId: SiteId,
  deviceCode: z
    .string({ message: 'devices.err.required' })
    .trim()
    .toUpperCase()
    .min(1, { message: 'devices.err.required' })
    .regex(DEVICE_CODE, { message: 'devices.err.deviceCode' }),
});
/** Shown once: HQ keeps it, but never lists it again. */
export const IssuedCode = z.strictObject({ code: z.string(), deviceCode: z.string(), expiresAt: z.string() });

export const ReplaceInput = z.strictObject({ siteId: SiteId, deviceId: DeviceId });
export const RevokeInput = z.strictObject({ siteId: SiteId, deviceId: DeviceId, reason: Words(300) });

/** An event of the site HQ refused, in what the page words: the record it was about, never its payload. */
export const RejectionRow = z.strictObject({
  eventId: z.string(),
  deskCode: z.string(),
  type: z.string(),
  reason: z.string(),
  receivedAt: z.string(),
  identity: z.strictObject({ kind: z.string(), label: z.string() }).nullable(),
  /** A kind the desk may re-send once HQ's data is right (shared/sync/resend.ts). */
  resendable: z.boolean(),
  /** What HQ's administrator wrote when refusing a held change. */
  hqNote: z.string().nullable(),
});

/** The newest rejections the page shows (each is named by a look-up); `total` says how many there are. */
export const REJECTIONS_SHOWN = 200;

export const ConflictsInput = z.strictObject({ siteId: SiteId, includeResolved: z.boolean().optional() });
export const ResolveInput = z.strictObject({ siteId: SiteId, conflictId: z.string().min(1).max(300), note: Words(500) });

/**
 * A site's devices, and what HQ refused or found in conflict there (issue 21 item 3). Everyone reads;
 * only the HQ admin enrols, replaces and revokes desks (the trust the issue "HQ trusts a desk only as far
 * as that desk's own work" gives them); conflicts are closed by those who follow them up.
 */
export const devicesProcs = {
  'devices.list': read(SiteInput, DeviceList),
  'devices.issueCode': write(IssueCodeInput, IssuedCode, ['admin']),
  'devices.replace': write(ReplaceInput, IssuedCode, ['admin']),
  'devices.revoke': write(RevokeInput, z.strictObject({ revokedAt: z.string() }), ['admin']),
  'devices.rejected': read(SiteInput, z.strictObject({ total: z.number(), rows: z.array(RejectionRow) })),
  'devices.conflicts': read(ConflictsInput, z.array(Conflict)),
  'devices.resolveConflict': write(ResolveInput, z.strictObject({}), ['admin', 'finance', 'service']),
};
