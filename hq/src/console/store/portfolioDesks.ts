import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { listDevices } from '../../store/admin.js';
import { healthOfSite, isSilent } from '../../store/deviceHealth.js';
import { driftFlagged } from '../../store/push.js';
import { firstRow } from '../../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

/** A site's desks as `hq devices` sees them, folded into one portfolio cell. */
export interface SiteDesks {
  /** Desks not revoked: those a site runs on. */
  active: number;
  online: number;
  silent: number;
  /** The latest contact of any of its desks (push, handshake or health report). */
  lastSeenAt: string | null;
  /** The app versions its desks run (said at the handshake, else in the health report), sorted. */
  versions: string[];
  /** Desk clock minus HQ clock at the last push, the desk furthest off; flagged as `hq devices` flags it. */
  clockOffsetMs: number | null;
  clockFlagged: boolean;
  /** Records queued at the desks that their last health reports said and no push has brought since. */
  deskQueue: number;
  /** When the oldest of them was written (report time minus its age): the desk side of "oldest waiting". */
  deskOldestAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const min = (a: number | null, b: number) => (a === null || b < a ? b : a);

/**
 * The desks of one site: online or silent by the rule of `hq devices` (isSilent), their versions, the
 * clock drift HQ measured at their pushes and the queues their health reports describe.
 */
export async function siteDesks(db: Db, siteId: string, now: Date): Promise<SiteDesks> {
  const [devices, health] = await Promise.all([listDevices(db, siteId), healthOfSite(db, siteId)]);
  const out: SiteDesks = {
    active: 0,
    online: 0,
    silent: 0,
    lastSeenAt: null,
    versions: [],
    clockOffsetMs: null,
    clockFlagged: false,
    deskQueue: 0,
    deskOldestAt: null,
  };
  const versions = new Set<string>();
  let lastSeen: number | null = null;
  let oldest: number | null = null;
  for (const d of devices) {
    if (d.revoked_at) continue;
    const h = health.get(d.id);
    out.active++;
    if (isSilent(d, h?.reportedAt, now)) out.silent++;
    else out.online++;
    const seen = Math.max(d.last_seen_at?.getTime() ?? 0, h?.reportedAt.getTime() ?? 0);
    if (seen > 0 && (lastSeen === null || seen > lastSeen)) lastSeen = seen;
    const version = d.app_version ?? h?.health.appVersion;
    if (version) versions.add(version);
    if (d.drift_ms !== null && (out.clockOffsetMs === null || Math.abs(d.drift_ms) > Math.abs(out.clockOffsetMs)))
      out.clockOffsetMs = d.drift_ms;
    if (driftFlagged(d.drift_ms)) out.clockFlagged = true;
    // A report followed by a push: what it counted went in that push (the next round reports afresh). A report
    // with no push after it (the push failed, HQ too old for the desk) is what still waits at the desk.
    if (h && h.reportedAt.getTime() > (d.last_seen_at?.getTime() ?? 0)) {
      out.deskQueue += h.health.queueDepth;
      if (h.health.oldestWaitingSeconds !== null)
        oldest = min(oldest, h.reportedAt.getTime() - h.health.oldestWaitingSeconds * 1000);
    }
  }
  out.lastSeenAt = iso(lastSeen);
  out.deskOldestAt = iso(oldest);
  out.versions = [...versions].sort();
  return out;
}

/** What waits at HQ for a record it does not hold yet (store/waiting.ts): how many, and since when the oldest. */
export async function waitingAtHq(db: Db, siteId: string): Promise<{ count: number; oldestAt: string | null }> {
  const { rows } = await sql<{ n: string; oldest: Date | null }>`
    SELECT count(*) AS n, min(since) AS oldest FROM waiting_events WHERE site_id = ${siteId}`.execute(db);
  const r = firstRow(rows, 'events waiting at HQ');
  return { count: Number(r.n), oldestAt: r.oldest ? new Date(r.oldest).toISOString() : null };
}
