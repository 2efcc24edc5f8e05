import { esc, page } from './html.js';
import { PRINT_LABELS, type PrintLocale } from './labels.js';
import { FEE_WORDS } from './feeLabels.js';
import { fmtDateTime, fmtSignedYuan, fmtYuan } from './format.js';
import { LETTER_WORDS } from './letterLabels.js';
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
  const W = FEE_WORDS[locale];
  const L = PRINT_LABELS[locale];
  const names = FEE_ITEM_NAMES[locale];
  const methodRows = PAY_METHODS.map(
    (m) => `<tr><td>${esc(W.methodNames[m])}</td><td class="amt">${esc(fmtYuan(d.methods[m]))}</td></tr>`,
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
        `<tr${r.voided ? ' class="void"' : ''}><td>${esc(r.receiptNo)}</td><td>${esc(fmtDateTime(r.issuedAt).slice(11))}</td><td>${esc(r.unitCode)}</td><td>${esc(r.payer)}</td><td class="amt">${esc(fmtYuan(r.totalFen))}</td><td>${esc(r.cashier)}</td><td>${r.voided ? esc(W.voided) : ''}</td></tr>`,
    )
    .join('');
  const T = LETTER_WORDS[locale];
  const countRows = d.drawerCounts
    .map(
      (c) =>
        `<tr><td>${esc(fmtDateTime(c.at).slice(11))}</td><td>${esc(c.counter)}</td><td class="amt">${esc(fmtYuan(c.countedFen))}</td><td class="amt">${esc(fmtYuan(c.countedFen - c.varianceFen))}</td><td class="amt">${esc(fmtSignedYuan(c.varianceFen))}</td><td>${c.approver ? `${esc(c.approver)}：${esc(c.reason)}` : ''}</td></tr>`,
    )
    .join('');
  const drawer = `<table class="t"><caption>${esc(T.drawer)}</caption>${
    countRows
      ? `<tr><th>${esc(W.date)}</th><th>${esc(W.cashier)}</th><th>${esc(T.counted)}</th><th>${esc(T.expected)}</th><th>${esc(T.variance)}</th><th></th></tr>${countRows}`
      : `<tr><td>${esc(T.noCount)}</td></tr>`
  }</table>`;
  const body = `<h1>${esc(W.dailyReport)}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(W.desk)} ${esc(d.deskCode)} · ${esc(d.date)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(L.reprint(d.copyNo))}</div>` : ''}
<p class="head">${esc(W.issued)} ${d.issued} ${esc(W.count)} · ${esc(W.voidedCount)} ${d.voided} ${esc(W.count)} · ${esc(W.total)} <b>${esc(fmtYuan(d.totalFen))}</b></p>
<div class="cols"><table class="t"><caption>${esc(W.byMethod)}</caption>${methodRows}</table>
<table class="t"><caption>${esc(W.byItem)}</caption>${itemRows}</table></div>
<table class="t"><caption>${esc(W.byCashier)}</caption><tr><th>${esc(W.cashier)}</th><th>${esc(W.issued)}</th><th>${esc(W.voidedCount)}</th>${PAY_METHODS.map((m) => `<th>${esc(W.methodNames[m])}</th>`).join('')}<th>${esc(W.total)}</th></tr>${cashierRows}</table>
<table class="t"><caption>${esc(W.receipts)}</caption><tr><th>${esc(W.receiptNo)}</th><th>${esc(W.date)}</th><th>${esc(W.unit)}</th><th>${esc(W.payer)}</th><th>${esc(W.amount)}</th><th>${esc(W.cashier)}</th><th></th></tr>${receiptRows}</table>
${drawer}
<table class="signoff"><tr><th>${esc(T.payee)}</th><td></td><th>${esc(T.reviewer)}</th><td></td></tr></table>
<div class="foot">${esc(L.printedAt)} ${esc(fmtDateTime(d.printedAt))}</div>`;
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
  return page({ title: `${W.dailyReport} ${d.date}`, layout: 'a4', lang: locale, body, css });
}
