import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * One desk day for every feature: the site's calendar and clock, whatever time zone the PC is set to.
 * Pass numbers, receipt days, deny-list expiry, deadlines, printouts and the screens all read time here.
 */
export const DEFAULT_SITE_TIME_ZONE = 'Asia/Shanghai';

// Asked before every desk call (the site's zone from the settings): building a formatter each time cost
// ~0.2 ms a call, so a zone found good is remembered (the runtime's zones, a bounded set; a name found
// wrong is checked again, so typed input cannot grow the set).
const knownZones = new Set<string>();

/**
 * An IANA Area/Location name the runtime knows ('Asia/Shanghai'), or 'UTC'. Offsets and abbreviations
 * are refused even where the runtime takes them: 'CST' is China to a receptionist and Chicago to ICU.
 */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  const ok = (zone === 'UTC' || /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone)) && runtimeKnows(zone);
  if (ok) knownZones.add(zone);
  return ok;
}

function runtimeKnows(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// The site's zone in force in this process: the backend sets it from the settings before each call,
// the renderer from the session; one site per process, so one zone.
let siteZone = DEFAULT_SITE_TIME_ZONE;

export function setDeskZone(zone: string | undefined): void {
  if (zone && isTimeZone(zone)) siteZone = zone;
}

export const deskZone = (): string => siteZone;

// The desk's clock correction to HQ's in this process (the renderer sets it from the sync status; the
// backend stamps with its own corrected clock and passes instants): "now" below reads the corrected clock.
let clockOffsetMs = 0;

export function setDeskClockOffset(ms: number | null | undefined): void {
  clockOffsetMs = ms !== null && ms !== undefined && Number.isFinite(ms) ? ms : 0;
}

/** Now on the desk's corrected clock, in epoch ms. */
export const deskNowMs = (): number => Date.now() + clockOffsetMs;

type Instant = string | number | Date | Dayjs;

/**
 * An instant (now when omitted) on the site's clock: format, startOf('day') and add work in the site's zone.
 * A missing or unreadable instant stays an invalid dayjs, as dayjs(null) is.
 */
export function deskTime(at?: Instant | null, zone = siteZone): Dayjs {
  const d = at === undefined ? dayjs(deskNowMs()) : dayjs(at);
  if (!d.isValid()) return d;
  const key = `${d.valueOf()} ${zone}`;
  const seen = recentlyZoned.get(key);
  if (seen) return seen;
  const zoned = d.tz(zone);
  if (recentlyZoned.size >= 16) recentlyZoned.clear();
  recentlyZoned.set(key, zoned);
  return zoned;
}

// dayjs's `tz()` costs ~0.2 ms (it formats and parses the instant through Intl), and one desk call asks for
// the same instant several times (its day for the pass number, the deny list, the shift). Dayjs values are
// immutable, so the few instants asked for last are kept and handed out again.
const recentlyZoned = new Map<string, Dayjs>();

/** A site wall-clock text without offset ('2026-11-22', '2026-11-22 09:30') as the instant it names at the site. */
export const deskDate = (text: string, zone = siteZone): Dayjs => dayjs.tz(text, zone);

/** The site's calendar date of an instant (today when omitted), YYYY-MM-DD. */
export const deskDay = (at?: Instant, zone = siteZone): string => deskTime(at, zone).format('YYYY-MM-DD');

/** The site's calendar date as document numbers write it, YYYYMMDD (a visitor pass, a ticket, a mail item). */
export const deskDayCode = (at?: Instant, zone = siteZone): string => deskTime(at, zone).format('YYYYMMDD');

/** The first instant of the site's calendar day of an instant. */
export const deskDayStart = (at?: Instant, zone = siteZone): Date => deskTime(at, zone).startOf('day').toDate();

/** The first instant of a site calendar date and of the day after it: the bounds of a date search. */
export const deskDayBounds = (day: string, zone = siteZone): { fromIso: string; toIso: string } => {
  const from = deskDate(day, zone);
  return { fromIso: from.toISOString(), toIso: deskDate(from.add(36, 'hour').format('YYYY-MM-DD'), zone).toISOString() };
};

/** A month `YYYY-MM` as the site's calendar bounds: its first instant and the next month's (desk and HQ reports). */
export function monthBounds(month: string, zone = siteZone): { fromIso: string; toIso: string } {
  const [y = NaN, m = NaN] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { fromIso: deskDate(`${month}-01`, zone).toISOString(), toIso: deskDate(`${next}-01`, zone).toISOString() };
}

/** Minutes the site's clock is ahead of UTC at an instant (DST-aware). */
export const zoneOffsetMinutes = (zone: string, at: Instant = new Date()): number => dayjs(at).tz(zone).utcOffset();

/** This machine's own zone, as the OS reports it. */
export const machineZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The machine's clock reads differently from the site's now (a zone alias on the same clock is not a difference). */
export const machineZoneDiffers = (zone = siteZone, at: Instant = new Date()): boolean =>
  -new Date(dayjs(at).valueOf()).getTimezoneOffset() !== zoneOffsetMinutes(zone, at);
