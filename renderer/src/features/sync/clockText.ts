import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../../shared/api/syncSchemas';
import { clockOff } from '../../../../shared/domain/clock';
import { setDeskClockOffset } from '../../../../shared/domain/deskTime';

/** How far off, in whole minutes or hours and minutes. */
function driftAmount(t: TFunction, ms: number): string {
  const min = Math.round(Math.abs(ms) / 60_000);
  if (min < 60) return t('status.driftMinutes', { count: min });
  return t('status.driftHours', { h: Math.floor(min / 60), m: min % 60 });
}

/**
 * The warning for a desk clock off from HQ's by more than the allowance (`short`: the status bar's
 * wording); null while in step or never synced.
 */
export function clockWarning(t: TFunction, offsetMs: number | null, short = false): string | null {
  if (!clockOff(offsetMs)) return null;
  // The offset is HQ minus desk: positive means the desk is behind.
  const key = offsetMs! > 0 ? 'status.clockBehind' : 'status.clockAhead';
  return t(short ? `${key}Short` : key, { amount: driftAmount(t, offsetMs!) });
}

/**
 * This screen reads "now" on the backend's corrected clock: the difference between the backend's
 * corrected time and this screen's clock (the same PC under Electron, another in desk-server mode).
 * Before any answer from HQ the screen keeps its own clock.
 */
export function adoptDeskClock(sync: SyncStatus | undefined): void {
  if (!sync) return;
  setDeskClockOffset(sync.clock.offsetMs === null ? 0 : Date.parse(sync.clock.now) - Date.now());
}
