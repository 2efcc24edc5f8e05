import type { Kysely } from 'kysely';
import { DeskHealth } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';

type Db = Kysely<HqDatabase>;

/** A desk that has not called HQ for this long is flagged by `hq devices`. */
export const SILENT_AFTER_MS = 24 * 3600_000;

/** Keeps a desk's latest health report (one row per device). */
export async function recordHealth(db: Db, siteId: string, deviceId: string, health: DeskHealth, now: Date): Promise<void> {
  const row = { reported_at: now.toISOString(), health: JSON.stringify(health) };
  await db
    .insertInto('device_health')
    .values({ site_id: siteId, device_id: deviceId, ...row })
    .onConflict((oc) => oc.columns(['site_id', 'device_id']).doUpdateSet(row))
    .execute();
}

/** Each device's latest health report, by device id (a report that no longer parses is left out). */
export async function healthOfSite(db: Db, siteId: string): Promise<Map<string, { reportedAt: Date; health: DeskHealth }>> {
  const rows = await db
    .selectFrom('device_health')
    .select(['device_id', 'reported_at', 'health'])
    .where('site_id', '=', siteId)
    .execute();
  const out = new Map<string, { reportedAt: Date; health: DeskHealth }>();
  for (const r of rows) {
    const h = DeskHealth.safeParse(r.health);
    if (h.success) out.set(r.device_id, { reportedAt: r.reported_at, health: h.data });
  }
  return out;
}

const mb = (bytes: number | null) => (bytes === null ? '-' : `${Math.round(bytes / 1024 / 1024)} MB`);
const age = (s: number | null) =>
  s === null ? '-' : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;

/** The health columns of one `hq devices` line. */
export function describeHealth(h: DeskHealth | undefined): string {
  if (!h) return 'health -';
  const printer = `${h.printer.status}${h.printer.failed24h ? ` (${h.printer.failed24h} failed 24 h)` : ''}${h.printer.queued ? ` (${h.printer.queued} queued)` : ''}`;
  return [
    `v${h.appVersion} (schema ${h.schemaVersion})`,
    h.os,
    `disk free ${mb(h.freeDiskBytes)}`,
    `queue ${h.queueDepth}${h.oldestWaitingSeconds !== null ? ` oldest ${age(h.oldestWaitingSeconds)}` : ''}`,
    `clock ${h.clockOffsetMs === null ? '-' : `${Math.round(h.clockOffsetMs / 1000)} s`}`,
    `printer ${printer}`,
    `last error ${h.lastError ? `${h.lastError.at} ${h.lastError.message}` : '-'}`,
  ].join('\t');
}

/** Silent: not revoked, and no push or handshake for over a day (counted from enrolment for a desk never heard from). */
export function isSilent(
  d: { enrolled_at: Date; last_seen_at: Date | null; revoked_at: Date | null },
  reportedAt: Date | undefined,
  now: Date,
): boolean {
  if (d.revoked_at) return false;
  const last = Math.max(d.enrolled_at.getTime(), d.last_seen_at?.getTime() ?? 0, reportedAt?.getTime() ?? 0);
  return now.getTime() - last > SILENT_AFTER_MS;
}
