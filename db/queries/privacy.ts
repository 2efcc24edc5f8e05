import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

const AUDIT_TYPES = ['PersonalDataRead', 'HostPhoneRevealed', 'PersonErased'] as const;

/** An HLC lower bound for a wall-clock time: HLCs start with the zero-padded milliseconds. */
const hlcAt = (ms: number) => ms.toString().padStart(15, '0');

/**
 * The audit records of sensitive reads between two instants, newest first, with the reader's name.
 * Ranged on the HLC (indexed) so a long event log is not scanned; records pulled from other desks of
 * the site are in the same log, so the list is the site's, not only this desk's.
 */
export const personalDataReads = (db: Kysely<Database>, fromMs: number, toMs: number, limit: number) =>
  db
    .selectFrom('events')
    .leftJoin('staff', 'staff.id', 'events.actor')
    .select(['events.id', 'events.type', 'events.payload', 'events.recorded_at', 'events.actor', 'staff.name', 'staff.staff_no'])
    .where('events.hlc', '>=', hlcAt(fromMs))
    .where('events.hlc', '<', hlcAt(toMs))
    .where('events.type', 'in', AUDIT_TYPES)
    .orderBy('events.hlc', 'desc')
    .limit(limit)
    .execute();
