import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { acknowledgementsOf, type ShiftRow } from '../../db/queries/shifts.js';
import { staffById } from '../../db/queries/staff.js';
import type { HandoverSheet } from '../../shared/api/shiftSchemas.js';
import type { HandoverSection } from '../../shared/handover/sections.js';
import { assembleHandover } from './registry.js';

/**
 * A shift's handover sheet: a closed shift's frozen sections with the outgoing signature and every
 * acknowledgement; a shift still open gets a preview assembled now (not signed, not frozen).
 */
export async function handoverSheetOf(db: Kysely<Database>, shift: ShiftRow, now: Date): Promise<HandoverSheet> {
  const closed = shift.closed_at !== null;
  const sections: HandoverSection[] = closed ? JSON.parse(shift.sections) : await assembleHandover({ db, shift, now });
  const signer = shift.signed_by ? await staffById(db, shift.signed_by) : undefined;
  const acks = await acknowledgementsOf(db, shift.id);
  return {
    shiftId: shift.id,
    deviceCode: shift.device_code,
    patternCode: shift.pattern_code,
    openedAt: shift.opened_at,
    closedAt: shift.closed_at,
    preview: !closed,
    abandoned: shift.abandoned === 1,
    note: shift.note,
    sections,
    outgoing: signer && shift.closed_at ? { staffId: signer.id, name: signer.name, at: shift.closed_at } : null,
    acknowledgements: acks.map((a) => ({ staffId: a.staff_id, name: a.name ?? '', at: a.at })),
  };
}
