import { deskTime } from '../../shared/domain/deskTime.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PrintJobRow } from '../../db/queries/print.js';
import type { SiteIdentity } from '../../db/meta.js';
import { readSiteDetails } from '../../db/queries/siteDetails.js';
import { chargeNotes, chargesOfUnit, remindersOfUnit } from '../../db/queries/fees.js';
import { occupantsOfUnit } from '../../db/queries/directory.js';
import { ApiFailure } from '../../shared/api/result.js';
import type { PrintLocale } from '../../shared/print/labels.js';
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
      return renderDailyReport({ ...report, siteName: site.siteName, printedAt: now.toISOString(), copyNo: job.copy_no }, locale);
    }
    case 'demand_letter': {
      const letter = await demandLetterData(db, job.doc_id, now);
      if (!letter) throw notFound();
      return renderDemandLetter({ ...letter, siteName: site.siteName, copyNo: job.copy_no }, locale);
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

/** The unit's overdue charges as the letter lists them; null when the unit owes nothing overdue. */
export async function demandLetterData(db: Kysely<Database>, unitId: string, now: Date) {
  const unit = await unitRow(db, unitId);
  if (!unit) return null;
  const period = currentPeriod(now);
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
    firstReminderAt: firstPhone?.at ?? null,
    issuedOn: deskTime(now).format('YYYY-MM-DD'),
    payBy: deskTime(now).add(15, 'day').format('YYYY-MM-DD'),
    letterNo: `催缴-${unit.code}-${deskTime(now).format('YYYYMMDD')}`,
  };
}
