import { compareVersions, parseVersion } from '../../shared/sync/version.js';
import type { UpdateFeed } from '../../shared/sync/updateFeed.js';

/**
 * The desk's update rules (issue 19) as plain functions: which release to take, and when it may be
 * installed. No Electron, no network: electron/update/updater.ts applies them, tests check them.
 */

/** Take the feed's release only when it is newer than this build (never a downgrade, never the same again). */
export function newerRelease(feed: Pick<UpdateFeed, 'version'>, appVersion: string): boolean {
  if (!parseVersion(appVersion)) return true; // a build without a version (a developer's) takes any release
  return compareVersions(feed.version, appVersion) > 0;
}

export type InstallRefusal = 'nothing_ready' | 'shift_open' | 'busy';

/**
 * Installing quits the app: only between shifts (no shift open on this desk: after the handover was
 * signed and before the next person takes over, or at start before the database is opened) and never
 * while a call is being handled (its transaction would be cut). Null: install now.
 */
export function installRefusal(s: { ready: boolean; shiftOpen: boolean; callsInFlight: number }): InstallRefusal | null {
  if (!s.ready) return 'nothing_ready';
  if (s.shiftOpen) return 'shift_open';
  if (s.callsInFlight > 0) return 'busy';
  return null;
}

/** Checks: at start and every few hours (the "every few hours"); a failed check retries sooner. */
export const CHECK_EVERY_MS = 4 * 3600_000;
export const RETRY_AFTER_FAILURE_MS = 30 * 60_000;
