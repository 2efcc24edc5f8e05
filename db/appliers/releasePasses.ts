import type { Updateable } from 'kysely';
import type { DomainEvent } from '../../shared/events/catalog.js';
import type { Database } from '../schema.js';
import type { Applier } from './index.js';
import { closingWins } from './closing.js';
import { storedId } from './storedId.js';

/**
 * Release passes. Closing events (released, cancelled) only move an issued pass forward, so a second
 * close changes nothing; the gate log keeps every decision, and marks one that came after the pass
 * had already closed (e.g. two posts, or a cancel and a release crossing in sync) as a conflict.
 */
export const releasePassAppliers: {
  ReleasePassIssued: Applier<'ReleasePassIssued'>;
  ReleasePassReleased: Applier<'ReleasePassReleased'>;
  ReleasePassRefused: Applier<'ReleasePassRefused'>;
  ReleasePassCancelled: Applier<'ReleasePassCancelled'>;
} = {
  async ReleasePassIssued(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('release_passes')
      .values({
        id: p.passId,
        request_id: p.requestId,
        pass_no: p.passNo,
        unit_id: p.unit.unitId,
        unit_code: p.unit.unitCode,
        occupant_id: p.occupant.occupantId,
        occupant_name: p.occupant.name,
        company: p.occupant.company,
        applicant_name: p.applicant.name,
        applicant_phone: p.applicant.phone,
        id_type: p.applicant.idType,
        ...storedId(p.applicant),
        relation: p.relation,
        authority_occupant_id: p.authority?.occupantId ?? null,
        authority_name: p.authority?.name ?? null,
        authority_method: p.authority?.method ?? null,
        items: JSON.stringify(p.items),
        total_quantity: p.items.reduce((n, i) => n + i.quantity, 0),
        reason: p.reason,
        reason_note: p.reasonNote,
        whole_unit: p.wholeUnit ? 1 : 0,
        carrier: p.carrier,
        plate: p.plate,
        valid_from: p.validFrom,
        valid_until: p.validUntil,
        issued_at: p.issuedAt,
        arrears_fen: p.arrears.amountFen,
        arrears_approved_by: p.arrears.approvedBy,
        arrears_reason: p.arrears.reason,
        note: p.note,
        status: 'issued',
        closed_at: null,
        closed_by: null,
        cancel_reason: null,
        released_items: null,
        release_partial: 0,
        release_note: null,
        actor,
        device_id: deviceId,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  // Release and cancel close a pass; the earliest by HLC wins on every desk whatever the arrival order,
  // and a gate release that lost is marked as a conflict in the gate log (kept, never lost).
  async ReleasePassReleased(db, e) {
    const { id, payload: p, actor } = e;
    const wins = await closePass(db, e, {
      status: 'released',
      closed_at: p.at,
      closed_by: actor,
      cancel_reason: null,
      released_items: JSON.stringify(p.released),
      release_partial: p.partial ? 1 : 0,
      release_note: p.note,
    });
    await logGateCheck(db, id, p.passId, p.at, p.partial ? 'partial' : 'released', p.note, actor, !wins);
  },
  async ReleasePassRefused(db, { id, payload: p, actor }) {
    await logGateCheck(db, id, p.passId, p.at, 'refused', p.reason, actor, false);
  },
  async ReleasePassCancelled(db, e) {
    const p = e.payload;
    await closePass(db, e, {
      status: 'cancelled',
      closed_at: p.at,
      closed_by: e.actor,
      cancel_reason: p.reason,
      released_items: null,
      release_partial: 0,
      release_note: null,
    });
  },
};

type Db = Parameters<Applier<'ReleasePassRefused'>>[0];

async function closePass(
  db: Db,
  e: DomainEvent<'ReleasePassReleased' | 'ReleasePassCancelled'>,
  set: Updateable<Database['release_passes']>,
): Promise<boolean> {
  const passId = e.payload.passId;
  const pass = await db
    .selectFrom('release_passes')
    .select(['status', 'close_hlc', 'close_event_id'])
    .where('id', '=', passId)
    .executeTakeFirst();
  if (!pass) return false;
  const previous = pass.close_event_id;
  if (!(await closingWins(db, 'release_pass', passId, { ...pass, closed: pass.status !== 'issued' }, e))) return false;
  await db
    .updateTable('release_passes')
    .set({ ...set, close_hlc: e.hlc, close_event_id: e.id })
    .where('id', '=', passId)
    .execute();
  // The gate release that was winning until now becomes the conflict.
  if (previous) await db.updateTable('release_gate_checks').set({ conflict: 1 }).where('id', '=', previous).execute();
  return true;
}

async function logGateCheck(
  db: Db,
  eventId: string,
  passId: string,
  at: string,
  outcome: 'released' | 'partial' | 'refused',
  note: string,
  actor: string,
  conflict: boolean,
) {
  await db
    .insertInto('release_gate_checks')
    .values({ id: eventId, pass_id: passId, at, outcome, note, actor, conflict: conflict ? 1 : 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
