import { esc, page } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
import { fmtDateTime, fmtSignedYuan, fmtYuan } from './format.js';
import { FEE_ITEM_NAMES, PAY_METHODS, type FeeItemCode, type PayMethod } from '../domain/fees.js';

export interface DailyReportData {
  siteName: string;
  date: string;
  deskCode: string;
  issued: number;
  voided: number;
  totalFen: number;
  methods: Record<PayMethod, number>;
  items: { item: FeeItemCode; amountFen: number }[];
  cashiers: { name: string; receipts: number; voided: number; methods: Record<PayMethod, number>; totalFen: number }[];
  receipts: {
    receiptNo: string;
    issuedAt: string;
    unitCode: string;
    payer: string;
    totalFen: number;
    cashier: string;
    voided: boolean;
  }[];
  /** The desk's drawer counts of the day, oldest first, with who counted and who approved a variance. */
  drawerCounts: {
    at: string;
    countedFen: number;
    varianceFen: number;
    counter: string;
    approver: string | null;
    reason: string;
  }[];
  printedAt: string;
  copyNo: number;
}

/** 收费日报 (A4): one desk's day, per method, per item and per cashier, then every receipt. */
export function renderDailyReport(d: DailyReportData, locale: PrintLocale): string {
  const t = printT(locale);
  const names = FEE_ITEM_NAMES[locale];
  const methodRows = PAY_METHODS.map(
    (m) => `<tr><td>${esc(t(`fee.methodNames.${m}`))}</td><td class="amt">${esc(fmtYuan(d.methods[m]))}</td></tr>`,
  ).join('');
  const itemRows = d.items
    .map((i) => `<tr><td>${esc(names[i.item])}</td><td class="amt">${esc(fmtYuan(i.amountFen))}</td></tr>`)
    .join('');
  const cashierRows = d.cashiers
    .map(
      (c) =>
        `<tr><td>${esc(c.name)}</td><td>${c.receipts}</td><td>${c.voided}</td>${PAY_METHODS.map((m) => `<td class="amt">${esc(fmtYuan(c.methods[m]))}</td>`).join('')}<td class="amt">${esc(fmtYuan(c.totalFen))}</td></tr>`,
    )
    .join('');
  const receiptRows = d.receipts
    .map(
      (r) =>
        `<tr${r.voided ? ' class="void"' : ''}><td>${esc(r.receiptNo)}</td><td>${esc(fmtDateTime(r.issuedAt).slice(11))}</td><td>${esc(r.unitCode)}</td><td>${esc(r.payer)}</td><td class="amt">${esc(fmtYuan(r.totalFen))}</td><td>${esc(r.cashier)}</td><td>${r.voided ? esc(t('fee.voided')) : ''}</td></tr>`,
    )
    .join('');
  const countRows = d.drawerCounts
    .map(
      (c) =>
        `<tr><td>${esc(fmtDateTime(c.at).slice(11))}</td><td>${esc(c.counter)}</td><td class="amt">${esc(fmtYuan(c.countedFen))}</td><td class="amt">${esc(fmtYuan(c.countedFen - c.varianceFen))}</td><td class="amt">${esc(fmtSignedYuan(c.varianceFen))}</td><td>${c.approver ? `${esc(c.approver)}：${esc(c.reason)}` : ''}</td></tr>`,
    )
    .join('');
  const drawer = `<table class="t"><caption>${esc(t('letter.drawer'))}</caption>${
    countRows
      ? `<tr><th>${esc(t('fee.date'))}</th><th>${esc(t('fee.cashier'))}</th><th>${esc(t('letter.counted'))}</th><th>${esc(t('letter.expected'))}</th><th>${esc(t('letter.variance'))}</th><th></th></tr>${countRows}`
      : `<tr><td>${esc(t('letter.noCount'))}</td></tr>`
  }</table>`;
  const body = `<h1>${esc(t('fee.dailyReport'))}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(t('fee.desk'))} ${esc(d.deskCode)} · ${esc(d.date)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<p class="head">${esc(t('fee.issued'))} ${d.issued} ${esc(t('fee.count'))} · ${esc(t('fee.voidedCount'))} ${d.voided} ${esc(t('fee.count'))} · ${esc(t('fee.total'))} <b>${esc(fmtYuan(d.totalFen))}</b></p>
<div class="cols"><table class="t"><caption>${esc(t('fee.byMethod'))}</caption>${methodRows}</table>
<table class="t"><caption>${esc(t('fee.byItem'))}</caption>${itemRows}</table></div>
<table class="t"><caption>${esc(t('fee.byCashier'))}</caption><tr><th>${esc(t('fee.cashier'))}</th><th>${esc(t('fee.issued'))}</th><th>${esc(t('fee.voidedCount'))}</th>${PAY_METHODS.map((m) => `<th>${esc(t(`fee.methodNames.${m}`))}</th>`).join('')}<th>${esc(t('fee.total'))}</th></tr>${cashierRows}</table>
<table class="t"><caption>${esc(t('fee.receipts'))}</caption><tr><th>${esc(t('fee.receiptNo'))}</th><th>${esc(t('fee.date'))}</th><th>${esc(t('fee.unit'))}</th><th>${esc(t('fee.payer'))}</th><th>${esc(t('fee.amount'))}</th><th>${esc(t('fee.cashier'))}</th><th></th></tr>${receiptRows}</table>
${drawer}
<table class="signoff"><tr><th>${esc(t('letter.payee'))}</th><td></td><th>${esc(t('letter.reviewer'))}</th><td></td></tr></table>
<div class="foot">${esc(t('labels.printedAt'))} ${esc(fmtDateTime(d.printedAt))}</div>`;
  const css = `table.t { width: 100%; border-collapse: collapse; margin: 3mm 0; }
table.t caption { text-align: left; font-weight: bold; }
table.t th, table.t td { border: 1px solid #000; padding: 0.6mm 1.2mm; text-align: left; font-size: 9pt; }
table.t .amt { text-align: right; white-space: nowrap; }
tr.void td { text-decoration: line-through; }
.cols { display: flex; gap: 6mm; } .cols table { flex: 1; }
p.head { font-size: 1.1em; }
table.signoff { width: 100%; margin-top: 8mm; border-collapse: collapse; break-inside: avoid; }
table.signoff th { text-align: left; font-weight: normal; white-space: nowrap; width: 1%; padding-right: 2mm; }
table.signoff td { border-bottom: 1px solid #000; height: 10mm; width: 40%; }`;
  return page({ title: `${t('fee.dailyReport')} ${d.date}`, layout: 'a4', lang: locale, body, css });
}
