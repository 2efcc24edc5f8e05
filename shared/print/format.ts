import { deskTime } from '../domain/deskTime.js';

/** Local wall-clock time as printed and shown at the desk. */
export const fmtDateTime = (iso: string | null | undefined): string => (iso ? deskTime(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtTime = (iso: string | null | undefined): string => (iso ? deskTime(iso).format('HH:mm') : '');

/** Money is kept in fen (分); shown and printed as yuan with two decimals, e.g. ¥1,280.50. */
export const fmtYuan = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
