import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ShiftRow } from '../../db/queries/shifts.js';
import type { HandoverLine, HandoverSection } from '../../shared/handover/sections.js';
import { logSections } from './logSections.js';
import { visitorSections } from './visitorSections.js';
import { drawerSections } from './drawerSections.js';
import { ticketSections } from './ticketSections.js';
import { mailSections } from './mailSections.js';
import { shiftSections } from './shiftSections.js';
import { denySections } from './denySections.js';
import { conflictSections } from './conflictSections.js';

export interface HandoverContext {
  db: Kysely<Database>;
  shift: ShiftRow;
  now: Date;
}

/**
 * A feature's part of the handover sheet. To add one (mail awaiting pickup, money by method with
 * the drawer count), write a contribution next to the feature, list it here, and give its key a
 * title under `paper.sections.*` (printed) and `handover.section.*` (screens) in shared/i18n/locales.
 */
export interface HandoverContribution {
  key: string;
  collect(ctx: HandoverContext): Promise<HandoverLine[]>;
}

const CONTRIBUTIONS: HandoverContribution[] = [
  ...shiftSections,
  ...logSections,
  ...visitorSections,
  ...denySections,
  ...drawerSections,
  ...ticketSections,
  ...mailSections,
  ...conflictSections,
];

/** Every section, in sheet order; empty sections stay (an empty "pending" says "nothing open"). */
export async function assembleHandover(ctx: HandoverContext): Promise<HandoverSection[]> {
  const sections: HandoverSection[] = [];
  for (const c of CONTRIBUTIONS) sections.push({ key: c.key, lines: await c.collect(ctx) });
  return sections;
}
