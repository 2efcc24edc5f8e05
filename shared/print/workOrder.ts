import { esc, page, type Layout } from './html.js';
import { PRINT_LABELS, type PrintLocale } from './labels.js';
import { WORK_ORDER_WORDS } from './workOrderLabels.js';
import { qrSvg } from './qr.js';
import { fmtDateTime, fmtYuan } from './format.js';
import type { Severity, TicketKind, Urgency } from '../domain/tickets.js';

export interface WorkOrderData {
  siteName: string;
  ticketNo: string;
  kind: TicketKind;
  urgency: Urgency | null;
  severity: Severity | null;
  /** null for an anonymous complaint: the work order never names the complainant. */
  contact: { unit: string; name: string; phone: string } | null;
  problem: string;
  description: string;
  location: string;
  convenientTime: string;
  paid: boolean;
  chargeFen: number;
  department: string;
  assignee: string;
  dispatchedAt: string;
  receiver: string;
  copyNo: number;
}

/** One A6 sheet: the number and the urgency each on one line, the signature boxes shorter. */
const A6_WORK_ORDER_CSS = `.head { gap: 2mm; } .code.big { font-size: 1.1em; white-space: nowrap; }
.level { font-size: 1.15em; white-space: nowrap; padding: 0 1mm; }
table.sign { margin-top: 2mm; } table.sign th, table.sign td { padding: 0.8mm; }
table.sign td { min-width: 20mm; height: 7mm; } table.sign td.signature { height: 12mm; }`;

/**
 * 派工单 (seed 003): what maintenance takes to the job. Urgency in large type, the agreed charge of a
 * paid repair, a block for the customer's signature after the work, and a QR of the ticket number.
 */
export async function renderWorkOrder(d: WorkOrderData, layout: Layout, locale: PrintLocale): Promise<string> {
  const W = WORK_ORDER_WORDS[locale];
  const L = PRINT_LABELS[locale];
  // Labels in the print language only: a Chinese work order is not a bilingual form (issue 17).
  const row = (label: string, value: string) => (value ? `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>` : '');
  const level = d.urgency ? W.urgency[d.urgency] : d.severity ? W.severity[d.severity] : '';
  const contact = d.contact ? [d.contact.name, d.contact.phone].filter(Boolean).join(' · ') : W.anonymous;
  const body = `
<h1>${esc(W.title)}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(W.kind[d.kind])}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(L.reprint(d.copyNo))}</div>` : ''}
<div class="head"><div class="code big">${esc(W.no)} ${esc(d.ticketNo)}</div>${level ? `<div class="level">${esc(level)}</div>` : ''}</div>
<table class="kv">
${row(W.unit, d.contact?.unit ?? '')}
<tr><th>${esc(W.contact)}</th><td>${esc(contact)}</td></tr>
${row(W.problem, d.problem)}
${row(W.description, d.description)}
${row(W.location, d.location)}
${row(W.convenient, d.convenientTime)}
${d.kind === 'repair' ? row(W.charge, d.paid ? W.paid(fmtYuan(d.chargeFen)) : W.free) : ''}
${row(W.department, [d.department, d.assignee].filter(Boolean).join(' · '))}
${row(W.dispatchedAt, fmtDateTime(d.dispatchedAt))}
${row(W.receiver, d.receiver)}
</table>
<div class="qr">${await qrSvg(d.ticketNo)}</div>
<table class="sign"><tr><th>${esc(W.worker)}</th><td></td><th>${esc(W.done)}</th><td></td></tr>
<tr><th>${esc(W.sign)}</th><td colspan="3" class="signature"></td></tr></table>
<div class="foot">${esc(W.foot)}</div>`;
  const css = `.head { display: flex; justify-content: space-between; align-items: baseline; }
.code.big { font-size: 1.25em; font-weight: bold; }
.level { font-size: 1.4em; font-weight: bold; border: 2px solid #000; padding: 0 2mm; }
table.sign { width: 100%; border-collapse: collapse; margin-top: 4mm; }
table.sign th, table.sign td { border: 1px solid #000; padding: 1.5mm; text-align: left; font-weight: normal; }
table.sign td { min-width: 30mm; height: 10mm; } table.sign td.signature { height: 18mm; }
${layout === 'a6' ? A6_WORK_ORDER_CSS : ''}`;
  return page({ title: `${W.title} ${d.ticketNo}`, layout, lang: locale, body, css });
}
