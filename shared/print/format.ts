import { deskTime } from '../domain/deskTime.js';

/** Local wall-clock time as printed and shown at the desk. */
export const fmtDateTime = (iso: string | null | undefined): string => (iso ? deskTime(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtTime = (iso: string | null | undefined): string => (iso ? deskTime(iso).format('HH:mm') : '');

/** Money is kept in fen (分); shown and printed as yuan with two decimals, e.g. ¥1,280.50. */
export const fmtYuan = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * A difference of money (a drawer variance, a reversal) as shown on screen and on paper alike:
 * `−¥5.06` with the true minus sign (U+2212, which does not break from its number and reads as minus
 * in every font), `+¥5.06` over, `¥0.00` when it balances.
 */
export const fmtSignedYuan = (fen: number): string => (fen < 0 ? '\u2212' : fen > 0 ? '+' : '') + fmtYuan(Math.abs(fen));
