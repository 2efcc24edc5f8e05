import { deskDate, deskDay, deskDayBounds } from '../../shared/domain/deskTime.js';
import { drawerCountsOf } from '../../db/queries/drawer.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PrintJobRow } from '../../db/queries/print.js';
import type { SiteIdentity } from '../../db/meta.js';
import { readSiteDetails } from '../../db/queries/siteDetails.js';
import { chargeNotes, chargesOfUnit, remindersOfUnit } from '../../db/queries/fees.js';
import { occupantsOfUnit } from '../../db/queries/directory.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { PrintLocale } from '../../shared/i18n/print.js';
import { receiptVerifyRef, renderReceipt } from '../../shared/print/receipt.js';
import { renderDailyReport } from '../../shared/print/dailyReport.js';
import { renderDemandLetter } from '../../shared/print/demandLetter.js';
import type { FeeItemCode } from '../../shared/domain/fees.js';
import { receiptDetail, unitRow, currentPeriod } from '../api/handlers/feeView.js';
import { buildDailyReport } from '../api/handlers/feeReports.js';

const notFound = () => new ApiFailure('not_found', 'err.notFound');

/** Receipts, daily reports and demand letters, rendered from the record when printed. */
export async function renderFeeJob(db: Kysely<Database>, job: PrintJobRow, site: SiteIdentity, locale: PrintLocale, now: Date) {
  switch (job.doc_type) {
    case 'receipt': {
      const r = await receiptDetail(db, job.doc_id);
      if (!r) throw notFound();
      return renderReceipt(
        {
          siteName: site.siteName,
          issuer: await readSiteDetails(db),
          deviceCode: r.receiptNo.split('-')[1] ?? site.deviceCode,
          receiptNo: r.receiptNo,
          issuedAt: r.issuedAt,
          payer: r.payer,
          unitCode: r.unitCode,
          lines: await withChargeNotes(db, r.lines),
          advanceFen: r.advanceFen,
          totalFen: r.totalFen,
          methods: r.methods,
          tenderedFen: r.tenderedFen,
          changeFen: r.changeFen,
          cashier: r.cashier,
          verifyRef: receiptVerifyRef(r.receiptNo, r.totalFen, r.id, !!r.voided),
          copyNo: job.copy_no,
          voided: r.voided ? { at: r.voided.at, reason: r.voided.reason, approver: r.voided.approver } : null,
        },
        job.layout,
        locale,
      );
    }
    case 'daily_report': {
      const report = await buildDailyReport(db, site, job.doc_id);
      const counts = await drawerCountsOf(db, { deviceId: site.deviceId, ...deskDayBounds(job.doc_id) });
      const drawerCounts = counts.map((c) => ({
        at: c.at,
        countedFen: c.counted_fen,
        varianceFen: c.variance_fen,
        counter: c.counter_name ?? '',
        approver: c.approver_name,
        reason: c.reason,
      }));
      return renderDailyReport(
        { ...report, siteName: site.siteName, drawerCounts, printedAt: now.toISOString(), copyNo: job.copy_no },
        locale,
      );
    }
    case 'demand_letter': {
      const letter = await demandLetterData(db, job.doc_id, now);
      if (!letter) throw notFound();
      const issuer = await readSiteDetails(db);
      return renderDemandLetter({ ...letter, siteName: site.siteName, issuer, copyNo: job.copy_no }, locale);
    }
    default:
      throw notFound();
  }
}

/** A receipt's lines with their charges' notes (a parking space, a meter), which tell which one was paid. */
async function withChargeNotes<L extends { chargeId: string }>(db: Kysely<Database>, lines: L[]) {
  const notes = await chargeNotes(
    db,
    lines.map((l) => l.chargeId),
  );
  return lines.map((l) => ({ ...l, note: notes.get(l.chargeId) ?? '' }));
}

/**
 * A demand letter is one unit's letter of one site day, `{unitId}@{YYYY-MM-DD}`: a letter on a new date is
 * a new document (its own number, never "补打"), the same day's again is its reprint. A request naming the
 * unit alone is today's letter; a day after today is refused. Null for a malformed id.
 */
export function demandLetterDocId(docId: string, now: Date): string | null {
  const [unitId, day, extra] = docId.split('@');
  const today = deskDay(now);
  if (extra !== undefined || !unitId) return null;
  if (day === undefined) return `${unitId}@${today}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || deskDay(deskDate(day)) !== day || day > today) return null;
  return docId;
}

/** The unit's overdue charges as the letter of that day lists them; null when the unit owes nothing overdue. */
export async function demandLetterData(db: Kysely<Database>, docId: string, now: Date) {
  const id = demandLetterDocId(docId, now);
  if (!id) return null;
  const [unitId, day] = id.split('@') as [string, string];
  const unit = await unitRow(db, unitId);
  if (!unit) return null;
  const dated = deskDate(day);
  const period = currentPeriod(dated.toDate());
  const lines = (await chargesOfUnit(db, unitId))
    .filter((c) => !c.paid_receipt_no && c.period < period)
    .map((c) => ({ item: c.item as FeeItemCode, period: c.period, amountFen: c.amount_fen }));
  if (!lines.length) return null;
  const people = await occupantsOfUnit(db, unitId);
  const owner = people.find((p) => p.role === 'owner') ?? people[0];
  const firstPhone = (await remindersOfUnit(db, unitId)).find((r) => r.channel === 'phone');
  return {
    unitCode: unit.code,
    addressee: owner ? owner.name || owner.company : unit.code,
    lines,
    totalFen: lines.reduce((n, l) => n + l.amountFen, 0),
    // The notice date is the site's calendar day of the call: a call at 03:36 Beijing is that day, not UTC's.
    firstReminderOn: firstPhone ? deskDay(firstPhone.at) : null,
    issuedOn: day,
    payBy: dated.add(15, 'day').format('YYYY-MM-DD'),
    letterNo: `催缴-${unit.code}-${day.replace(/-/g, '')}`,
  };
}
