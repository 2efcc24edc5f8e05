import type { HostMatch, Visit } from '../../../shared/api/schemas.js';
import { visitDetailsFromRow } from '../../../shared/api/visitDetails.js';
import { maskPhone, shownPhone } from '../../../shared/domain/mask.js';
import type { HostRow } from '../../../db/queries/directory.js';
import type { VisitRow } from '../../../db/queries/visits.js';

/** A visit as the procedures return it and the pass prints it. */
export function toVisit(r: VisitRow): Visit {
  return {
    id: r.id,
    passNo: r.pass_no,
    visitorName: r.visitor_name,
    visitorPhoneMasked: shownPhone(r.visitor_phone),
    idType: r.id_type,
    idNumberMasked: r.id_number_masked,
    ...visitDetailsFromRow(r),
    hostOccupantId: r.host_occupant_id,
    hostUnitCode: r.host_unit_code,
    hostName: r.host_name,
    hostCompany: r.host_company,
    checkedInAt: r.checked_in_at,
    validUntil: r.valid_until,
    status: r.status,
    checkedOutAt: r.checked_out_at,
    hostConfirmedBy: r.host_confirmed_by,
    hostConfirmMethod: r.host_confirm_method,
    denyOverrideBy: r.deny_override_by,
    actorName: r.actor_name ?? '',
  };
}

export const toHostMatch = (h: HostRow): HostMatch => ({
  occupantId: h.occupantId,
  unitId: h.unitId,
  unitCode: h.unitCode,
  name: h.name,
  company: h.company,
  role: h.role,
  phoneMasked: maskPhone(h.phone),
  movedOutOn: h.movedOutOn,
});
