import dayjs from 'dayjs';

/** Local wall-clock time as printed and shown at the desk. */
export const fmtDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('HH:mm') : '');
