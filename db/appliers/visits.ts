import type { Applier } from './index.js';

export const visitAppliers: {
  VisitorCheckedIn: Applier<'VisitorCheckedIn'>;
  VisitorCheckedOut: Applier<'VisitorCheckedOut'>;
  VisitAutoClosed: Applier<'VisitAutoClosed'>;
  DenyEntryAdded: Applier<'DenyEntryAdded'>;
  DenyEntryRevoked: Applier<'DenyEntryRevoked'>;
} = {
  async VisitorCheckedIn(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('visits')
      .values({
        id: p.visitId,
        request_id: p.requestId,
        pass_no: p.passNo,
        visitor_name: p.visitor.name,
        visitor_phone: p.visitor.phone,
        id_type: p.visitor.idType,
        id_number: p.visitor.idNumber,
        party_size: p.partySize,
        host_occupant_id: p.host.occupantId,
        host_unit_code: p.host.unitCode,
        host_name: p.host.name,
        host_company: p.host.company,
        purpose: p.purpose,
        plate: p.plate,
        note: p.note,
        checked_in_at: p.checkedInAt,
        valid_until: p.validUntil,
        status: 'on_site',
        checked_out_at: null,
        checkout_method: null,
        host_confirmed_by: p.hostConfirmation?.confirmedBy ?? null,
        host_confirm_method: p.hostConfirmation?.method ?? null,
        deny_override_by: p.denyOverride?.byStaffId ?? null,
        deny_override_reason: p.denyOverride?.reason ?? null,
        deny_entry_id: p.denyOverride?.denyEntryId ?? null,
        actor,
        device_id: deviceId,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  // Closing events only move an open visit forward; a second close of the same visit changes nothing.
  async VisitorCheckedOut(db, { payload: p }) {
    await db
      .updateTable('visits')
      .set({ status: 'checked_out', checked_out_at: p.at, checkout_method: p.method })
      .where('id', '=', p.visitId)
      // The slip handed back after an automatic "not returned" close still records the real time.
      .where('status', '!=', 'checked_out')
      .execute();
  },
  async VisitAutoClosed(db, { payload: p }) {
    await db
      .updateTable('visits')
      .set({ status: 'not_returned', checked_out_at: p.at, checkout_method: 'auto' })
      .where('id', '=', p.visitId)
      .where('status', '=', 'on_site')
      .execute();
  },
  async DenyEntryAdded(db, { payload: p, actor, recordedAt }) {
    await db
      .insertInto('deny_list')
      .values({
        id: p.entryId,
        name: p.name,
        id_number: p.idNumber,
        phone: p.phone,
        reason: p.reason,
        valid_until: p.validUntil,
        added_by: actor,
        added_at: recordedAt,
        revoked_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async DenyEntryRevoked(db, { payload: p, recordedAt }) {
    await db
      .updateTable('deny_list')
      .set({ revoked_at: recordedAt })
      .where('id', '=', p.entryId)
      .where('revoked_at', 'is', null)
      .execute();
  },
};
