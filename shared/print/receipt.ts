import { esc, page, type Layout } from './html.js';
import { PRINT_LABELS, type PrintLocale } from './labels.js';
import { FEE_WORDS } from './feeLabels.js';
import { qrSvg } from './qr.js';
import { issuerLines, type Issuer } from './siteHeader.js';
import { fmtDateTime, fmtYuan } from './format.js';
import { amountInCapitals } from '../domain/money.js';
import { FEE_ITEM_NAMES, type FeeItemCode, type PayMethod } from '../domain/fees.js';

export interface ReceiptData {
  siteName: string;
  /** The company that takes the money (收款单位), its address and phone. */
  issuer?: Issuer;
  deviceCode: string;
  receiptNo: string;
  issuedAt: string;
  payer: string;
  unitCode: string;
  lines: { item: FeeItemCode; period: string; amountFen: number }[];
  advanceFen: number;
  totalFen: number;
  methods: { method: PayMethod; amountFen: number; reference: string }[];
  tenderedFen: number;
  changeFen: number;
  cashier: string;
  /** What the QR holds: HQ verifies the receipt by it (number, amount and the receipt's id). */
  verifyRef: string;
  copyNo: number;
  voided: { at: string; reason: string } | null;
}

/** The verification reference printed as QR: number, total in fen and the receipt's unguessable id. */
export const receiptVerifyRef = (receiptNo: string, totalFen: number, receiptId: string) =>
  `LDR1/${receiptNo}/${totalFen}/${receiptId}`;

async function copyHtml(d: ReceiptData, locale: PrintLocale, copyLabel: string): Promise<string> {
  const W = FEE_WORDS[locale];
  const L = PRINT_LABELS[locale];
  const names = FEE_ITEM_NAMES[locale];
  const lines = d.lines
    .map(
      (l) => `<tr><td>${esc(names[l.item])}</td><td>${esc(l.period)}</td><td class="amt">${esc(fmtYuan(l.amountFen))}</td></tr>`,
    )
    .join('');
  const advance = d.advanceFen
    ? `<tr><td>${esc(W.advance)}</td><td></td><td class="amt">${esc(fmtYuan(d.advanceFen))}</td></tr>`
    : '';
  const methods = d.methods
    .map((m) => `${esc(W.methodNames[m.method])} ${esc(fmtYuan(m.amountFen))}${m.reference ? ` (${esc(m.reference)})` : ''}`)
    .join('；');
  const cash = d.methods.some((m) => m.method === 'cash')
    ? `<tr><th>${esc(W.tendered)}</th><td>${esc(fmtYuan(d.tenderedFen))} · ${esc(W.change)} ${esc(fmtYuan(d.changeFen))}</td></tr>`
    : '';
  return `<section class="copy${d.voided ? ' is-void' : ''}">
${d.voided ? `<div class="void-mark">${esc(W.voided)}</div>` : ''}
<h1>${esc(W.receipt)}</h1>
<div class="sub">${esc(d.siteName)}${copyLabel ? ` · ${esc(copyLabel)}` : ''}</div>
${issuerLines(d.issuer, locale)}
${d.copyNo > 0 ? `<div class="reprint">${esc(L.reprint(d.copyNo))}</div>` : ''}
<table class="kv">
<tr><th>${esc(W.receiptNo)}</th><td class="no">${esc(d.receiptNo)}</td></tr>
<tr><th>${esc(W.date)}</th><td>${esc(fmtDateTime(d.issuedAt))}</td></tr>
<tr><th>${esc(W.unit)}</th><td>${esc(d.unitCode)}</td></tr>
<tr><th>${esc(W.payer)}</th><td>${esc(d.payer)}</td></tr>
</table>
<table class="lines"><thead><tr><th>${esc(W.item)}</th><th>${esc(W.period)}</th><th class="amt">${esc(W.amount)}</th></tr></thead>
<tbody>${lines}${advance}</tbody>
<tfoot><tr><td>${esc(W.total)}</td><td></td><td class="amt">${esc(fmtYuan(d.totalFen))}</td></tr></tfoot></table>
<div class="capitals">${esc(W.capitals)}：<b>${esc(amountInCapitals(d.totalFen))}</b></div>
<table class="kv">
<tr><th>${esc(W.methods)}</th><td>${methods}</td></tr>
${cash}
<tr><th>${esc(W.cashier)}</th><td>${esc(d.cashier)} · ${esc(W.desk)} ${esc(d.deviceCode)}</td></tr>
${d.voided ? `<tr><th>${esc(W.voidReason)}</th><td>${esc(d.voided.reason)} · ${esc(fmtDateTime(d.voided.at))}</td></tr>` : ''}
</table>
<div class="qr">${await qrSvg(d.verifyRef)}</div>
<div class="foot">${esc(W.verify)} · ${esc(W.seal)}</div>
</section>`;
}

/**
 * 收款收据. On the 80 mm roll, the customer's copy; on A5, the stub (存根, kept by the office) above
 * the customer copy with a cut line. A voided receipt prints 作废 across every copy; a reprint says 补打.
 */
export async function renderReceipt(d: ReceiptData, layout: Layout, locale: PrintLocale): Promise<string> {
  const W = FEE_WORDS[locale];
  const body =
    layout === 'a5'
      ? `${await copyHtml(d, locale, W.stub)}<div class="cut"></div>${await copyHtml(d, locale, W.customer)}`
      : await copyHtml(d, locale, '');
  const css = `table.lines { width: 100%; border-collapse: collapse; margin-top: 1.5mm; }
table.lines th, table.lines td { border-bottom: 1px solid #000; padding: 0.6mm 0.8mm; text-align: left; }
table.lines .amt { text-align: right; white-space: nowrap; }
table.lines tfoot td { font-weight: bold; border-top: 1.5px solid #000; border-bottom: none; }
.capitals { margin: 1.5mm 0; font-size: 1.05em; }
td.no { font-family: "Consolas", "DejaVu Sans Mono", monospace; }
section.copy { position: relative; }
.void-mark { position: absolute; top: 30%; left: 0; right: 0; text-align: center; font-size: 48pt; font-weight: bold;
  color: rgba(200,0,0,0.55); border: 4px solid rgba(200,0,0,0.55); transform: rotate(-18deg); }
.cut { border-top: 1px dashed #000; margin: 4mm 0; }
${layout === 'a5' ? '.qr svg { width: 22mm; } section.copy { page-break-inside: avoid; font-size: 9pt; }' : ''}`;
  return page({ title: `${W.receipt} ${d.receiptNo}`, layout, lang: locale, body, css });
}
