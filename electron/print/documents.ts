import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PrintJobRow } from '../../db/queries/print.js';
import { visitById, visitsOnSite } from '../../db/queries/visits.js';
import { getSiteIdentity, type SiteIdentity } from '../../db/meta.js';
import { readSiteDetails } from '../../db/queries/siteDetails.js';
import { isOverstay } from '../../shared/domain/visits.js';
import { renderVisitorPass } from '../../shared/print/visitorPass.js';
import { renderOnsiteRoll } from '../../shared/print/onsiteRoll.js';
import { renderReleasePass } from '../../shared/print/releasePass.js';
import { passById } from '../../db/queries/releasePasses.js';
import type { PrintLocale } from '../../shared/i18n/print.js';
import { ApiFailure } from '../../shared/api/result.js';
import { renderHandoverSheet } from '../../shared/print/handoverSheet.js';
import { shiftById } from '../../db/queries/shifts.js';
import { handoverSheetOf } from '../handover/sheet.js';
import { hostLabel } from './hostLabel.js';
import { toVisit } from '../api/handlers/visitView.js';
import { shownPhone } from '../../shared/domain/mask.js';
import { renderFeeJob } from './feeDocuments.js';
import { renderTicketDocument } from './ticketDocuments.js';
import { damageById, itemById } from '../../db/queries/mail.js';
import { renderMailDamageSlip } from '../../shared/print/mailDamageSlip.js';
import { renderMailPickupSlip } from '../../shared/print/mailPickupSlip.js';
import type { DamageHow } from '../../shared/domain/mail.js';

/** What every document's renderer gets: the job (what and which copy), the site, the print language, now. */
interface RenderArgs {
  db: Kysely<Database>;
  job: PrintJobRow;
  site: SiteIdentity;
  locale: PrintLocale;
  now: Date;
}
type Renderer = (a: RenderArgs) => Promise<string>;

const notFound = () => new ApiFailure('not_found', 'err.notFound');

const visitorPass: Renderer = async ({ db, job, site, locale }) => {
  const v = await visitById(db, job.doc_id);
  if (!v) throw notFound();
  const issuer = await readSiteDetails(db);
  const pass = { visit: toVisit(v), siteName: site.siteName, issuer, deviceCode: site.deviceCode, copyNo: job.copy_no };
  return renderVisitorPass(pass, job.layout, locale);
};

const onsiteRoll: Renderer = async ({ db, site, locale, now }) => {
  // The roll call is the building as it is when it prints, not when it was asked for.
  const lines = (await visitsOnSite(db)).map((v) => ({
    passNo: v.pass_no,
    visitorName: v.visitor_name,
    phoneMasked: v.visitor_phone ? shownPhone(v.visitor_phone) : '',
    partySize: v.party_size,
    host: hostLabel(v),
    checkedInAt: v.checked_in_at,
    validUntil: v.valid_until,
    overstay: isOverstay(v.valid_until, now),
  }));
  return renderOnsiteRoll({ siteName: site.siteName, printedAt: now.toISOString(), lines }, locale);
};

const handoverSheet: Renderer = async ({ db, job, site, locale, now }) => {
  const shift = await shiftById(db, job.doc_id);
  if (!shift?.closed_at) throw notFound();
  const sheet = await handoverSheetOf(db, shift, now);
  return renderHandoverSheet({ siteName: site.siteName, sheet, copyNo: job.copy_no }, job.layout, locale);
};

const releasePass: Renderer = async ({ db, job, site, locale }) => {
  const p = await passById(db, job.doc_id);
  if (!p) throw notFound();
  return renderReleasePass(
    {
      siteName: site.siteName,
      issuer: await readSiteDetails(db),
      deviceCode: site.deviceCode,
      passNo: p.pass_no,
      unit: [p.unit_code, p.company].filter(Boolean).join(' '),
      applicantName: p.applicant_name,
      idNumberMasked: p.id_number_masked,
      relation: p.relation,
      authority: p.authority_name && p.authority_method ? { name: p.authority_name, method: p.authority_method } : null,
      items: JSON.parse(p.items) as { description: string; quantity: number }[],
      reason: p.reason,
      reasonNote: p.reason_note,
      wholeUnit: p.whole_unit === 1,
      carrier: p.carrier,
      plate: p.plate,
      validFrom: p.valid_from,
      validUntil: p.valid_until,
      issuedAt: p.issued_at,
      issuedBy: p.issued_by_name ?? '',
      arrearsFen: p.arrears_fen,
      arrearsApprovedBy: p.arrears_approved_by_name,
      copyNo: job.copy_no,
    },
    job.layout,
    locale,
  );
};

const mailDamageSlip: Renderer = async ({ db, job, site, locale }) => {
  const d = await damageById(db, job.doc_id);
  const item = d && (await itemById(db, d.item_id));
  // Only a confirmed record is valid (seed 000): the slip never prints before the leader signs.
  if (!d || !item || !d.confirmed_at) throw notFound();
  return renderMailDamageSlip(
    {
      siteName: site.siteName,
      deviceCode: site.deviceCode,
      registerNo: d.register_no,
      itemRegisterNo: item.register_no,
      trackingNo: item.tracking_no,
      carrier: item.carrier,
      kind: item.kind,
      receivedAt: item.received_at,
      what: d.what,
      how: JSON.parse(d.how) as DamageHow[],
      description: d.description,
      receivedBy: d.received_by_name ?? '',
      confirmedBy: d.confirmed_by_name ?? '',
      confirmedAt: d.confirmed_at,
      copyNo: job.copy_no,
    },
    job.layout,
    locale,
  );
};

const mailPickupSlip: Renderer = async ({ db, job, site, locale }) => {
  const item = await itemById(db, job.doc_id);
  if (!item) throw notFound();
  return renderMailPickupSlip(
    {
      siteName: site.siteName,
      registerNo: item.register_no,
      trackingNo: item.tracking_no,
      carrier: item.carrier,
      kind: item.kind,
      recipient: [item.unit_code, item.company, item.recipient_name].filter(Boolean).join(' '),
      location: item.location,
      receivedAt: item.received_at,
      copyNo: job.copy_no,
    },
    job.layout,
    locale,
  );
};

const feeDocument: Renderer = ({ db, job, site, locale, now }) => renderFeeJob(db, job, site, locale, now);
const ticketDocument: Renderer = ({ db, job, site, locale }) => renderTicketDocument(db, site, job, locale);

/** One renderer per document type: a new type that is not in this table does not compile. */
const renderers: { [T in PrintJobRow['doc_type']]: Renderer } = {
  visitor_pass: visitorPass,
  onsite_roll: onsiteRoll,
  handover_sheet: handoverSheet,
  release_pass: releasePass,
  receipt: feeDocument,
  daily_report: feeDocument,
  demand_letter: feeDocument,
  work_order: ticketDocument,
  ticket_notice: ticketDocument,
  mail_damage_slip: mailDamageSlip,
  mail_pickup_slip: mailPickupSlip,
};

/**
 * Renders a print job's document from current data. The job fixes what and which copy; the
 * template turns it into a complete HTML page. A copy number above 0 prints as a reprint.
 */
export async function renderJob(db: Kysely<Database>, job: PrintJobRow, locale: PrintLocale, now: Date): Promise<string> {
  const site = await getSiteIdentity(db);
  if (!site) throw new ApiFailure('setup_required', 'err.setupRequired');
  return renderers[job.doc_type]({ db, job, site, locale, now });
}
