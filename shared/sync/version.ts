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

/** A version `1.2.3` or `1.2.3-pilot.4` as numbers and its pre-release part; null when it is not one. */
export function parseVersion(v: string): { nums: [number, number, number]; pre: string[] } | null {
  const m = /^v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return null;
  return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

/** Semver order: negative when a < b, 0 when equal, positive when a > b (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`Not a version: ${!x ? a : b}`);
  for (const i of [0, 1, 2] as const) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (const [i, p] of x.pre.entries()) {
    const q = y.pre[i];
    if (q === undefined) break; // y's pre-release is a prefix of x's: the longer sorts after
    if (p === q) continue;
    const [pn, qn] = [/^\d+$/.test(p), /^\d+$/.test(q)];
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return x.pre.length - y.pre.length;
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
