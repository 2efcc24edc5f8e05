import type { ConsoleOutput } from '../../../../../src/console/contract/index';

export type SiteStaff = ConsoleOutput<'staff.list'>['staff'][number];
export type HeldChange = ConsoleOutput<'staff.list'>['held'][number];

/** What a finished act says above the list (an i18n key and its values), or a refusal's sentence. */
export type Outcome = { kind: 'success' | 'error'; text: string } | null;
