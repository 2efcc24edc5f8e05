import type BetterSqlite3 from 'better-sqlite3';
import { deskTime, setDeskZone } from '../shared/domain/deskTime.js';
import { appendEvents, draft } from '../db/events.js';
import { getSiteIdentity } from '../db/meta.js';
import { keepStatistics } from '../db/open.js';
import { appliedCutoffs } from '../db/appliers/retention.js';
import { lastErasureId } from '../db/appliers/personErasure.js';
import type { RetentionCutoffs } from '../shared/domain/retention.js';
import type { Settings } from '../shared/api/schemas.js';
import type { Services } from './api/context.js';
import { backupDaily } from './backup.js';

/** Cutoffs for today: the start of the site's day, so every desk of the site computes the same instants. */
export function retentionCutoffs(settings: Settings, now: Date): RetentionCutoffs {
  const today = deskTime(now).startOf('day');
  const before = (days: number) => today.subtract(days, 'day').toISOString();
  return {
    visitsBefore: before(settings.visitRetentionDays),
    signaturesBefore: before(settings.signatureRetentionDays),
    logPhotosBefore: before(settings.logPhotoRetentionDays),
  };
}

/** The shortest retention: no backup may be older, or it would keep what the live database dropped. */
export const shortestRetentionDays = (s: Settings) =>
  Math.min(s.visitRetentionDays, s.signatureRetentionDays, s.logPhotoRetentionDays);

/**
 * The daily retention pass (个人信息保护). Writes one `RetentionApplied` when today's cutoffs are past
 * what this desk has applied — so the first desk of the site to run it today writes it, and a desk that
 * already pulled it writes nothing. Then the WAL is checkpointed and truncated: with `secure_delete`
 * the database pages no longer hold the dropped bytes, and the old WAL frames that did are gone.
 * Returns whether a pass was written.
 */
export async function applyRetention(services: Services, raw: BetterSqlite3.Database): Promise<boolean> {
  const site = await getSiteIdentity(services.db);
  if (!site) return false;
  const settings = await services.settings();
  setDeskZone(settings.siteTimeZone);
  const now = services.clock();
  const cutoffs = retentionCutoffs(settings, now);
  const had = await appliedCutoffs(services.db);
  const keys = Object.keys(cutoffs) as (keyof RetentionCutoffs)[];
  if (keys.every((k) => cutoffs[k] <= had[k])) {
    // Another desk's pass (or a person's erasure, any desk's) was applied here: its dropped bytes may
    // still sit in old WAL frames.
    truncateWalOnce(raw, JSON.stringify(had) + (await lastErasureId(services.db)));
    return false;
  }
  const events = await services.db
    .transaction()
    .execute((trx) =>
      appendEvents(trx, { siteId: site.siteId, deviceId: site.deviceId, actor: 'system', now }, [
        draft('RetentionApplied', cutoffs),
      ]),
    );
  truncateWalOnce(raw, JSON.stringify(await appliedCutoffs(services.db)) + (await lastErasureId(services.db)));
  services.afterWrite(events);
  services.notify({ kind: 'visits-changed' });
  return true;
}

const truncatedFor = new WeakMap<BetterSqlite3.Database, string>();

/** Once per applied set of cutoffs (the sweep runs every minute): checkpoint and empty the WAL file. */
function truncateWalOnce(raw: BetterSqlite3.Database, applied: string): void {
  if (truncatedFor.get(raw) === applied) return;
  const [result] = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  // A reader held the WAL (a backup being copied): the next minute's sweep tries again.
  if (result?.busy === 0) truncatedFor.set(raw, applied);
}

/**
 * The daily run: the retention pass, then the backup, which keeps no copy older than the shortest
 * retention, then the planner's statistics.
 */
export async function dailyRetentionAndBackup(services: Services, raw: BetterSqlite3.Database, dataDir: string) {
  await applyRetention(services, raw);
  const settings = await services.settings();
  const made = await backupDaily(raw, dataDir, services.clock(), shortestRetentionDays(settings));
  if (made) keepStatistics(raw); // a day's changes reach the planner once a day
  return made;
}
