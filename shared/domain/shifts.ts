import { deskDate, deskTime } from './deskTime.js';

/**
 * Shift patterns are configuration (settings → shiftPatterns). The default is the seed's rota:
 * A 09:00–17:00, B 12:00–20:00, C 20:00–22:00 on call from home.
 */
export interface ShiftPattern {
  code: string;
  start: string; // HH:mm on the site's clock (deskTime)
  end: string; // HH:mm; an end before the start runs past midnight
  onCall: boolean;
}

export const DEFAULT_SHIFT_PATTERNS: ShiftPattern[] = [
  { code: 'A', start: '09:00', end: '17:00', onCall: false },
  { code: 'B', start: '12:00', end: '20:00', onCall: false },
  { code: 'C', start: '20:00', end: '22:00', onCall: true },
];

/** A shift still open this long after its planned end was left open: someone went home. */
export const STALE_AFTER_MINUTES = 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a shift of this pattern opened at `opened` is planned to end, in the desk's local time
 * (a shift opened late still ends at its pattern's end; an overnight pattern ends the next day).
 */
export function plannedEnd(pattern: ShiftPattern, opened: Date): Date {
  const day = deskTime(opened);
  const end = deskDate(`${day.format('YYYY-MM-DD')} ${pattern.end}`);
  // Opened after today's end, or an overnight pattern: the end is the next one on the clock.
  if (end.valueOf() > opened.getTime()) return end.toDate();
  return deskDate(`${day.add(1, 'day').format('YYYY-MM-DD')} ${pattern.end}`).toDate();
}

/** The pattern whose hours contain `now` (the latest-starting one), to preselect at opening. */
export function patternAt(patterns: ShiftPattern[], now: Date): ShiftPattern | undefined {
  const m = deskTime(now).hour() * 60 + deskTime(now).minute();
  const inside = patterns.filter((p) => {
    const s = minutesOf(p.start);
    const e = minutesOf(p.end);
    return s < e ? m >= s && m < e : m >= s || m < e;
  });
  return inside.sort((a, b) => minutesOf(b.start) - minutesOf(a.start))[0] ?? patterns[0];
}

/**
 * The instant a shift left open lapses: its planned end plus the grace. From then on it is nobody's
 * shift (its own members included) and it is closed unsigned as of this instant, whoever notices and
 * whenever, so every desk records the same close.
 */
export const lapsesAt = (plannedEndIso: string): string =>
  new Date(new Date(plannedEndIso).getTime() + STALE_AFTER_MINUTES * 60_000).toISOString();

export function isStale(plannedEndIso: string, now: Date): boolean {
  return now.getTime() > Date.parse(lapsesAt(plannedEndIso));
}
