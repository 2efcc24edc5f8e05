import { esc, page, type Layout } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';
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
  /** `note` is the charge's own (a parking space, a meter): it tells which one was paid. */
  lines: { item: FeeItemCode; period: string; amountFen: number; note?: string }[];
  advanceFen: number;
  totalFen: number;
  methods: { method: PayMethod; amountFen: number; reference: string }[];
  tenderedFen: number;
  changeFen: number;
  cashier: string;
  /** What the QR holds: HQ verifies the receipt by it (number, amount and the receipt's id). */
  verifyRef: string;
  copyNo: number;
  voided: { at: string; reason: string; approver: string } | null;
}

/**
 * The verification reference printed as QR: number, total in fen and the receipt's unguessable id.
 * A receipt printed after its void says so in the reference itself (`/VOID`), so any scanner tells
 * it without asking HQ; a copy printed before the void still needs HQ's lookup.
 */
export const receiptVerifyRef = (receiptNo: string, totalFen: number, receiptId: string, voided = false) =>
  `LDR1/${receiptNo}/${totalFen}/${receiptId}${voided ? '/VOID' : ''}`;

/** Text that must never be split across lines (a number, a reference, a token). */
const whole = (text: string) => `<span class="whole">${esc(text)}</span>`;

/**
 * The amount in capitals moves to a line of its own rather than break; only an amount wider than
 * the whole line wraps, and then after 亿, 万 or 元: never 分 alone on a line.
 */
const capitalsHtml = (fen: number) =>
  `<b class="in-words">${amountInCapitals(fen)
    .split(/(?<=[亿万元])/)
    .map(whole)
    .join('')}</b>`;

async function copyHtml(d: ReceiptData, layout: Layout, locale: PrintLocale, copyLabel: string): Promise<string> {
  const t = printT(locale);
  const names = FEE_ITEM_NAMES[locale];
  const lines = d.lines
    .map(
      (l) =>
        `<tr><td>${esc(names[l.item])}${l.note ? ` <span class="note">${whole(l.note)}</span>` : ''}</td><td>${whole(l.period)}</td><td class="amt">${esc(fmtYuan(l.amountFen))}</td></tr>`,
    )
    .join('');
  const advance = d.advanceFen
    ? `<tr><td>${esc(t('fee.advance'))}</td><td></td><td class="amt">${esc(fmtYuan(d.advanceFen))}</td></tr>`
    : '';
  const methods = d.methods
    .map(
      (m) =>
        `<div>${esc(t(`fee.methodNames.${m.method}`))} ${whole(fmtYuan(m.amountFen))}${m.reference ? ` <span class="ref">(${esc(m.reference)})</span>` : ''}</div>`,
    )
    .join('');
  const cash = d.methods.some((m) => m.method === 'cash')
    ? `<tr><th>${esc(t('fee.tendered'))}</th><td>${whole(fmtYuan(d.tenderedFen))} · ${esc(t('fee.change'))} ${whole(fmtYuan(d.changeFen))}</td></tr>`
    : '';
  const voidRows = d.voided
    ? `<tr><th>${esc(t('fee.voidReason'))}</th><td>${esc(d.voided.reason)} · ${whole(fmtDateTime(d.voided.at))}</td></tr>
<tr><th>${esc(t('fee.voidApprover'))}</th><td>${esc(d.voided.approver)}</td></tr>`
    : '';
  const head = `<h1>${esc(t('fee.receipt'))}</h1>
<div class="sub">${esc(d.siteName)}${copyLabel ? ` · ${esc(copyLabel)}` : ''}</div>
${issuerLines(d.issuer, locale)}
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
<table class="kv">
<tr><th>${esc(t('fee.receiptNo'))}</th><td class="no">${whole(d.receiptNo)}</td></tr>
<tr><th>${esc(t('fee.date'))}</th><td>${whole(fmtDateTime(d.issuedAt))}</td></tr>
<tr><th>${esc(t('fee.unit'))}</th><td>${whole(d.unitCode)}</td></tr>
<tr><th>${esc(t('fee.payer'))}</th><td>${esc(d.payer)}</td></tr>
</table>`;
  const qr = `<div class="qr">${await qrSvg(d.verifyRef)}</div>`;
  // On A5 each copy is half the sheet: the QR sits beside the heading instead of below everything.
  const top = layout === 'a5' ? `<div class="top"><div class="top-main">${head}</div>${qr}</div>` : head;
  return `<section class="copy${d.voided ? ' is-void' : ''}">
${d.voided ? `<div class="void-mark">${esc(t('fee.voided'))}</div>` : ''}
${top}
<table class="lines"><thead><tr><th>${esc(t('fee.item'))}</th><th>${esc(t('fee.period'))}</th><th class="amt">${esc(t('fee.amount'))}</th></tr></thead>
<tbody>${lines}${advance}</tbody>
<tfoot><tr><td>${esc(t('fee.total'))}</td><td></td><td class="amt">${esc(fmtYuan(d.totalFen))}</td></tr></tfoot></table>
<div class="capitals">${esc(t('fee.capitals'))}：${capitalsHtml(d.totalFen)}</div>
<table class="kv">
<tr><th>${esc(t('fee.methods'))}</th><td>${methods}</td></tr>
${cash}
<tr><th>${esc(t('fee.cashier'))}</th><td>${esc(d.cashier)} · ${esc(t('fee.desk'))} ${whole(d.deviceCode)}</td></tr>
${voidRows}
</table>
${layout === 'a5' ? '' : qr}
<div class="foot">${esc(t('fee.verify'))} · ${esc(t('fee.seal'))}</div>
</section>`;
}

