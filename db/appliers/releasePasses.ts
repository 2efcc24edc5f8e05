import type { Applier } from './index.js';

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
        id_number: p.applicant.idNumber,
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
  async ReleasePassReleased(db, { id, payload: p, actor }) {
    const r = await db
      .updateTable('release_passes')
      .set({
        status: 'released',
        closed_at: p.at,
        closed_by: actor,
        released_items: JSON.stringify(p.released),
        release_partial: p.partial ? 1 : 0,
        release_note: p.note,
      })
      .where('id', '=', p.passId)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    await logGateCheck(db, id, p.passId, p.at, p.partial ? 'partial' : 'released', p.note, actor, Number(r.numUpdatedRows) === 0);
  },
  async ReleasePassRefused(db, { id, payload: p, actor }) {
    await logGateCheck(db, id, p.passId, p.at, 'refused', p.reason, actor, false);
  },
  async ReleasePassCancelled(db, { payload: p, actor }) {
    await db
      .updateTable('release_passes')
      .set({ status: 'cancelled', closed_at: p.at, closed_by: actor, cancel_reason: p.reason })
      .where('id', '=', p.passId)
      .where('status', '=', 'issued')
      .execute();
  },
};

async function logGateCheck(
  db: Parameters<Applier<'ReleasePassRefused'>>[0],
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
