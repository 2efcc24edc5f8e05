/**
 * Clock rules between desks and HQ (docs/sync-protocol.md, "Clocks"). HQ's clock is the site's reference:
 * every sync answer carries it, the desk keeps its offset and stamps business times with the corrected
 * clock; no HLC more than HLC_MAX_AHEAD_MS ahead of HQ's time is accepted at HQ or adopted at a desk.
 */

/** How far ahead of HQ's clock an HLC may be: HQ rejects beyond it, desks do not adopt beyond it. */
export const HLC_MAX_AHEAD_MS = 10 * 60_000;

/** A desk clock off from HQ's by more than this is shown to the receptionist (status bar, sync page). */
export const CLOCK_WARN_MS = 2 * 60_000;

/**
 * HQ's clock minus the desk's, from one request: HQ's stamp is taken as the midpoint of the round trip
 * (sent at `sentMs`, answered at `answeredMs`, both on the desk's clock), so network time is halved
 * out of the estimate instead of counted as drift.
 */
export function measureOffset(sentMs: number, answeredMs: number, hqMs: number): number {
  return Math.round(hqMs - (sentMs + answeredMs) / 2);
}

/** The desk clock, corrected to HQ's by the last known offset (none known: the desk's clock as is). */
export const correctedMs = (deskMs: number, offsetMs: number | null): number => deskMs + (offsetMs ?? 0);

export const clockOff = (offsetMs: number | null): boolean => offsetMs !== null && Math.abs(offsetMs) > CLOCK_WARN_MS;

/** An HLC wall time HQ must refuse: more than the allowance ahead of HQ's clock, or no time at all. */
export function hlcTooFarAhead(wallMs: number, hqNowMs: number): boolean {
  return !Number.isFinite(wallMs) || wallMs > hqNowMs + HLC_MAX_AHEAD_MS;
}

/**
 * A closing time never before the opening one: a check-out stamped by a desk whose clock was behind
 * the check-in desk's is taken as happening at the check-in (a visitor who left is checked out; a
 * negative stay is impossible). ISO-8601 instants in, the later one out, as given.
 */
export function notBefore(at: string, openedAt: string): string {
  const a = Date.parse(at);
  const o = Date.parse(openedAt);
  return Number.isFinite(a) && Number.isFinite(o) && a < o ? openedAt : at;
}
