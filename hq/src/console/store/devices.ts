import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HqDatabase } from '../../pg/schema.js';
import { REJECTIONS_SHOWN, type DeviceRow, type RejectionRow } from '../contract/devices.js';
import { ConsoleError } from '../contract/errors.js';
import { listDevices, listRejected } from '../../store/admin.js';
import { ENROLL_CODE_TTL_MS, siteOfDevice } from '../../store/auth.js';
import { healthOfSite, isSilent } from '../../store/deviceHealth.js';
import { resendable } from '../../../../shared/sync/resend.js';
import { identityAtHq } from './rejectionIdentity.js';

type Db = Kysely<HqDatabase>;

/** The site's devices as the CLI's `devices` lists them, in the console's fields. */
export async function siteDevices(db: Db, siteId: string, now: Date): Promise<z.input<typeof DeviceRow>[]> {
  const [devices, health] = await Promise.all([listDevices(db, siteId), healthOfSite(db, siteId)]);
  const codeOf = new Map(devices.map((d) => [d.id, d.code]));
  const successorOf = new Map(devices.filter((d) => d.replaces).map((d) => [d.replaces!, d.id]));
  return devices.map((d) => {
    const h = health.get(d.id);
    const seen = Math.max(d.last_seen_at?.getTime() ?? 0, h?.reportedAt.getTime() ?? 0);
    return {
      id: d.id,
      code: d.code,
      state: d.revoked_at ? 'revoked' : 'active',
      // Heard from within the day: a desk enrolled but never heard from is not called online.
      online: !d.revoked_at && seen > 0 && !isSilent(d, h?.reportedAt, now),
      enrolledAt: d.enrolled_at.toISOString(),
      lastSeenAt: seen ? new Date(seen).toISOString() : null,
      appVersion: d.app_version ?? h?.health.appVersion ?? null,
      clockOffsetMs: d.drift_ms ?? h?.health.clockOffsetMs ?? null,
      clockFlagged: d.driftFlagged,
      waiting: h?.health.queueDepth ?? null,
      replaces: d.replaces ? (codeOf.get(d.replaces) ?? null) : null,
      replacedBy: successorOf.get(d.id) ?? null,
    };
  });
}

/**
 * The device, if it is this site's. A device of another site (a forged id, or a stale page after a
 * parallel request) is `not_found` like one that does not exist: a user learns nothing of other sites.
 */
export async function deviceOfSite(db: Db, siteId: string, deviceId: string) {
  const at = await siteOfDevice(db, deviceId);
  const device = at === siteId ? (await listDevices(db, siteId)).find((d) => d.id === deviceId) : undefined;
  if (!device) throw new ConsoleError('not_found', 'devices.err.noDevice');
  return device;
}

/** When a code just issued stops working (enroll.ts refuses it after ENROLL_CODE_TTL_MS). */
export async function codeExpiry(db: Db, code: string): Promise<string> {
  const row = await db.selectFrom('enroll_codes').select('created_at').where('code', '=', code).executeTakeFirstOrThrow();
  return new Date(row.created_at.getTime() + ENROLL_CODE_TTL_MS).toISOString();
}

/** What the administrator wrote when refusing a held change, as the desk shows it (electron conflicts handler). */
const hqNote = (reason: string, detail: string | null) =>
  reason === 'refused_at_hq' && detail ? detail.replace(/^refused at HQ: /, '') : null;

/** The CLI's `rejected`, newest first (the newest REJECTIONS_SHOWN), each with the record it was about instead of its payload. */
export async function siteRejections(db: Db, siteId: string): Promise<{ total: number; rows: z.input<typeof RejectionRow>[] }> {
  const [rows, devices] = await Promise.all([listRejected(db, siteId), listDevices(db, siteId)]);
  const codeOf = new Map(devices.map((d) => [d.id, d.code]));
  const out = [];
  for (const r of rows.reverse().slice(0, REJECTIONS_SHOWN)) {
    const reason = r.reject_reason ?? '';
    const payload = r.payload && typeof r.payload === 'object' ? (r.payload as Record<string, unknown>) : {};
    out.push({
      eventId: r.id,
      deskCode: codeOf.get(r.device_id) ?? '',
      type: r.type,
      reason,
      receivedAt: r.received_at.toISOString(),
      identity: await identityAtHq(db, siteId, payload),
      resendable: resendable(reason),
      hqNote: hqNote(reason, r.reject_detail),
    });
  }
  return { total: rows.length, rows: out };
}
