import type { Applier } from './index.js';
import { closingWins } from './closing.js';
import { notBefore } from '../../shared/domain/clock.js';
import { storedId } from './storedId.js';
import { visitDetailColumns } from '../../shared/api/visitDetails.js';

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
        phone_hash: p.visitor.phoneHash,
        id_type: p.visitor.idType,
        ...storedId(p.visitor),
        ...visitDetailColumns(p),
        host_occupant_id: p.host.occupantId,
        host_unit_code: p.host.unitCode,
        host_name: p.host.name,
        host_company: p.host.company,
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
  // A check-out beats an end-of-day "not returned" close (the slip came back, with its real time); of
  // two check-outs (two desks) the earlier by HLC wins on every desk, the other is flagged.
  async VisitorCheckedOut(db, e) {
    const p = e.payload;
    const v = await db
      .selectFrom('visits')
      .select(['status', 'close_hlc', 'close_event_id', 'checked_in_at'])
      .where('id', '=', p.visitId)
      .executeTakeFirst();
    if (!v) return;
    const closed = v.status === 'checked_out';
    if (!(await closingWins(db, 'visit', p.visitId, { ...v, closed }, e))) return;
    // A check-out stamped on a clock behind the check-in desk's counts as at the check-in: no negative stay.
    await db
      .updateTable('visits')
      .set({
        status: 'checked_out',
        checked_out_at: notBefore(p.at, v.checked_in_at),
        checkout_method: p.method,
        close_hlc: e.hlc,
        close_event_id: e.id,
      })
      .where('id', '=', p.visitId)
      .execute();
  },
  // End-of-day closes may run at several desks; the earliest by HLC stands, never over a check-out.
  async VisitAutoClosed(db, e) {
    const p = e.payload;
    const v = await db.selectFrom('visits').select(['status', 'close_hlc']).where('id', '=', p.visitId).executeTakeFirst();
    if (!v) return;
    const wins = v.status === 'on_site' || (v.status === 'not_returned' && v.close_hlc !== null && e.hlc < v.close_hlc);
    if (!wins) return;
    await db
      .updateTable('visits')
      .set({ status: 'not_returned', checked_out_at: p.at, checkout_method: 'auto', close_hlc: e.hlc, close_event_id: e.id })
      .where('id', '=', p.visitId)
      .execute();
  },
  async DenyEntryAdded(db, { payload: p, actor, recordedAt }) {
    await db
      .insertInto('deny_list')
      .values({
        id: p.entryId,
        name: p.name,
        ...storedId(p),
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
