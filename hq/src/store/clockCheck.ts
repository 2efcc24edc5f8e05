import { decodeHlc } from '../../../shared/domain/hlc.js';
import { HLC_MAX_AHEAD_MS, hlcTooFarAhead } from '../../../shared/domain/clock.js';

/**
 * An event stamped too far in HQ's future is refused (stored as rejected, acknowledged): accepted, its
 * HLC would win every "latest wins" rule and hold every desk's clock in the future.
 */
export function hlcAheadRejection(hlc: string, hqNow: Date): { reason: string; detail: string } | null {
  const { wallMs } = decodeHlc(hlc);
  if (!hlcTooFarAhead(wallMs, hqNow.getTime())) return null;
  const at = Number.isFinite(wallMs) && Math.abs(wallMs) < 8.64e15 ? new Date(wallMs).toISOString() : hlc;
  return {
    reason: 'hlc_ahead',
    detail: `HLC ${at} is more than ${HLC_MAX_AHEAD_MS / 60_000} minutes ahead of HQ's clock (${hqNow.toISOString()})`,
  };
}