/**
 * 收款收据. On the 80 mm roll, the customer's copy; on A5, the stub (存根, kept by the office) above
 * the customer copy on the one sheet, with a cut line between. A voided receipt prints 作废 across
 * every copy with its reason and approver; a reprint says 补打.
 */
export async function renderReceipt(d: ReceiptData, layout: Layout, locale: PrintLocale): Promise<string> {
  const t = printT(locale);
  const body =
    layout === 'a5'
      ? `${await copyHtml(d, layout, locale, t('fee.stub'))}<div class="cut"><span>${esc(t('fee.cutHere'))}</span></div>${await copyHtml(d, layout, locale, t('fee.customer'))}`
      : await copyHtml(d, layout, locale, '');
  const css = `table.lines { width: 100%; border-collapse: collapse; margin-top: 1.5mm; }
table.lines th, table.lines td { border-bottom: 1px solid #000; padding: 0.6mm 0.8mm; text-align: left; }
table.lines .amt { text-align: right; white-space: nowrap; }
table.lines tfoot td { font-weight: bold; border-top: 1.5px solid #000; border-bottom: none; }
.note { font-weight: normal; font-size: 0.85em; }
.capitals { margin: 1.5mm 0; font-size: 1.05em; }
.whole { white-space: nowrap; }
.in-words { display: inline-block; max-width: 100%; }
.ref { display: inline-block; max-width: 100%; white-space: nowrap; font-family: "Consolas", "DejaVu Sans Mono", monospace; }
td.no { font-family: "Consolas", "DejaVu Sans Mono", monospace; }
section.copy { position: relative; }
.void-mark { position: absolute; top: 30%; left: 0; right: 0; text-align: center; font-size: 48pt; font-weight: bold;
  color: rgba(200,0,0,0.55); border: 4px solid rgba(200,0,0,0.55); transform: rotate(-18deg); }
${layout === 'a5' ? A5_CSS : ''}`;
  return page({ title: `${t('fee.receipt')} ${d.receiptNo}`, layout, lang: locale, body, css });
}

/** Two copies on one A5 sheet: compact type, the QR beside the heading, a dashed cut line between. */
const A5_CSS = `body { font-size: 9pt; line-height: 1.22; }
h1 { font-size: 1.4em; }
.sub { margin-bottom: 0.5mm; }
.issuer { margin: 0; font-size: 0.8em; }
.issuer + .issuer { margin-top: 0; }
.reprint { margin: 0.5mm 0; padding: 0.2mm; }
table.kv th, table.kv td { padding: 0.2mm 2mm 0.2mm 0; }
table.lines { margin-top: 1mm; }
table.lines th, table.lines td { padding: 0.3mm 0.8mm; }
.capitals { margin: 1mm 0; }
.top { display: flex; align-items: flex-start; gap: 4mm; }
.top-main { flex: 1; min-width: 0; }
.top .qr { margin: 0; flex: none; }
.top .qr svg { width: 24mm; display: block; }
.foot { margin-top: 1mm; }
.void-mark { font-size: 40pt; top: 38%; left: 8%; right: 30%; }
.cut { border-top: 1px dashed #000; margin: 5mm 0 4mm; text-align: center; height: 0; }
.cut span { position: relative; top: -0.65em; background: #fff; padding: 0 2mm; font-size: 0.75em; }`;
