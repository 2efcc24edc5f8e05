import type { MailDamage, MailDetail, MailItem } from '../../../shared/api/mailSchemas.js';
import { daysWaiting, forwardingNoticeDue, returnDue, type DamageHow } from '../../../shared/domain/mail.js';
import type { AttachmentType } from '../../../shared/domain/log.js';
import type { ID_TYPES } from '../../../shared/domain/idDocument.js';
import type { MailClosingRow, MailDamageRow, MailItemRow } from '../../../db/queries/mail.js';

/** Rows → what the desk reads; "due" flags are computed against the desk's clock at answer time. */
export function toMailItem(r: MailItemRow, now: Date, returnDays: number): MailItem {
  const onShelf = r.status === 'on_shelf';
  return {
    id: r.id,
    batchId: r.batch_id,
    registerNo: r.register_no,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    kind: r.kind,
    unitCode: r.unit_code,
    recipientName: r.recipient_name,
    company: r.company,
    location: r.location,
    condition: r.condition,
    forwardUntil: r.forward_until,
    receivedAt: r.received_at,
    receivedByName: r.received_by_name ?? '',
    daysWaiting: daysWaiting(r.received_at, now),
    noticeCount: r.notice_count,
    lastNoticeAt: r.last_notice_at,
    status: r.status,
    closedAt: r.closed_at,
    lastSigner: r.signer_name,
    returnDue: onShelf && r.kind !== 'newspaper' && returnDue(r.received_at, now, returnDays),
    noticeDue: onShelf && r.forward_until !== null && forwardingNoticeDue(r.last_notice_at, now),
    duplicateOf: r.duplicate_of,
  };
}

export function toMailDamage(r: MailDamageRow): MailDamage {
  return {
    id: r.id,
    itemId: r.item_id,
    registerNo: r.register_no,
    what: r.what,
    how: JSON.parse(r.how) as DamageHow[],
    description: r.description,
    photo: r.photo_sha256 && r.photo_mime ? { sha256: r.photo_sha256, mime: r.photo_mime as AttachmentType } : null,
    receivedByName: r.received_by_name ?? '',
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name ?? '',
    correctsId: r.corrects_id,
    confirmedAt: r.confirmed_at,
    confirmedByName: r.confirmed_by_name,
  };
}

export function toClosing(c: MailClosingRow): MailDetail['closings'][number] {
  return {
    at: c.at,
    kind: c.kind,
    signerName: c.signer_name,
    relation: c.relation as 'recipient' | 'authorised' | null,
    idType: c.id_type as (typeof ID_TYPES)[number] | null,
    idNumberMasked: c.id_number_masked,
    signature: c.signature_sha256,
    typedName: c.typed_name,
    byName: c.by_name ?? '',
    reviewedByName: c.reviewed_by_name,
    reason: c.reason,
    conflict: c.conflict === 1,
  };
}
