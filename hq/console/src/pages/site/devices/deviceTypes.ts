import type { ConsoleOutput } from '../../../../../src/console/contract/index';

export type DeviceRow = ConsoleOutput<'devices.list'>[number];
export type IssuedCode = ConsoleOutput<'devices.issueCode'>;
export type RejectionRow = ConsoleOutput<'devices.rejected'>['rows'][number];
export type SiteConflict = ConsoleOutput<'devices.conflicts'>[number];

/** Times as the HQ user reads them, on their browser's clock (YYYY-MM-DD HH:mm). */
export const timeText = (iso: string | null) => (iso ? new Date(iso).toLocaleString('sv-SE').slice(0, 16) : '—');
