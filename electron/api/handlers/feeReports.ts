import { deskDate } from '../../../shared/domain/deskTime.js';
import { fmtDateTime } from '../../../shared/print/format.js';
import { EXPORT_WORDS } from '../../../shared/export/exportWords.js';
import type { PrintLocale } from '../../../shared/i18n/print.js';
import { newWorkbook } from '../../../shared/import/excel.js';
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { fieldError } from '../../../shared/api/result.js';
import type { Database } from '../../../db/schema.js';
import type { SiteIdentity } from '../../../db/meta.js';
import { draft } from '../../../db/events.js';
import * as q from '../../../db/queries/fees.js';
import { arrearsAge, FEE_ITEM_NAMES, PAY_METHODS, type FeeItemCode } from '../../../shared/domain/fees.js';
import { collectionRates } from '../../../shared/domain/collection.js';
import type { ProcOutput } from '../../../shared/api/contract.js';
import { signedIn, type HandlerMap } from '../context.js';
import { currentPeriod, demandLetter, toReceiptSummary, unitRow } from './feeView.js';

type DailyReport = ProcOutput<'fees:daily'>;

/** A desk's day (local midnight to midnight): receipts issued and voided, per method, per item, per cashier. */
export async function buildDailyReport(db: Kysely<Database>, site: SiteIdentity, date: string): Promise<DailyReport> {
  const from = deskDate(date);
  const fromIso = from.toISOString();
  const toIso = from.add(1, 'day').toISOString();
  const receipts = await q.receiptsOfDesk(db, site.deviceId, fromIso, toIso);
  const { methods, items } = await q.dailyTotals(db, site.deviceId, fromIso, toIso);
  const totals = q.zeroTotals();
  const cashiers = new Map<string, DailyReport['cashiers'][number]>();
  for (const r of receipts) {
    const c = cashiers.get(r.actor) ?? { name: r.actor_name ?? '', receipts: 0, voided: 0, methods: q.zeroTotals(), totalFen: 0 };
    c.receipts++;
    if (r.voided_at) c.voided++;
    cashiers.set(r.actor, c);
  }
  for (const m of methods) {
    const n = Number(m.n);
    totals[m.method] += n;
    const c = cashiers.get(m.actor);
    if (c) {
      c.methods[m.method] += n;
      c.totalFen += n;
    }
  }
  return {
    date,
    deskCode: site.deviceCode,
    issued: receipts.length,
    voided: receipts.filter((r) => r.voided_at).length,
    totalFen: Object.values(totals).reduce((a, b) => a + b, 0),
    methods: totals,
    items: items.map((i) => ({ item: i.item as FeeItemCode, amountFen: Number(i.n) })).sort((a, b) => (a.item < b.item ? -1 : 1)),
    cashiers: [...cashiers.values()],
    receipts: receipts.map((r) => ({ ...toReceiptSummary(r), cashier: r.actor_name ?? '', unitCode: r.unit_code })),
  };
}

const yuanCell = (fen: number) => fen / 100;

/** The same report as a workbook, in the desk's language and on the site's clock: a summary and one line per receipt. */
export async function dailyReportXlsx(report: DailyReport, locale: PrintLocale): Promise<Buffer> {
  const names = FEE_ITEM_NAMES[locale];
  const X = EXPORT_WORDS[locale];
  const H = X.daily;
  const methods = PAY_METHODS.map((m) => X.method[m]);
  const wb = await newWorkbook();
  const sum = wb.addWorksheet(X.sheets.summary);
  sum.addRow([H.title, report.date, `${H.desk} ${report.deskCode}`]);
  sum.addRow([H.issued, report.issued, H.voided, report.voided, H.total, yuanCell(report.totalFen)]);
  sum.addRow([]);
  sum.addRow([H.method, H.amount]);
  for (const m of PAY_METHODS) sum.addRow([X.method[m], yuanCell(report.methods[m])]);
  sum.addRow([]);
  sum.addRow([H.item, H.amount]);
  for (const i of report.items) sum.addRow([names[i.item], yuanCell(i.amountFen)]);
  sum.addRow([]);
  sum.addRow([H.cashier, H.receipts, H.voided, ...methods, H.total]);
  for (const c of report.cashiers)
    sum.addRow([c.name, c.receipts, c.voided, ...PAY_METHODS.map((m) => yuanCell(c.methods[m])), yuanCell(c.totalFen)]);
  const list = wb.addWorksheet(X.sheets.receipts);
  list.addRow([H.receiptNo, H.time, H.unit, H.payer, H.amount, H.cashier, H.status]);
  for (const r of report.receipts)
    list.addRow([
      r.receiptNo,
      fmtDateTime(r.issuedAt),
      r.unitCode,
      r.payer,
      yuanCell(r.totalFen),
      r.cashier,
      r.voided ? X.voided : '',
    ]);
  for (const ws of [sum, list]) ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function arrearsList(db: Kysely<Database>, now: Date): Promise<ProcOutput<'fees:arrears'>> {
  const period = currentPeriod(now);
  const rows = await q.arrearsByUnit(db, period);
  const firstPhone = await q.firstPhoneReminders(db);
  const reminders = await q.reminderCounts(db);
  const buckets = { one: 0, two: 0, threePlus: 0 };
  const out = rows.map((r) => {
    const age = arrearsAge(r.oldest, period);
    if (age === 1) buckets.one++;
    else if (age === 2) buckets.two++;
    else if (age === 3) buckets.threePlus++;
    return {
      unitId: r.unit_id,
      unitCode: r.unit_code,
      amountFen: r.amount_fen,
      oldest: r.oldest,
      months: r.months,
      age,
      reminders: reminders.get(r.unit_id) ?? 0,
      ...demandLetter(firstPhone.get(r.unit_id), now),
    };
  });
  const lettersDue = out.filter((r) => r.letterDueNow).length;
  return { period, rows: out, buckets, lettersDue, collection: collectionRates(await q.monthCharges(db, period)) };
}

export const feeReportHandlers: Pick<HandlerMap, 'fees:daily' | 'fees:dailyExcel' | 'fees:arrears' | 'fees:remind'> = {
  async 'fees:daily'(input, ctx) {
    return buildDailyReport(ctx.db, signedIn(ctx).site, input.date);
  },
  async 'fees:dailyExcel'(input, ctx) {
    const report = await buildDailyReport(ctx.db, signedIn(ctx).site, input.date);
    return {
      fileName: `收费日报-${report.deskCode}-${input.date}.xlsx`,
      base64: (await dailyReportXlsx(report, (await ctx.services.settings()).locale)).toString('base64'),
    };
  },
  async 'fees:arrears'(_input, ctx) {
    return arrearsList(ctx.db, ctx.now);
  },
  /** A reminder (phone, SMS, visit) with what came of it; the first phone one starts the demand-letter clock. */
  async 'fees:remind'(input, ctx) {
    const unit = await unitRow(ctx.db, input.unitId);
    if (!unit) throw fieldError('unitId', 'err.fee.unitNotFound');
    await ctx.transact((_trx, emit) =>
      emit(
        draft('ReminderRecorded', {
          reminderId: uuidv7(),
          unit: { unitId: unit.id, unitCode: unit.code },
          channel: input.channel,
          at: ctx.now.toISOString(),
          outcome: input.outcome,
        }),
      ),
    );
    ctx.services.notify({ kind: 'fees-changed' });
    return null;
  },
};
