import type { PassCheck, ReleasePass } from '../../../shared/api/releasePassSchemas.js';
import { maskPhone } from '../../../shared/domain/mask.js';
import { passVerdict } from '../../../shared/domain/releasePass.js';
import type { GateCheckRow, ReleasePassRow } from '../../../db/queries/releasePasses.js';

/** A stored pass as the desk and the gate read it: personal data masked, the verdict as of `now`. */
export function toReleasePass(r: ReleasePassRow, now: Date): ReleasePass {
  const items = JSON.parse(r.items) as { description: string; quantity: number }[];
  const released = r.released_items ? (JSON.parse(r.released_items) as number[]) : null;
  return {
    id: r.id,
    passNo: r.pass_no,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    occupantName: r.occupant_name,
    company: r.company,
    applicantName: r.applicant_name,
    applicantPhoneMasked: maskPhone(r.applicant_phone),
    idType: r.id_type,
    idNumberMasked: r.id_number_masked,
    relation: r.relation,
    authorityName: r.authority_name,
    authorityMethod: r.authority_method,
    items: items.map((i, n) => ({ ...i, released: released?.[n] ?? null })),
    totalQuantity: r.total_quantity,
    reason: r.reason,
    reasonNote: r.reason_note,
    wholeUnit: r.whole_unit === 1,
    carrier: r.carrier,
    plate: r.plate,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name ?? '',
    arrearsFen: r.arrears_fen,
    arrearsApprovedByName: r.arrears_approved_by_name,
    status: r.status,
    verdict: passVerdict({ status: r.status, validFrom: r.valid_from, validUntil: r.valid_until }, now),
    closedAt: r.closed_at,
    closedByName: r.closed_by_name,
    cancelReason: r.cancel_reason,
    releasePartial: r.release_partial === 1,
    releaseNote: r.release_note,
    note: r.note,
  };
}

export function toPassCheck(r: ReleasePassRow, checks: GateCheckRow[], now: Date): PassCheck {
  return {
    pass: toReleasePass(r, now),
    checks: checks.map((c) => ({
      at: c.at,
      outcome: c.outcome,
      note: c.note,
      byName: c.by_name ?? '',
      conflict: c.conflict === 1,
    })),
  };
}
