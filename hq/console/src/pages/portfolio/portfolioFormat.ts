import type { TFunction } from 'i18next';
import type { ConsoleOutput } from '../../../../src/console/contract/index';
import { deskTime } from '../../../../../shared/domain/deskTime';

export type PortfolioRow = ConsoleOutput<'portfolio.list'>[number];

/** A span in words of the user's language: seconds under a minute, minutes under an hour, else hours. */
export function spanText(t: TFunction, ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return t('portfolio.span.seconds', { n: s });
  if (s < 3600) return t('portfolio.span.minutes', { n: Math.round(s / 60) });
  return t('portfolio.span.hours', { n: Math.round(s / 3600) });
}

/** Desk clock minus HQ's: "fast 7 min" / "slow 30 s", a dash when no desk has pushed yet. */
export function clockText(t: TFunction, ms: number | null): string {
  if (ms === null) return '—';
  if (Math.abs(ms) < 1000) return t('portfolio.clock.inStep');
  return t(ms > 0 ? 'portfolio.clock.ahead' : 'portfolio.clock.behind', { span: spanText(t, ms) });
}

/** The earliest of two instants (ISO strings compare in time order), or null. */
export const earliest = (a: string | null, b: string | null): string | null => (a && b ? (a < b ? a : b) : (a ?? b));

/** For sorting: a rate (per mille) with "nothing due" last. */
export const rateKey = (p: number | null) => (p === null ? -1 : p);

/** An instant on the site's clock, short for a table cell (`MM-DD HH:mm`; the year is this one's or the last). */
export const shortTime = (iso: string, zone: string): string => deskTime(iso, zone).format('MM-DD HH:mm');
