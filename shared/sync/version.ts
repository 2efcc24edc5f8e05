import semver from 'semver';

/**
 * The desk database schema version this build's HQ speaks: the desk's SCHEMA_VERSION (its migration
 * count). hq/ may not import db/, so the number lives here; test/faults/syncEdges.test.ts fails when
 * a desk migration is added without bumping it.
 */
export const DESK_SCHEMA_VERSION = 17;

/**
 * The desks this build's HQ syncs with (issue 19): a declared window, not "this schema and the one
 * before". A migration alone never moves the floor: desks write events with a version each, HQ keeps
 * what it does not know yet waiting and the desk parks what it cannot apply, so an older desk's
 * messages stay readable. The floor is raised only by a wire change an older desk cannot follow, and
 * the reason is written next to it (docs/decisions.md, issue 19).
 */
export const DESK_COMPATIBILITY = {
  /** 15 (`015_id_hashes`): the first window, the desks that were current when releases began to come from HQ. */
  minSchemaVersion: 15,
  /** A desk newer than HQ is refused: HQ is updated first (it is where desks get their releases). */
  maxSchemaVersion: DESK_SCHEMA_VERSION,
  /** The oldest desk app (semver) HQ syncs with; a desk that does not say its version is judged by schema alone. */
  minAppVersion: '0.1.0',
} as const;

export type DeskCompatibility = { minSchemaVersion: number; maxSchemaVersion: number; minAppVersion: string };

/** A version `1.2.3` or `1.2.3-pilot.4` (semver, a leading `v` allowed), normalised; null when it is not one. */
export const parseVersion = (v: string): string | null => semver.valid(semver.clean(v));

/** Semver order: negative when a < b, 0 when equal, positive when a > b (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  if (!x || !y) throw new Error(`Not a version: ${!x ? a : b}`);
  return semver.compare(x, y);
}

/**
 * Why HQ refuses a desk (null: inside the window), in the words the desk shows and logs: what is wrong
 * and what to do. `appVersion` is absent from desks that do not send it.
 */
export function outsideWindow(window: DeskCompatibility, schemaVersion: number, appVersion?: string): string | null {
  const range = `desk schema ${window.minSchemaVersion}–${window.maxSchemaVersion}, app ${window.minAppVersion} or newer`;
  if (schemaVersion > window.maxSchemaVersion)
    return `This desk (schema ${schemaVersion}) is newer than HQ, which accepts ${range}: update HQ first; the desk keeps its records queued.`;
  if (schemaVersion < window.minSchemaVersion)
    return `This desk (schema ${schemaVersion}) is too old for HQ, which accepts ${range}: install the current desk release (HQ serves it at /updates/, or from the installer); the desk keeps its records queued.`;
  const app = appVersion && parseVersion(appVersion) ? appVersion : null;
  if (app && compareVersions(app, window.minAppVersion) < 0)
    return `This desk (app ${app}) is too old for HQ, which accepts ${range}: install the current desk release (HQ serves it at /updates/, or from the installer); the desk keeps its records queued.`;
  return null;
}
